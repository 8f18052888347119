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
