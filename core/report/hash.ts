/**
 * The report's input hash: SHA-256 over a canonical encoding of everything a plan depends on, so the same
 * inputs always give the same hash and any change gives another. Sections, in order, each introduced by its
 * name and a newline so bytes cannot slide between sections:
 *   "cwb-report-inputs/2\n"
 *   "estate\n"   canonical JSON of the estate without its `scenarios` (object keys sorted, no spaces) "\n":
 *                the report is about one scenario, hashed on its own below, so renaming or editing another
 *                scenario leaves this one's hash alone
 *   "series\n"   canonical JSON of { startUtc, hours, serverIds } "\n", then each metric (METRICS order) as
 *                little-endian float32 bytes (the .cwb's series.bin layout; NaN gaps hash bit for bit)
 *   "scenario\n" canonical JSON of the scenario "\n"
 *   "settings\n" canonical JSON of the engine settings (seed, budget) "\n"
 */
import type { Estate, Scenario } from '../model/schema.ts';
import { METRICS, type SeriesSet } from '../model/series.ts';
import { createSha256, toHex, type Sha256 } from '../util/sha256.ts';
import { encodeUtf8 } from '../util/utf8.ts';

export type EngineSettings = {
  /** The engine's seed (the scenario's). */
  seed: number;
  /** The improvement search budget of the run, ms. */
  budgetMs: number;
  /** A work-unit budget (reproducible runs; the clock then does not end the search); absent or null: none. */
  iterations?: number | null;
  /** The effort level of the run ('custom' for a number of work units), for the report's text; not hashed. */
  effort?: string;
  /** Work units at which the plan was found (`cwb plan --effort N` replays it); for the report's text; not hashed. */
  foundAt?: number;
};

export const HASH_FORMAT = 'cwb-report-inputs/2';

/**
 * JSON with object keys in code-unit order at every level and no whitespace. Arrays keep their order
 * (undefined members and holes are null); undefined object members are left out (as JSON.stringify does);
 * non-finite numbers become null; typed arrays are written as arrays of numbers.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (Array.isArray(value)) {
    // by index, so holes of a sparse array are null like undefined members
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) parts.push(value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `[${parts.join(',')}]`;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return 'null';
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** A Float32Array's bytes in little-endian order (a view when the platform is little-endian, else a copy). */
export function float32LeBytes(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return out;
}

function text(h: Sha256, s: string): void {
  h.update(encodeUtf8(s));
}

export type HashInputs = { estate: Estate; series: SeriesSet; scenario: Scenario; settings: EngineSettings };

/**
 * `canonicalJson(value)` as consecutive pieces (their concatenation is exactly that text): objects and arrays
 * are opened `depth` levels down, deeper values come whole. Pieces end at token boundaries, so each can be
 * UTF-8 encoded on its own.
 */
export function* canonicalJsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) {
    yield canonicalJson(value);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const v: unknown = value[i];
      if (v === undefined) yield 'null';
      else yield* canonicalJsonPieces(v, depth - 1);
    }
    yield ']';
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  yield '{';
  for (let i = 0; i < keys.length; i++) {
    yield `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`;
    yield* canonicalJsonPieces(obj[keys[i]], depth - 1);
  }
  yield '}';
}

/** Bytes hashed between two yields of `reportInputHashIter` by default (a few ms of work). */
export const HASH_SLICE_BYTES = 256 * 1024;

/** The input hash as 64 lower-case hex digits. */
export function reportInputHash(inputs: HashInputs): string {
  const gen = reportInputHashIter(inputs);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * `reportInputHash` in slices: yields after about `sliceBytes` of JSON text or series bytes, so a UI thread
 * can hash a large estate (10,000 servers: ~37 MB, 1-2 s) without freezing. Same bytes, same hash.
 */
export function* reportInputHashIter({ estate, series, scenario, settings }: HashInputs, sliceBytes = HASH_SLICE_BYTES): Generator<void, string> {
  const h = createSha256();
  let since = 0;
  text(h, `${HASH_FORMAT}\n`);
  const { scenarios: _others, ...estateOnly } = estate;
  text(h, 'estate\n');
  // the estate's JSON in pieces (servers, flows, ... one element at a time), hashed in batches
  let batch: string[] = [];
  let batchChars = 0;
  for (const piece of canonicalJsonPieces(estateOnly, 2)) {
    batch.push(piece);
    batchChars += piece.length;
    if (batchChars < 16 * 1024) continue;
    text(h, batch.join(''));
    since += batchChars;
    batch = [];
    batchChars = 0;
    if (since >= sliceBytes) {
      since = 0;
      yield;
    }
  }
  text(h, `${batch.join('')}\n`);
  text(h, `series\n${canonicalJson({ startUtc: series.startUtc, hours: series.hours, serverIds: series.serverIds })}\n`);
  yield;
  for (const m of METRICS) {
    const bytes = float32LeBytes(series[m]);
    for (let at = 0; at < bytes.length; at += sliceBytes) {
      h.update(bytes.subarray(at, Math.min(bytes.length, at + sliceBytes)));
      yield;
    }
  }
  text(h, `\nscenario\n${canonicalJson(scenario)}\n`);
  // iterations only when set, so the hashes of clock-budget runs keep their encoding
  const iterations = settings.iterations ?? null;
  text(h, `settings\n${canonicalJson(iterations === null ? { seed: settings.seed, budgetMs: settings.budgetMs } : { seed: settings.seed, budgetMs: settings.budgetMs, iterations })}\n`);
  return toHex(h.digest());
}

/** "3f2a9c1e 77b0…" : the hash in groups of 8 for reading aloud; the full value, nothing cut. */
export function groupedHash(hex: string, group = 8): string {
  const parts: string[] = [];
  for (let i = 0; i < hex.length; i += group) parts.push(hex.slice(i, i + group));
  return parts.join(' ');
}
