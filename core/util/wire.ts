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

/**
 * Decodes a wire message. Blob references must follow each other exactly as encodeWire writes them: in document
 * order, each starting where the previous one ended, together covering the attached bytes once. So no byte range
 * is referenced twice or overlapped, and the decoded blobs never total more than the body itself (a hostile body
 * that referenced one range many times used to be copied once per reference: 1 MiB in, gigabytes out).
 */
export function decodeWire(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new WireError('message too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true);
  if (4 + jsonLength > bytes.byteLength) throw new WireError('message truncated');
  const base = 4 + jsonLength;
  const attached = bytes.byteLength - base;
  const text = decodeUtf8Strict(bytes.subarray(4, base));
  let cursor = 0; // bytes of the attached section handed out so far; the next reference must start here
  const value: unknown = JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && '$bytes' in v) {
      const ref = (v as { $bytes: unknown }).$bytes;
      if (!Array.isArray(ref) || ref.length !== 2 || !ref.every((n) => Number.isInteger(n) && n >= 0)) {
        throw new WireError('bad blob reference');
      }
      const [off, len] = ref as [number, number];
      if (off + len > attached) throw new WireError('blob outside the message');
      if (off !== cursor) {
        throw new WireError(off < cursor ? 'blob reference repeats or overlaps bytes already used' : 'blob reference skips bytes');
      }
      cursor += len;
      return bytes.slice(base + off, base + off + len);
    }
    return v;
  });
  if (cursor !== attached) throw new WireError('attached bytes not referenced');
  return value;
}
