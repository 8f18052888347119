/**
 * The hostile corpus, built here from a valid project: every way a .cwb can be corrupt, truncated, from the
 * future or malicious gets its own error code and a message that says what is wrong. decodeProject must
 * answer each with a result (never throw, never hang, never allocate what a forged header asks for).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeProject, encodeProject, type DecodeResult } from '../../core/project-file/codec.ts';
import type { ProjectFileErrorCode } from '../../core/project-file/errors.ts';
import { DEFAULT_LIMITS } from '../../core/project-file/limits.ts';
import { readZipDirectory } from '../../core/project-file/zip-read.ts';
import type { Estate } from '../../core/model/schema.ts';
import { createRng } from '../../core/util/random.ts';
import { deflateBomb, jsonOf, pack, patchEntry, patchEntryCount, replaceEntry, unpack, utf8 } from './hostile-zip.ts';
import { makeProject } from './make-project.ts';

const META = { appVersion: '0.1.0', nowUtc: '2026-11-22T12:00:00Z' };
const project = makeProject({ servers: 20, hours: 24, seed: 'hostile' });
const good = encodeProject(project, META);

function refused(result: DecodeResult, code: ProjectFileErrorCode): string {
  if (result.ok) throw new Error(`expected ${code}, but the file opened`);
  expect(result.error.code, result.error.message).toBe(code);
  expect(result.error.message).not.toMatch(/could not be read/); // the catch-all: an unexpected exception
  return result.error.message;
}

/** The project with its estate changed by `edit` (encodeProject does not validate, so anything goes). */
function withEstate(edit: (e: Estate) => void): Uint8Array {
  const estate = structuredClone(project.estate);
  edit(estate);
  return encodeProject({ estate, series: project.series }, META);
}

