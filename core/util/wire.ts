/**
 * A small binary envelope for values that are JSON plus Uint8Arrays (the browser host's HTTP bodies):
 * [u32 LE json length][UTF-8 JSON][blob 0][blob 1]..., each Uint8Array in the tree replaced in the JSON by
 * {"$bytes": [offset, length]} relative to the end of the JSON. No base64, no copy of large blobs into text.
 */
import { decodeUtf8Strict, encodeUtf8 } from './utf8.ts';

export function encodeWire(value: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      blobs.push(v);
      const ref = { $bytes: [offset, v.byteLength] };
      offset += v.byteLength;
      return ref;
    }
    return v;
  });
  const text = encodeUtf8(json ?? 'null');
  const out = new Uint8Array(4 + text.byteLength + offset);
  new DataView(out.buffer).setUint32(0, text.byteLength, true);
  out.set(text, 4);
  let at = 4 + text.byteLength;
  for (const b of blobs) {
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
}

export class WireError extends Error {
  override name = 'WireError';
}

export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new WireError('message too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true);
  if (4 + jsonLength > bytes.byteLength) throw new WireError('message truncated');
  const base = 4 + jsonLength;
  const text = decodeUtf8Strict(bytes.subarray(4, base));
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && '$bytes' in v) {
      const ref = (v as { $bytes: unknown }).$bytes;
      if (!Array.isArray(ref) || ref.length !== 2 || !ref.every((n) => Number.isInteger(n) && n >= 0)) {
        throw new WireError('bad blob reference');
      }
      const [off, len] = ref as [number, number];
      if (base + off + len > bytes.byteLength) throw new WireError('blob outside the message');
      return bytes.slice(base + off, base + off + len);
    }
    return v;
  });
}
