import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire.ts';

describe('wire envelope', () => {
  it('round-trips JSON with nested byte arrays', () => {
    const value = { a: 1, file: { bytes: new Uint8Array([1, 2, 3]) }, list: [new Uint8Array([9]), 'x', null] };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });
  it('rejects truncated and hostile messages', () => {
    const enc = encodeWire({ b: new Uint8Array(10) });
    expect(() => decodeWire(enc.subarray(0, enc.length - 3))).toThrow(/blob outside/);
    expect(() => decodeWire(new Uint8Array([255, 255, 0, 0, 1]))).toThrow(/truncated/);
    const forged = encodeWire({ $bytes: [0, 1000] });
    expect(() => decodeWire(forged)).toThrow(/blob outside/);
  });
});

/** A body as a hostile page would forge it: `json` as the envelope's JSON, `attached` after it. */
function forge(json: string, attached: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(json);
  const out = new Uint8Array(4 + text.byteLength + attached.byteLength);
  new DataView(out.buffer).setUint32(0, text.byteLength, true);
  out.set(text, 4);
  out.set(attached, 4 + text.byteLength);
  return out;
}

describe('wire envelope against amplification', () => {
  it('refuses one attached range referenced many times (the amplifying body)', () => {
    // 64 KiB attached, referenced 256 times: 16 MiB decoded from a ~70 KiB body if each reference is copied.
    const refs = Array.from({ length: 256 }, () => '{"$bytes":[0,65536]}').join(',');
    const body = forge(`[${refs}]`, new Uint8Array(65536));
    expect(() => decodeWire(body)).toThrow(/repeats or overlaps/);
  });
  it('refuses overlapping references', () => {
    const body = forge('[{"$bytes":[0,8]},{"$bytes":[4,8]}]', new Uint8Array(12));
    expect(() => decodeWire(body)).toThrow(/repeats or overlaps/);
  });
  it('refuses references that skip or leave attached bytes', () => {
    expect(() => decodeWire(forge('[{"$bytes":[4,4]}]', new Uint8Array(8)))).toThrow(/skips/);
    expect(() => decodeWire(forge('[{"$bytes":[0,4]}]', new Uint8Array(8)))).toThrow(/not referenced/);
  });
  it('decodes to no more blob bytes than the body holds, and keeps empty arrays', () => {
    const value = { a: new Uint8Array(0), b: new Uint8Array([1, 2]), c: [new Uint8Array(0), new Uint8Array(300).fill(7)] };
    const body = encodeWire(value);
    const out = decodeWire(body) as typeof value;
    expect(out).toEqual(value);
    const decoded = out.a.byteLength + out.b.byteLength + out.c.reduce((n, x) => n + x.byteLength, 0);
    expect(decoded).toBeLessThanOrEqual(body.byteLength);
  });
});
