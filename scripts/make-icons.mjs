// Draws the app icon (resources/icons/icon.png, 512x512 RGBA) with no dependencies: a rounded tile with
// many small "racks" on the left flowing into three large ones on the right (17 into 3).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const px = new Uint8Array(SIZE * SIZE * 4);

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function rect(x0, y0, w, h, [r, g, b], radius = 0) {
  for (let y = Math.max(0, y0); y < Math.min(SIZE, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(SIZE, x0 + w); x++) {
      const dx = Math.max(x0 + radius - x, 0, x - (x0 + w - 1 - radius));
      const dy = Math.max(y0 + radius - y, 0, y - (y0 + h - 1 - radius));
      if (radius && dx * dx + dy * dy > radius * radius) continue;
      px.set([r, g, b, 255], (y * SIZE + x) * 4);
    }
  }
}

rect(16, 16, 480, 480, [22, 58, 92], 96); // tile
for (let i = 0; i < 17; i++) rect(70 + (i % 3) * 42, 90 + Math.floor(i / 3) * 56, 32, 40, [120, 170, 210], 6); // 17 small
for (let i = 0; i < 12; i++) rect(210 + i * 10, 250 - 3, 6, 6, [240, 180, 60]); // arrow shaft
for (let i = 0; i < 24; i++) rect(330 + i, 250 - (24 - i), 2, 2 * (24 - i), [240, 180, 60]); // arrow head
for (let i = 0; i < 3; i++) rect(372, 100 + i * 110, 88, 90, [235, 242, 250], 12); // 3 large

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, encodePng(SIZE, SIZE, px));
console.log(`wrote ${out}`);
