/**
 * A plan as bytes, canonical and deterministic: the same plan always gives the same bytes, so its SHA-256
 * (`planHash`) names it. Layout:
 *   "CWBPLAN1"            8 bytes of magic
 *   u32 LE                length H of the header
 *   header               canonical JSON (keys sorted, no spaces: core/report/hash.ts `canonicalJson`) of the
 *                        plan with every typed array replaced by {"$a":kind,"at":byteOffset,"n":length}
 *   zero padding         to a multiple of 8 bytes
 *   data                 the typed arrays' values, little-endian, in the order the header meets them
 *                        (each at a multiple of 8 bytes)
 * Decoding never trusts a size: the header length, every array reference and the data length are checked
 * against the bytes in hand, the plan is validated with zod (`plan-schema.ts`) and the bytes must re-encode
 * to themselves (anything non-canonical, such as unsorted keys or stray padding, is refused).
 */
import type { Plan } from '../engine/plan.ts';
import { canonicalJson } from '../report/hash.ts';
import { sha256Hex } from '../util/sha256.ts';
import { decodeUtf8Strict, encodeUtf8 } from '../util/utf8.ts';
import { zodProblems } from '../model/validate.ts';
import { PlanSchema } from './plan-schema.ts';

const MAGIC = encodeUtf8('CWBPLAN1');
const HEAD = MAGIC.length + 4;
/** A plan's header JSON is at most this large (a 100k-server plan's assignments are ~15 MB). */
export const MAX_PLAN_HEADER_BYTES = 128 * 1024 * 1024;

type ArrayKind = 'f32' | 'f64' | 'i32' | 'u32' | 'u8';
type Typed = Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array;
const CTORS = { f32: Float32Array, f64: Float64Array, i32: Int32Array, u32: Uint32Array, u8: Uint8Array } as const;

function kindOf(v: unknown): ArrayKind | null {
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Float64Array) return 'f64';
  if (v instanceof Int32Array) return 'i32';
  if (v instanceof Uint32Array) return 'u32';
  if (v instanceof Uint8Array) return 'u8';
  return null;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The little-endian bytes of a typed array (a view on little-endian platforms). */
function leBytes(a: Typed): Uint8Array {
  if (LITTLE_ENDIAN || a instanceof Uint8Array) return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out = new Uint8Array(a.byteLength);
  const view = new DataView(out.buffer);
  const size = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < a.length; i++) {
    if (a instanceof Float32Array) view.setFloat32(i * size, a[i], true);
    else if (a instanceof Float64Array) view.setFloat64(i * size, a[i], true);
    else if (a instanceof Int32Array) view.setInt32(i * size, a[i], true);
    else view.setUint32(i * size, a[i], true);
  }
  return out;
}

/** The canonical bytes of a plan. Throws RangeError for values JSON cannot hold (a programming error). */
export function encodePlan(plan: Plan): Uint8Array<ArrayBuffer> {
  const arrays: Uint8Array[] = [];
  let at = 0;
  const strip = (v: unknown): unknown => {
    const kind = kindOf(v);
    if (kind !== null) {
      const bytes = leBytes(v as Typed);
      const ref = { $a: kind, at, n: (v as Typed).length };
      arrays.push(bytes);
      at = align8(at + bytes.byteLength);
      return ref;
    }
    if (ArrayBuffer.isView(v)) throw new RangeError(`encodePlan: ${v.constructor.name} is not a plan array kind`);
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      // keys in sorted order, so the arrays are met in the order the canonical header lists them
      for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = strip((v as Record<string, unknown>)[k]);
      return out;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`encodePlan: ${v} cannot be stored in a plan's JSON`);
    return v;
  };
  const header = encodeUtf8(canonicalJson(strip(plan)));
  const dataStart = align8(HEAD + header.byteLength);
  const out = new Uint8Array(dataStart + at);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(MAGIC.length, header.byteLength, true);
  out.set(header, HEAD);
  let offset = dataStart;
  for (const bytes of arrays) {
    out.set(bytes, offset);
    offset = align8(offset + bytes.byteLength);
  }
  return out;
}

