/**
 * A minimal PNG encoder (8-bit RGBA, no interlace, filter 0 on every row, zlib via fflate), so pure code can
 * turn a raster (e.g. the heatmap's renderHeatmap output) into PNG bytes without a canvas: deterministic,
 * testable, and usable in print where a canvas may not have painted yet.
 */
import { zlibSync } from 'fflate';
import { crc32 } from '../project-file/crc32.ts';
import { joinBytes } from './bytes.ts';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** PNG bytes of a width x height RGBA raster (row-major, 4 bytes per pixel). */
export function encodePng(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error(`png: bad size ${width} x ${height}`);
  if (rgba.length !== width * height * 4) throw new Error(`png: expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, filter method 0, no interlace
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))];
  return joinBytes(parts);
}

/** Nearest-neighbour upscale of an RGBA raster by whole factors (sharp cells in a print or an export). */
export function scaleRgba(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray, sx: number, sy: number): { width: number; height: number; data: Uint8Array } {
  const w = width * sx;
  const h = height * sy;
  const src = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const out = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / sy) * width;
    for (let x = 0; x < w; x++) out[y * w + x] = src[row + Math.floor(x / sx)];
  }
  return { width: w, height: h, data: new Uint8Array(out.buffer) };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (for data: URLs). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    s += `${B64[n >> 18]}${B64[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    s += `${B64[n >> 18]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`;
  }
  return s;
}

export const pngDataUrl = (png: Uint8Array): string => `data:image/png;base64,${toBase64(png)}`;
