import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { DEFAULT_LIMITS } from './limits.ts';
import { extractEntry, readZipDirectory, unsafeNameReason } from './zip-read.ts';
import { dosDateTime, writeZip } from './zip-write.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function readAll(bytes: Uint8Array): Record<string, string> {
  const dir = readZipDirectory(bytes, DEFAULT_LIMITS);
  if (!dir.ok) throw new Error(dir.error.message);
  const out: Record<string, string> = {};
  for (const e of dir.entries.values()) {
    const data = extractEntry(bytes, e);
    if (!data.ok) throw new Error(data.error.message);
    out[e.name] = text(data.data);
  }
  return out;
}

describe('zip writer and reader', () => {
  const entries = [
    { name: 'a.json', parts: [utf8('{"a":'), utf8('1}')], level: 0 as const },
    { name: 'dir/b.txt', parts: [utf8('hello '.repeat(1000))], level: 6 as const },
    { name: 'empty', parts: [], level: 0 as const },
    { name: 'empty-deflated', parts: [], level: 1 as const },
  ];

  it('writes zips that fflate reads back exactly', () => {
    const zip = writeZip(entries, '2026-11-22T10:20:30Z');
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['a.json', 'dir/b.txt', 'empty', 'empty-deflated']);
    expect(text(files['a.json'])).toBe('{"a":1}');
    expect(text(files['dir/b.txt'])).toBe('hello '.repeat(1000));
    expect(files['empty'].length).toBe(0);
  });

  it('reads its own zips and zips fflate made (deflated, stored, with extra fields)', () => {
    expect(readAll(writeZip(entries, '2026-11-22T10:20:30Z'))).toEqual({
      'a.json': '{"a":1}',
      'dir/b.txt': 'hello '.repeat(1000),
      empty: '',
      'empty-deflated': '',
    });
    const byFflate = zipSync({ 'x.txt': utf8('x'.repeat(5000)), 'y.bin': [utf8('yy'), { level: 0 }] }, { mtime: '2020-01-01T00:00:00Z' });
    expect(readAll(byFflate)).toEqual({ 'x.txt': 'x'.repeat(5000), 'y.bin': 'yy' });
  });

  it('is deterministic and stamps the given time', () => {
    const a = writeZip(entries, '2026-11-22T10:20:30Z');
    expect(writeZip(entries, '2026-11-22T10:20:30Z')).toEqual(a);
    expect(writeZip(entries, '2026-11-22T10:20:32Z')).not.toEqual(a);
    const { date, time } = dosDateTime('2026-11-22T10:20:30Z');
    expect(date).toBe(((2026 - 1980) << 9) | (11 << 5) | 22);
    expect(time).toBe((10 << 11) | (20 << 5) | 15);
    expect(dosDateTime('garbage')).toEqual({ date: 33, time: 0 });
  });

  it('names unsafe entry names and accepts ordinary ones', () => {
    expect(unsafeNameReason('estate.json')).toBeNull();
    expect(unsafeNameReason('a/b/c.json')).toBeNull();
    expect(unsafeNameReason('a..b')).toBeNull();
    expect(unsafeNameReason('../evil')).toMatch(/\.\./);
    expect(unsafeNameReason('a/../../evil')).toMatch(/\.\./);
    expect(unsafeNameReason('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeNameReason('C:/x')).toMatch(/drive/);
    expect(unsafeNameReason('a\\b')).toMatch(/backslash/);
    expect(unsafeNameReason('')).toMatch(/empty/);
    expect(unsafeNameReason('a\0b')).toMatch(/NUL/);
  });
});
