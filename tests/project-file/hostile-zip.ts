/** Tools to craft hostile .cwb files in tests: unpack/repack, patch zip header fields, build deflate bombs. */
import { unzipSync } from 'fflate';
import { crc32 } from '../../core/project-file/crc32.ts';
import { writeZip, type DeflateLevel } from '../../core/project-file/zip-write.ts';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const NOW = '2026-11-22T12:00:00Z';

export function unpack(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** A zip of these entries in order (duplicates and any names allowed). */
export function pack(files: readonly (readonly [string, Uint8Array | string, DeflateLevel?])[]): Uint8Array {
  return writeZip(
    files.map(([name, data, level]) => ({ name, parts: [typeof data === 'string' ? utf8(data) : data], level: level ?? 6 })),
    NOW,
  );
}

/** The same zip with one entry replaced (or removed with null), other entries kept in order. */
export function replaceEntry(zip: Uint8Array, name: string, data: Uint8Array | string | null): Uint8Array {
  const files = Object.entries(unpack(zip));
  const out = files.flatMap(([n, d]) => (n !== name ? [[n, d] as const] : data === null ? [] : [[n, data] as const]));
  if (!files.some(([n]) => n === name) && data !== null) out.push([name, data]);
  return pack(out);
}

export const jsonOf = (zip: Uint8Array, name: string): unknown => JSON.parse(new TextDecoder().decode(unpack(zip)[name]));

type Field = 'flags' | 'method' | 'crc' | 'compressedSize' | 'size';
const CENTRAL: Record<Field, [number, 2 | 4]> = { flags: [8, 2], method: [10, 2], crc: [16, 4], compressedSize: [20, 4], size: [24, 4] };
const LOCAL: Record<Field, [number, 2 | 4]> = { flags: [6, 2], method: [8, 2], crc: [14, 4], compressedSize: [18, 4], size: [22, 4] };

function set(view: DataView, at: number, width: 2 | 4, value: number): void {
  if (width === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value >>> 0, true);
}

/** A copy of the zip with header fields of one entry changed in its central and its local header. */
export function patchEntry(zip: Uint8Array, name: string, fields: Partial<Record<Field, number>>): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const end = out.length - 22;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    const nameLen = view.getUint16(p + 28, true);
    const next = p + 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLen)) === name) {
      const local = view.getUint32(p + 42, true);
      for (const [field, value] of Object.entries(fields) as [Field, number][]) {
        set(view, p + CENTRAL[field][0], CENTRAL[field][1], value);
        set(view, local + LOCAL[field][0], LOCAL[field][1], value);
      }
      return out;
    }
    p = next;
  }
  throw new Error(`no entry ${name}`);
}

/** A copy of the zip with the end record's entry counts set to `count`. */
export function patchEntryCount(zip: Uint8Array, count: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint16(out.length - 22 + 8, count, true);
  view.setUint16(out.length - 22 + 10, count, true);
  return out;
}

/**
 * A raw deflate stream that inflates to 1 + 258 * copies zero bytes from about 13 bits per copy: one fixed
 * Huffman block, a literal 0, then `copies` times "copy 258 bytes from distance 1". 4.2 million copies make
 * a gigabyte out of 7 MB: the classic bomb, built without ever holding the gigabyte.
 */
export function deflateBomb(copies: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8) + 1);
  let at = 0;
  let acc = 0;
  let n = 0;
  const bits = (value: number, count: number) => {
    acc |= value << n;
    n += count;
    while (n >= 8) {
      out[at++] = acc & 0xff;
      acc >>>= 8;
      n -= 8;
    }
  };
  /** Huffman codes go most significant bit first. */
  const reversed = (code: number, count: number) => {
    let r = 0;
    for (let i = 0; i < count; i++) r |= ((code >> i) & 1) << (count - 1 - i);
    return r;
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE = fixed Huffman
  bits(reversed(0x30, 8), 8); // literal 0
  const copy = reversed(0xc5, 8) | (reversed(0, 5) << 8); // length code 285 (258 bytes), distance code 0 (1)
  for (let i = 0; i < copies; i++) bits(copy, 13);
  bits(0, 7); // end of block (code 256)
  if (n > 0) out[at++] = acc & 0xff;
  return out.subarray(0, at);
}

/** Index of the first byte where a and b differ (the shorter length when one is a prefix), or -1 if equal.
 * vitest's toEqual walks typed arrays element by element and takes seconds on megabytes. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * A raw deflate stream of `head`, then `period` (1 to 4 bytes) repeated `copies` times by length-258 copies at
 * distance period.length, then `tail`: 258 bytes of output per ~13 bits, for JSON bombs of any shape
 * ("{}," objects, "1," numbers, "[" nesting). Built without ever holding the output.
 */
export function deflateRepeat(head: string, period: string, copies: number, tail: string): { data: Uint8Array; size: number; crc: number } {
  const p = utf8(period);
  if (p.length < 1 || p.length > 4) throw new RangeError('period of 1 to 4 bytes');
  const h = utf8(head + period);
  const t = utf8(tail);
  const out = new Uint8Array(Math.ceil((3 + (h.length + t.length) * 9 + copies * 13 + 7) / 8) + 1);
  let at = 0;
  let acc = 0;
  let n = 0;
  const bits = (value: number, count: number) => {
    acc |= value << n;
    n += count;
    while (n >= 8) {
      out[at++] = acc & 0xff;
      acc >>>= 8;
      n -= 8;
    }
  };
  const reversed = (code: number, count: number) => {
    let r = 0;
    for (let i = 0; i < count; i++) r |= ((code >> i) & 1) << (count - 1 - i);
    return r;
  };
  const literal = (b: number) => (b < 144 ? bits(reversed(0x30 + b, 8), 8) : bits(reversed(0x190 + b - 144, 9), 9));
  bits(1, 1);
  bits(1, 2);
  for (const b of h) literal(b);
  const copy = reversed(0xc5, 8) | (reversed(p.length - 1, 5) << 8); // 258 bytes at distance period.length
  for (let i = 0; i < copies; i++) bits(copy, 13);
  for (const b of t) literal(b);
  bits(0, 7);
  if (n > 0) out[at++] = acc & 0xff;
  // the checksum of what it inflates to, computed a chunk at a time
  let crc = crc32(h);
  let left = copies * 258;
  const chunk = new Uint8Array(p.length * 65536);
  for (let i = 0; i < chunk.length; i++) chunk[i] = p[i % p.length];
  while (left > 0) {
    const k = Math.min(left, chunk.length);
    crc = crc32(chunk.subarray(0, k), crc);
    left -= k;
  }
  crc = crc32(t, crc);
  return { data: out.subarray(0, at), size: h.length + copies * 258 + t.length, crc };
}

/** A zip entry holding raw deflate data that claims `size` uncompressed (crc left 0: bombs fail before it). */
export function packDeflated(files: readonly (readonly [string, Uint8Array | string])[], raw: { name: string; data: Uint8Array; size: number; crc?: number }): Uint8Array {
  const zip = pack([...files, [raw.name, raw.data, 0]]);
  return patchEntry(zip, raw.name, { method: 8, size: raw.size, ...(raw.crc === undefined ? {} : { crc: raw.crc }) });
}
