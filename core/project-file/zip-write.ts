/**
 * A minimal, deterministic zip writer: no clock (the timestamp is an argument), no zip64, no extra fields.
 * Stored entries are written straight from their parts (no intermediate copy); deflated ones through fflate.
 */
import { concatBytes } from '../util/bytes.ts';
import { deflateSync } from 'fflate';
import { crc32 } from './crc32.ts';
import { encodeUtf8 } from '../util/utf8.ts';

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** level 0 = stored (no compression). */
export type ZipInput = { name: string; parts: readonly Uint8Array[]; level: DeflateLevel };

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;
/** General purpose flag bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
const MAX_U32 = 0xffffffff;

/** MS-DOS date and time fields of an ISO UTC timestamp; 1980-01-01 00:00 when it does not parse. */
export function dosDateTime(iso: string): { date: number; time: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  const year = m ? Number(m[1]) : 1980;
  if (!m || year < 1980 || year > 2107) return { date: (1 << 5) | 1, time: 0 };
  const date = ((year - 1980) << 9) | (Number(m[2]) << 5) | Number(m[3]);
  const time = (Number(m[4]) << 11) | (Number(m[5]) << 5) | (Number(m[6]) >> 1);
  return { date, time };
}

/** An entry ready to write: its checksum is known before the zip is (a later entry may record it). */
export type Prepared = { name: Uint8Array; method: 0 | 8; crc: number; size: number; data: readonly Uint8Array[]; compressedSize: number };

export function prepareEntry(entry: ZipInput): Prepared {
  const name = encodeUtf8(entry.name);
  let crc = 0;
  let size = 0;
  for (const p of entry.parts) {
    crc = crc32(p, crc);
    size += p.byteLength;
  }
  if (size > MAX_U32) throw new RangeError(`zip entry ${entry.name} is ${size} bytes; the .cwb format stores at most 4 GiB per entry`);
  if (entry.level === 0) return { name, method: 0, crc, size, data: entry.parts, compressedSize: size };
  const packed = deflateSync(concatBytes(entry.parts), { level: entry.level });
  return { name, method: 8, crc, size, data: [packed], compressedSize: packed.byteLength };
}

/** The zip bytes of these entries, in this order, all stamped with `modifiedUtc`. */
export function writeZip(entries: readonly (ZipInput | Prepared)[], modifiedUtc: string): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new RangeError('a .cwb holds at most 65535 entries');
  const { date, time } = dosDateTime(modifiedUtc);
  const prepared = entries.map((e) => ('crc' in e ? e : prepareEntry(e)));
  let localBytes = 0;
  let centralBytes = 0;
  for (const p of prepared) {
    localBytes += LOCAL_HEADER_BYTES + p.name.byteLength + p.compressedSize;
    centralBytes += CENTRAL_HEADER_BYTES + p.name.byteLength;
  }
  const total = localBytes + centralBytes + END_RECORD_BYTES;
  if (localBytes > MAX_U32) throw new RangeError('the project is larger than 4 GiB, which the .cwb format cannot hold');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, SIG_LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, FLAG_UTF8, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.compressedSize, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.byteLength, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + LOCAL_HEADER_BYTES);
    at += LOCAL_HEADER_BYTES + p.name.byteLength;
    for (const d of p.data) {
      out.set(d, at);
      at += d.byteLength;
    }
  }
  const centralStart = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, SIG_CENTRAL, true);
    view.setUint16(at + 4, (3 << 8) | 20, true); // made by: Unix, spec 2.0 (so the permissions below apply)
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, FLAG_UTF8, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.compressedSize, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.byteLength, true);
    view.setUint16(at + 30, 0, true); // extra
    view.setUint16(at + 32, 0, true); // comment
    view.setUint16(at + 34, 0, true); // disk
    view.setUint16(at + 36, 0, true); // internal attributes
    view.setUint32(at + 38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + CENTRAL_HEADER_BYTES);
    at += CENTRAL_HEADER_BYTES + p.name.byteLength;
  });
  view.setUint32(at, SIG_END, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  view.setUint16(at + 20, 0, true);
  return out;
}
