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
};

export const HASH_FORMAT = 'cwb-report-inputs/2';

/**
 * JSON with object keys in code-unit order at every level and no whitespace. Arrays keep their order;
 * undefined members are left out (as JSON.stringify does); non-finite numbers become null; typed arrays are
 * written as arrays of numbers.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
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

/** The input hash as 64 lower-case hex digits. */
export function reportInputHash({ estate, series, scenario, settings }: HashInputs): string {
  const h = createSha256();
  text(h, `${HASH_FORMAT}\n`);
  const { scenarios: _others, ...estateOnly } = estate;
  text(h, `estate\n${canonicalJson(estateOnly)}\n`);
  text(h, `series\n${canonicalJson({ startUtc: series.startUtc, hours: series.hours, serverIds: series.serverIds })}\n`);
  for (const m of METRICS) h.update(float32LeBytes(series[m]));
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
