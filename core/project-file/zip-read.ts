/**
 * A defensive zip reader for untrusted .cwb bytes. It reads the central directory, checks every declared
 * size, name and offset against the limits before it inflates anything, then inflates one entry at a time in
 * bounded chunks, stopping as soon as the real output exceeds the declared size (a lying header cannot make
 * it allocate more than it declared). It never throws and all its loops are bounded by the input size.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32.ts';
import { fail, formatBytes, type Failure } from './errors.ts';
import type { Limits } from './limits.ts';
import { decodeUtf8Strict } from '../util/utf8.ts';
import { CENTRAL_HEADER_BYTES, END_RECORD_BYTES, LOCAL_HEADER_BYTES, SIG_CENTRAL, SIG_END, SIG_LOCAL } from './zip-write.ts';

export type ZipEntry = {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  localOffset: number;
  dataStart: number;
};

export type ZipDirectory = { ok: true; entries: Map<string, ZipEntry> } | Failure;

const BAK_HINT = 'If a backup copy (the same name with .bak) is next to it, open that instead.';
/** Largest ratio deflate can reach (258 bytes per 2-bit code, plus slack for block headers). */
const MAX_DEFLATE_RATIO = 1032;
const INFLATE_CHUNK = 64 * 1024;

/** Why an entry name is unsafe to hold in a container that may be unpacked by other tools, or null. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.split('/').some((s) => s === '..')) return 'climbs out of the container with ".."';
  return null;
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - END_RECORD_BYTES - 0xffff);
  for (let p = bytes.length - END_RECORD_BYTES; p >= lowest; p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && view.getUint32(p, true) === SIG_END) {
      if (p + END_RECORD_BYTES + view.getUint16(p + 20, true) === bytes.length) return p;
    }
  }
  return -1;
}

function notZip(bytes: Uint8Array): Failure {
  if (bytes.length === 0) {
    return fail('truncated', `The file is empty (0 bytes): it was probably cut off during a save or a copy. ${BAK_HINT}`);
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
    return fail(
      'truncated',
      `The file is incomplete: it ends before the zip directory (${formatBytes(bytes.length)} present). ` +
        `It was probably cut off during a copy, a download or a save on a full disk. ${BAK_HINT}`,
    );
  }
  const first = bytes[0];
  const looks = first === 0x7b ? ' (it looks like a JSON text file)' : first === 0x25 ? ' (it looks like a PDF)' : '';
  return fail('not-zip', `This is not a Consolidation Workbench project (.cwb): it is not a zip container${looks}.`);
}

export function readZipDirectory(bytes: Uint8Array, limits: Limits): ZipDirectory {
  if (bytes.length > limits.maxFileBytes) {
    return fail('too-large', `The file is ${formatBytes(bytes.length)}; this version opens projects up to ${formatBytes(limits.maxFileBytes)}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(bytes, view);
  if (end < 0) return notZip(bytes);
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) {
    return fail('unsupported-zip', 'The file is part of a multi-volume (split) zip archive, which a .cwb never is.');
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return fail('unsupported-zip', 'The file is a ZIP64 archive, which a .cwb never is (projects stay under 4 GiB).');
  }
  if (count > limits.maxEntries) {
    return fail('too-many-entries', `The file holds ${count} entries; a project has a handful and this version accepts at most ${limits.maxEntries}.`);
  }
  if (cdOffset + cdSize > end) {
    return fail('truncated', `The file is incomplete or damaged: its zip directory points past the end of the data. ${BAK_HINT}`);
  }
  const entries = new Map<string, ZipEntry>();
  let totalDeclared = 0;
  let p = cdOffset;
  const cdEnd = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_HEADER_BYTES > cdEnd || view.getUint32(p, true) !== SIG_CENTRAL) {
      return fail('corrupt', `The file's zip directory is damaged (record ${i + 1} of ${count} is unreadable). ${BAK_HINT}`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const next = p + CENTRAL_HEADER_BYTES + nameLen + extraLen + commentLen;
    if (next > cdEnd) return fail('corrupt', `The file's zip directory is damaged (record ${i + 1} runs past its end). ${BAK_HINT}`);
    const nameBytes = bytes.subarray(p + CENTRAL_HEADER_BYTES, p + CENTRAL_HEADER_BYTES + nameLen);
    let name: string;
    try {
      name = decodeUtf8Strict(nameBytes);
    } catch {
      return fail('unsafe-entry-name', `Entry ${i + 1} of the zip has a name that is not valid UTF-8 text; the file is not a project the app wrote.`);
    }
    const unsafe = unsafeNameReason(name);
    if (unsafe) return fail('unsafe-entry-name', `The zip entry name ${JSON.stringify(name)} ${unsafe}; the file was not written by this app and is refused.`);
    if (entries.has(name)) return fail('duplicate-entry', `The zip holds two entries named ${JSON.stringify(name)}; it is ambiguous which is the project, so it is refused.`);
    if (flags & 1) return fail('unsupported-zip', `The zip entry ${name} is encrypted; .cwb projects are never encrypted.`);
    if (method !== 0 && method !== 8) return fail('unsupported-zip', `The zip entry ${name} uses compression method ${method}; a .cwb uses only stored (0) or deflate (8).`);
    if (size > limits.maxEntryBytes) {
      return fail('entry-too-large', `The zip entry ${name} declares ${formatBytes(size)} uncompressed; the limit is ${formatBytes(limits.maxEntryBytes)} per entry. The file is damaged or a zip bomb.`);
    }
    if ((method === 0 && size !== compressedSize) || (method === 8 && size > compressedSize * MAX_DEFLATE_RATIO + 64)) {
      return fail('entry-size-mismatch', `The zip entry ${name} declares ${formatBytes(size)} from ${formatBytes(compressedSize)} of data, which is impossible: its header is damaged or forged.`);
    }
    totalDeclared += size;
    if (totalDeclared > limits.maxTotalBytes) {
      return fail('too-large', `The zip entries add up to more than ${formatBytes(limits.maxTotalBytes)} uncompressed, more than this version opens. The file is damaged or a zip bomb.`);
    }
    if (localOffset + LOCAL_HEADER_BYTES > cdOffset || view.getUint32(localOffset, true) !== SIG_LOCAL) {
      return fail('corrupt', `The zip entry ${name} is damaged (its header is not where the directory says). ${BAK_HINT}`);
    }
    const localNameLen = view.getUint16(localOffset + 26, true);
    const localExtraLen = view.getUint16(localOffset + 28, true);
    const dataStart = localOffset + LOCAL_HEADER_BYTES + localNameLen + localExtraLen;
    if (dataStart + compressedSize > cdOffset) {
      return fail('corrupt', `The zip entry ${name} is damaged: its data runs into the zip directory. ${BAK_HINT}`);
    }
    const localName = bytes.subarray(localOffset + LOCAL_HEADER_BYTES, localOffset + LOCAL_HEADER_BYTES + localNameLen);
    if (localNameLen !== nameLen || !localName.every((b, k) => b === nameBytes[k])) {
      return fail('corrupt', `The zip entry ${name} is damaged: its local header names a different file. ${BAK_HINT}`);
    }
    entries.set(name, { name, method, crc, compressedSize, size, localOffset, dataStart });
    p = next;
  }
  const byOffset = [...entries.values()].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (byOffset[i].localOffset < prev.dataStart + prev.compressedSize) {
      return fail('corrupt', `The zip entries ${prev.name} and ${byOffset[i].name} overlap, a zip-bomb technique; the file is refused.`);
    }
  }
  return { ok: true, entries };
}

class Overflow extends Error {}

function inflateCapped(raw: Uint8Array, cap: number): { ok: true; data: Uint8Array } | { ok: false; overflow: boolean } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new Overflow();
    if (chunk.length > 0) chunks.push(chunk);
  });
  try {
    if (raw.length === 0) stream.push(raw, true);
    for (let at = 0; at < raw.length; at += INFLATE_CHUNK) {
      stream.push(raw.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= raw.length);
    }
  } catch (e) {
    return { ok: false, overflow: e instanceof Overflow };
  }
  if (chunks.length === 1) return { ok: true, data: chunks[0] };
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return { ok: true, data };
}

/**
 * The uncompressed bytes of one entry, checked against its declared size and checksum. Stored entries come
 * back as a view into `bytes` (no copy): copy before you keep or change them.
 */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry): { ok: true; data: Uint8Array } | Failure {
  const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data = raw;
  if (entry.method === 8) {
    const out = inflateCapped(raw, entry.size);
    if (!out.ok) {
      return out.overflow
        ? fail('entry-size-mismatch', `The zip entry ${entry.name} inflates to more than the ${formatBytes(entry.size)} its header declares: the header is forged (a zip bomb) or damaged. The file is refused.`)
        : fail('corrupt', `The zip entry ${entry.name} is damaged: its compressed data cannot be decompressed. ${BAK_HINT}`);
    }
    data = out.data;
    if (data.length !== entry.size) {
      return fail('entry-size-mismatch', `The zip entry ${entry.name} inflates to ${formatBytes(data.length)} but its header declares ${formatBytes(entry.size)}: the file is damaged. ${BAK_HINT}`);
    }
  }
  if (crc32(data) !== entry.crc) {
    return fail('corrupt', `The zip entry ${entry.name} is damaged: its checksum does not match its contents. ${BAK_HINT}`);
  }
  return { ok: true, data };
}
