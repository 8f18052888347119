import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { crc32 } from '../project-file/crc32.ts';
import { encodePng, PNG_SIGNATURE, scaleRgba, toBase64 } from './png.ts';

/** Chunks of a PNG: type, data, and whether the CRC matches. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array; crcOk: boolean }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = [];
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    out.push({ type, data, crcOk: view.getUint32(at + 8 + len) === crc32(png.subarray(at + 4, at + 8 + len)) });
    at += 12 + len;
  }
  return out;
}

describe('png', () => {
  it('writes the signature, IHDR, IDAT and IEND with valid CRCs, and the pixels come back', () => {
    const rgba = Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120);
    const png = encodePng(3, 2, rgba);
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const c = chunks(png);
    expect(c.map((x) => x.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(c.every((x) => x.crcOk)).toBe(true);
    const ihdr = new DataView(c[0].data.buffer, c[0].data.byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), c[0].data[8], c[0].data[9]]).toEqual([3, 2, 8, 6]);
    const raw = unzlibSync(c[1].data);
    expect(raw.length).toBe(2 * (1 + 12));
    expect([...raw.subarray(0, 13)]).toEqual([0, ...rgba.subarray(0, 12)]);
    expect([...raw.subarray(13)]).toEqual([0, ...rgba.subarray(12)]);
  });

  it('refuses a raster of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/expected 16 bytes/);
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow(/bad size/);
  });

  it('scales by whole factors', () => {
    const s = scaleRgba(2, 1, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 2, 2);
    expect([s.width, s.height]).toEqual([4, 2]);
    expect([...s.data.subarray(0, 16)]).toEqual([1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 5, 6, 7, 8]);
    expect([...s.data.subarray(16)]).toEqual([...s.data.subarray(0, 16)]);
  });

  it('base64 matches the standard alphabet and padding', () => {
    const enc = (t: string) => toBase64(Uint8Array.from(t, (ch) => ch.charCodeAt(0)));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
    expect(toBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });
});
