/** JSON entries: strict UTF-8 decoding, and parse errors located by line and column on every engine. */
import { fail, formatBytes, type Failure } from './errors.ts';
import { decodeUtf8Strict } from '../util/utf8.ts';

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** End of the string starting at the quote at `i`, or -(position of the fault) - 1. */
function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(j + k))) return -(j + k) - 1;
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return -(j + 1) - 1;
    }
  }
  return -text.length - 1;
}

/** End of the number starting at `i`, or -(position of the fault) - 1. */
function scanNumber(text: string, i: number): number {
  let j = i;
  if (text[j] === '-') j++;
  if (text[j] === '0') j++;
  else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
  else return -j - 1;
  if (text[j] === '.') {
    j++;
    if (!isDigit(text.charCodeAt(j))) return -j - 1;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    if (!isDigit(text.charCodeAt(j))) return -j - 1;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when it ends too early), or -1
 * when it is valid. Iterative, so hostile nesting cannot overflow the stack. Used only after JSON.parse
 * failed, to say where, the same way on every JavaScript engine.
 */
export function jsonErrorOffset(text: string): number {
  const stack: number[] = [];
  let state: 'value' | 'first-value' | 'key' | 'first-key' | 'after' = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (state === 'first-value' && c === 0x5d) {
      i++;
      stack.pop();
      state = 'after';
    } else if (state === 'value' || state === 'first-value') {
      if (i >= text.length) return i;
      if (c === 0x7b || c === 0x5b) {
        stack.push(c);
        i++;
        state = c === 0x7b ? 'first-key' : 'first-value';
        continue;
      }
      let end: number;
      if (c === 0x22) end = scanString(text, i);
      else if (c === 0x2d || isDigit(c)) end = scanNumber(text, i);
      else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return i;
        end = i + word.length;
      }
      if (end < 0) return -end - 1;
      i = end;
      state = 'after';
    } else if (state === 'first-key' && c === 0x7d) {
      i++;
      stack.pop();
      state = 'after';
    } else if (state === 'key' || state === 'first-key') {
      if (c !== 0x22) return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      while (i < text.length && isWs(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3a) return i;
      i++;
      state = 'value';
    } else {
      if (stack.length === 0) return i >= text.length ? -1 : i;
      const top = stack[stack.length - 1];
      if (c === 0x2c) {
        i++;
        state = top === 0x7b ? 'key' : 'value';
      } else if (c === (top === 0x7b ? 0x7d : 0x5d)) {
        i++;
        stack.pop();
      } else return i;
    }
  }
}

export type JsonShape = { values: number; containers: number; depth: number };

/**
 * Count a JSON text's values, containers and deepest nesting from its UTF-8 bytes, without decoding or
 * allocating, stopping as soon as a budget is exceeded (then `over` names which). Structural characters are
 * ASCII and never appear inside a multi-byte UTF-8 sequence, so the bytes can be scanned as they are.
 * Invalid JSON is counted as well as it can be; JSON.parse reports it afterwards.
 */
export function scanJsonShape(bytes: Uint8Array, budget: { maxValues: number; maxContainers: number; maxDepth: number }): JsonShape & { over: null | 'values' | 'containers' | 'depth' } {
  let values = 1;
  let containers = 0;
  let depth = 0;
  let deepest = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0x22) {
      // skip the string (escapes included)
      for (i++; i < n; i++) {
        const d = bytes[i];
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      containers++;
      depth++;
      if (depth > deepest) deepest = depth;
      if (containers > budget.maxContainers) return { values, containers, depth: deepest, over: 'containers' };
      if (deepest > budget.maxDepth) return { values, containers, depth: deepest, over: 'depth' };
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c || c === 0x3a) {
      // a comma starts another value; a colon's value counts with its key (key + value = 2)
      values++;
      if (values > budget.maxValues) return { values, containers, depth: deepest, over: 'values' };
    }
  }
  return { values, containers, depth: deepest, over: null };
}

export type JsonBudget = { maxBytes: number; maxValues?: number; maxContainers?: number; maxDepth?: number };

const fmtCount = (n: number): string => n.toLocaleString('en-US');

export function parseJsonEntry(entryName: string, bytes: Uint8Array, budget: number | JsonBudget): { ok: true; value: unknown } | Failure {
  const b = typeof budget === 'number' ? { maxBytes: budget } : budget;
  if (bytes.length > b.maxBytes) {
    return fail('too-large', `The entry ${entryName} is ${formatBytes(bytes.length)} of JSON; this project may hold at most ${formatBytes(b.maxBytes)} there.`);
  }
  const limits = { maxValues: b.maxValues ?? Infinity, maxContainers: b.maxContainers ?? Infinity, maxDepth: b.maxDepth ?? 512 };
  const shape = scanJsonShape(bytes, limits);
  if (shape.over === 'depth') {
    return fail('too-large', `The entry ${entryName} nests deeper than ${limits.maxDepth} levels; a project never does. The file is damaged or hostile.`);
  }
  if (shape.over !== null) {
    const what = shape.over === 'values' ? `values (${fmtCount(limits.maxValues)})` : `objects and arrays (${fmtCount(limits.maxContainers)})`;
    return fail('too-large', `The entry ${entryName} holds more ${what} than a project of the size its manifest states can; the file is damaged or hostile.`);
  }
  let text: string;
  try {
    text = decodeUtf8Strict(bytes);
  } catch {
    return fail('bad-json', `The entry ${entryName} is not valid UTF-8 text; the file is damaged.`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const offset = jsonErrorOffset(text);
    if (offset < 0) return fail('bad-json', `The entry ${entryName} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    const { line, column } = lineColumn(text, offset);
    const what = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[offset])}`;
    const near = JSON.stringify(text.slice(Math.max(0, offset - 30), offset + 10));
    return fail('bad-json', `The entry ${entryName} is not valid JSON at line ${line}, column ${column} (character ${offset}): ${what}, near ${near}.`);
  }
}
