import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { crc32 } from './crc32.ts';

/** The CRC fflate wrote into the central directory of a one-entry zip (an independent implementation). */
function fflateCrc(data: Uint8Array): number {
  const zip = zipSync({ x: [data, { level: 0 }] });
  const view = new DataView(zip.buffer);
  const end = zip.length - 22;
  const cd = view.getUint32(end + 16, true);
  return view.getUint32(cd + 16, true);
}

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it('agrees with fflate for any bytes and any split into two parts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), (data, cut) => {
        const at = data.length === 0 ? 0 : cut % (data.length + 1);
        const whole = crc32(data);
        expect(whole).toBe(fflateCrc(data));
        expect(crc32(data.subarray(at), crc32(data.subarray(0, at)))).toBe(whole);
      }),
    );
  });
});