/** The plan's name: SHA-256 of its canonical bytes, 64 hex digits. */
export function planHash(bytes: Uint8Array): string {
  return sha256Hex(bytes);
}

export type PlanDecode = { ok: true; plan: Plan } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Plan bytes back to a Plan, or a message naming what is wrong. Never throws. */
export function decodePlan(bytes: Uint8Array, what = 'The plan'): PlanDecode {
  try {
    return decode(bytes, what);
  } catch (e) {
    return { ok: false, message: `${what} could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function decode(bytes: Uint8Array, what: string): PlanDecode {
  const bad = (message: string): PlanDecode => ({ ok: false, message: `${what} ${message}` });
  if (bytes.byteLength < HEAD || MAGIC.some((b, i) => bytes[i] !== b)) return bad('is not a saved plan (no CWBPLAN1 header).');
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  if (headerBytes > MAX_PLAN_HEADER_BYTES) return bad(`declares a header of ${headerBytes} bytes; at most ${MAX_PLAN_HEADER_BYTES} are read.`);
  if (HEAD + headerBytes > bytes.byteLength) return bad(`declares a header of ${headerBytes} bytes but holds only ${bytes.byteLength - HEAD}.`);
  const dataStart = align8(HEAD + headerBytes);
  const dataBytes = Math.max(0, bytes.byteLength - dataStart);
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Strict(bytes.subarray(HEAD, HEAD + headerBytes)));
  } catch (e) {
    return bad(`has a header that is not JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const problems: string[] = [];
  const restore = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => restore(x, `${path}[${i}]`));
    if (!isRecord(v)) return v;
    if ('$a' in v) {
      const kind = v.$a;
      const { at, n } = v;
      if (typeof kind !== 'string' || !(kind in CTORS) || typeof at !== 'number' || typeof n !== 'number' || !Number.isInteger(at) || !Number.isInteger(n) || at < 0 || n < 0 || at % 8 !== 0) {
        problems.push(`${path} is not a valid array reference`);
        return new Float32Array(0);
      }
      const Ctor = CTORS[kind as ArrayKind];
      const size = Ctor.BYTES_PER_ELEMENT;
      if (at + n * size > dataBytes) {
        problems.push(`${path} refers to ${n * size} bytes at ${at}, past the ${dataBytes} bytes of data`);
        return new Ctor(0);
      }
      const out = new Ctor(n);
      const view = new DataView(bytes.buffer, bytes.byteOffset + dataStart + at, n * size);
      for (let i = 0; i < n; i++) {
        if (kind === 'f32') out[i] = view.getFloat32(i * size, true);
        else if (kind === 'f64') out[i] = view.getFloat64(i * size, true);
        else if (kind === 'i32') out[i] = view.getInt32(i * size, true);
        else if (kind === 'u32') out[i] = view.getUint32(i * size, true);
        else out[i] = view.getUint8(i);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = restore(v[k], path === '' ? k : `${path}.${k}`);
    return out;
  };
  const restored = restore(json, '');
  if (problems.length > 0) return bad(`is damaged: ${problems.slice(0, 3).join('; ')}.`);
  const parsed = PlanSchema.safeParse(restored);
  if (!parsed.success) {
    const list = zodProblems(parsed.error, restored, ['plan']).slice(0, 3);
    return bad(`is not valid: ${list.map((p) => `${p.path} ${p.message}`).join('; ')}.`);
  }
  const plan = parsed.data as Plan;
  const again = encodePlan(plan);
  if (again.byteLength !== bytes.byteLength || again.some((b, i) => b !== bytes[i])) return bad('is not in the canonical encoding (it was changed outside the app).');
  return { ok: true, plan };
}