describe('opening hostile .cwb files', () => {
  it('opens the unmodified file (the baseline every case below departs from)', () => {
    expect(decodeProject(good).ok).toBe(true);
  });

  it('not a zip', () => {
    expect(refused(decodeProject(utf8('{"estate": {}}')), 'not-zip')).toMatch(/not a zip container \(it looks like a JSON text file\)/);
    refused(decodeProject(createRngBytes(5000)), 'not-zip');
    refused(decodeProject(utf8('%PDF-1.7 ...')), 'not-zip');
  });

  it('truncated: empty, and cut at any point', () => {
    expect(refused(decodeProject(new Uint8Array(0)), 'truncated')).toMatch(/empty/);
    const rng = createRng('cuts');
    for (let i = 0; i < 60; i++) {
      const cut = rng.int(4, good.length - 1);
      expect(refused(decodeProject(good.subarray(0, cut)), 'truncated')).toMatch(/incomplete.*\.bak/);
    }
  });

  it('corrupt: damaged data fails its checksum, damaged headers are named', () => {
    const binAt = dataStart(good, 'series.bin');
    const flipped = good.slice();
    flipped[binAt + 100] ^= 0x40;
    expect(refused(decodeProject(flipped), 'corrupt')).toMatch(/series\.bin is damaged: its checksum does not match/);
    const estateAt = dataStart(good, 'estate.json');
    const garbled = good.slice();
    for (let i = 10; i < 30; i++) garbled[estateAt + i] ^= 0xff;
    expect(refused(decodeProject(garbled), 'corrupt')).toMatch(/estate\.json is damaged/);
    const badCrc = patchEntry(good, 'manifest.json', { crc: 1234 });
    expect(refused(decodeProject(badCrc), 'corrupt')).toMatch(/manifest\.json is damaged/);
  });

  it('zip bomb: a declared size over the limit is refused before inflating', () => {
    const honestBomb = patchEntry(good, 'estate.json', { size: 0xfffffff0 });
    expect(refused(decodeProject(honestBomb), 'entry-too-large')).toMatch(/estate\.json declares 4\.0 GiB uncompressed; the limit is 1\.0 GiB/);
    const real = pack([['manifest.json', unpack(good)['manifest.json']], ['estate.json', new Uint8Array(3 * 1024 * 1024)]]);
    expect(refused(decodeProject(real, { maxEntryBytes: 1024 * 1024 }), 'entry-too-large')).toMatch(/3\.0 MiB/);
    const many = pack(Array.from({ length: 5 }, (_, i) => [`pad-${i}`, new Uint8Array(400_000)] as const));
    expect(refused(decodeProject(many, { maxTotalBytes: 1024 * 1024 }), 'too-large')).toMatch(/add up to more than 1\.0 MiB/);
    expect(refused(decodeProject(good, { maxFileBytes: 1000 }), 'too-large')).toMatch(/this version opens projects up to 1000 bytes/);
  });

  it('zip bomb: a lying header cannot make it inflate past the declared size', () => {
    // 7 MB of deflate that would inflate to 1 GiB, in an entry that declares 2 KiB.
    const bomb = deflateBomb(4_200_000);
    const files = unpack(good);
    const zip = pack([
      ['manifest.json', files['manifest.json'], 0],
      ['estate.json', bomb, 0],
      ['series.json', files['series.json']],
      ['series.bin', files['series.bin']],
    ]);
    const forged = patchEntry(zip, 'estate.json', { method: 8, size: 2048 });
    expect(refused(decodeProject(forged), 'entry-size-mismatch')).toMatch(/estate\.json inflates to more than the 2\.0 KiB its header declares/);
    // A header declaring more than deflate could ever produce from the data is refused before inflating.
    const impossible = patchEntry(good, 'series.json', { size: 900_000_000 });
    refused(decodeProject(impossible), 'entry-size-mismatch');
    // A stored entry whose sizes disagree.
    refused(decodeProject(patchEntry(good, 'manifest.json', { size: 10 })), 'entry-size-mismatch');
  });

  it('too many entries, counted before the directory is parsed', () => {
    const files = Object.entries(unpack(good));
    const padded = pack([...files, ...Array.from({ length: 70 }, (_, i) => [`extra/${i}.txt`, 'x'] as const)]);
    expect(refused(decodeProject(padded), 'too-many-entries')).toMatch(/holds 74 entries.*at most 64/);
    refused(decodeProject(patchEntryCount(good, 60_000)), 'too-many-entries');
  });

  it('unsafe entry names: "..", absolute paths, drive letters, backslashes', () => {
    const files = Object.entries(unpack(good));
    for (const [name, why] of [
      ['../../evil.sh', /"\.\.\/\.\.\/evil\.sh" climbs out/],
      ['/etc/cron.d/evil', /is an absolute path/],
      ['C:/Windows/evil.dll', /drive letter/],
      ['estate\\..\\evil', /backslash/],
    ] as const) {
      expect(refused(decodeProject(pack([...files, [name, 'x']])), 'unsafe-entry-name')).toMatch(why);
    }
  });

  it('duplicate entry names', () => {
    const files = Object.entries(unpack(good));
    const twice = pack([...files, ['estate.json', '{}']]);
    expect(refused(decodeProject(twice), 'duplicate-entry')).toMatch(/two entries named "estate\.json"/);
  });

  it('unsupported zip features: encryption, other compression methods, overlapping entries', () => {
    refused(decodeProject(patchEntry(good, 'estate.json', { flags: 0x0801 })), 'unsupported-zip');
    expect(refused(decodeProject(patchEntry(good, 'estate.json', { method: 12 })), 'unsupported-zip')).toMatch(/method 12/);
    const overlapping = good.slice();
    const view = new DataView(overlapping.buffer);
    const cd = view.getUint32(overlapping.length - 22 + 16, true);
    const secondRecord = cd + 46 + 'manifest.json'.length;
    view.setUint32(secondRecord + 42, 0, true); // estate.json's directory record points at manifest.json's header
    refused(decodeProject(overlapping), 'corrupt');
  });

  it('missing manifest, and Office files are told apart', () => {
    const noManifest = replaceEntry(good, 'manifest.json', null);
    expect(refused(decodeProject(noManifest), 'missing-manifest')).toMatch(/no manifest\.json.*"estate\.json"/);
    const xlsx = pack([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]);
    expect(refused(decodeProject(xlsx), 'not-cwb')).toMatch(/Excel workbook.*File > Import/);
  });

  it('missing estate or series entries', () => {
    for (const name of ['estate.json', 'series.json', 'series.bin']) {
      expect(refused(decodeProject(replaceEntry(good, name, null)), 'missing-entry')).toContain(`no ${name} entry`);
    }
  });

  it('manifests that are not ours, not valid, or from the future', () => {
    const manifest = jsonOf(good, 'manifest.json') as Record<string, unknown>;
    const other = replaceEntry(good, 'manifest.json', JSON.stringify({ ...manifest, format: 'drawio' }));
    expect(refused(decodeProject(other), 'not-cwb')).toMatch(/"drawio", not "cwb"/);
    const noTime = replaceEntry(good, 'manifest.json', JSON.stringify({ ...manifest, modifiedUtc: 'last tuesday' }));
    expect(refused(decodeProject(noTime), 'bad-manifest')).toMatch(/manifest\.modifiedUtc.*last tuesday/);
    const future = replaceEntry(good, 'manifest.json', JSON.stringify({ ...manifest, formatVersion: 4, appVersion: '2.4.0', whatever: 1 }));
    expect(refused(decodeProject(future), 'future-version')).toBe(
      'This project was made by a newer version 2.4.0 of the app (file format 4); this version reads file formats up to 3. Update Consolidation Workbench to open it.',
    );
  });

  it('bad JSON says which entry and where', () => {
    const text = new TextDecoder().decode(unpack(good)['estate.json']);
    const at = text.indexOf('"servers":');
    const broken = replaceEntry(good, 'estate.json', `${text.slice(0, at)}"servers": [{,${text.slice(at + 11)}`);
    expect(refused(decodeProject(broken), 'bad-json')).toMatch(new RegExp(`estate\\.json is not valid JSON at line 1, column ${at + 14} \\(character ${at + 13}\\): unexpected ","`));
    const manifest = replaceEntry(good, 'manifest.json', '{\n  "format": "cwb",\n  "formatVersion": 2\n');
    expect(refused(decodeProject(manifest), 'bad-json')).toMatch(/manifest\.json is not valid JSON at line 4, column 1.*ends too early/);
    const binary = replaceEntry(good, 'series.json', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]));
    expect(refused(decodeProject(binary), 'bad-json')).toMatch(/series\.json is not valid UTF-8/);
  });

  it('schema violations name the field path and the value', () => {
    const result = decodeProject(withEstate((e) => {
      e.servers[12].cores = 0;
      (e.servers[3] as { memoryGiB: unknown }).memoryGiB = 'lots';
    }));
    const message = refused(result, 'schema');
    expect(message).toMatch(/servers\[3\]\.memoryGiB: .* \(value: "lots"\)/);
    expect(message).toMatch(/servers\[12\]\.cores: .* \(value: 0\)/);
    expect(!result.ok && result.error.problems?.map((p) => p.path)).toEqual(['servers[3].memoryGiB', 'servers[12].cores']);
  });

  it('duplicate ids and dangling references', () => {
    const dup = decodeProject(withEstate((e) => (e.servers[7].id = e.servers[2].id)));
    expect(refused(dup, 'duplicate-id')).toMatch(/servers\[7\]\.id: duplicate id in servers \(value: "srv-00003"\)/);
    const dangling = decodeProject(withEstate((e) => (e.servers[5].dataCentreId = 'dc-atlantis')));
    expect(refused(dangling, 'dangling-reference')).toMatch(/servers\[5\]\.dataCentreId: refers to a data centre that does not exist \(value: "dc-atlantis"\)/);
    const seriesIds = project.series.serverIds.map((id, i) => (i === 4 ? 'srv-ghost' : id));
    const ghost = encodeProject({ ...project, series: { ...project.series, serverIds: seriesIds } }, META);
    expect(refused(decodeProject(ghost), 'dangling-reference')).toMatch(/series\.serverIds\[4\]: series for a server that is not in the estate/);
    const twice = encodeProject({ ...project, series: { ...project.series, serverIds: seriesIds.map((id, i) => (i === 4 ? seriesIds[0] : id)) } }, META);
    refused(decodeProject(twice), 'duplicate-id');
  });

  it('series length mismatch and bad series values', () => {
    const index = jsonOf(good, 'series.json') as { hours: number; serverIds: string[] };
    const longer = replaceEntry(good, 'series.json', JSON.stringify({ ...index, hours: 25 }));
    expect(refused(decodeProject(longer), 'series-length-mismatch')).toMatch(/series\.cpuPct has 480 values; 20 servers x 25 hours needs 500/);
    const fewerRows = replaceEntry(good, 'series.json', JSON.stringify({ ...index, serverIds: index.serverIds.slice(1) }));
    refused(decodeProject(fewerRows), 'series-length-mismatch');
    const shortBin = replaceEntry(good, 'series.bin', unpack(good)['series.bin'].subarray(8));
    expect(refused(decodeProject(shortBin), 'series-length-mismatch')).toMatch(/series\.bin/);
    const cpu = project.series.cpuPct.slice();
    cpu[30] = 250;
    const hot = encodeProject({ ...project, series: { ...project.series, cpuPct: cpu } }, META);
    expect(refused(decodeProject(hot), 'invalid-series')).toMatch(/series\.cpuPct\[srv-00002\]\[6\]: must be a percentage from 0 to 100 \(value: 250\)/);
  });

  it('never throws on random damage (flipped bytes, cuts, spliced garbage)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(good.length), (flips, cut) => {
        const bytes = good.slice(0, Math.max(cut, good.length - 200));
        for (const [at, x] of flips) if (at < bytes.length) bytes[at] ^= x;
        const result = decodeProject(bytes);
        if (!result.ok) expect(result.error.message).not.toMatch(/could not be read/);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

function createRngBytes(n: number): Uint8Array {
  const rng = createRng('noise');
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

/** Where an entry's data starts in the zip. */
function dataStart(zip: Uint8Array, name: string): number {
  const dir = readZipDirectory(zip, DEFAULT_LIMITS);
  const entry = dir.ok ? dir.entries.get(name) : undefined;
  if (!entry) throw new Error(`no entry ${name}`);
  return entry.dataStart;
}
