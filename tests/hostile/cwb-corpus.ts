/**
 * The hostile .cwb corpus: 30+ files built from one small valid project, each an attack a file can carry
 * (bombs of every entry, lying sizes and counts, deep JSON, __proto__ keys, NaN/Infinity, huge claims).
 * Each case says what opening it must end in: a named ProjectFileError code, or 'opens' (a harmless oddity).
 * Used by tests/hostile/cwb-corpus.test.ts (in process) and `npm run bench -- hostile` (a child process per
 * file, timed and measured).
 */
import { encodeProject } from '../../core/project-file/codec.ts';
import type { ProjectFileErrorCode } from '../../core/project-file/errors.ts';
import { MiB } from '../../core/project-file/limits.ts';
import { deflateBomb, deflateRepeat, jsonOf, pack, packDeflated, patchEntry, replaceEntry, unpack, utf8 } from '../project-file/hostile-zip.ts';
import { makeProject } from '../project-file/make-project.ts';

/** `slow`: takes seconds to build and open (bombs of tens of MiB); the unit test runs them with CWB_HOSTILE_FULL=1. */
export type CwbCase = { name: string; attack: string; build: () => Uint8Array; expect: readonly (ProjectFileErrorCode | 'opens')[]; slow?: boolean };

const META = { appVersion: '0.1.0', nowUtc: '2026-11-22T12:00:00Z' };

export function cwbCorpus(): CwbCase[] {
  const project = makeProject({ servers: 20, hours: 24, seed: 'hostile-corpus' });
  const good = encodeProject(project, META);
  const files = unpack(good);
  const manifest = jsonOf(good, 'manifest.json') as { counts: Record<string, number> } & Record<string, unknown>;
  const estateText = new TextDecoder().decode(files['estate.json']);
  const others = (skip: string) => Object.entries(files).filter(([n]) => n !== skip) as [string, Uint8Array][];
  const withManifest = (counts: Record<string, number>, zip: Uint8Array = good) => replaceEntry(zip, 'manifest.json', JSON.stringify({ ...manifest, counts: { ...manifest.counts, ...counts } }));
  const huge = { servers: 10_000_000, dataCentres: 1_000_000, applications: 1_000_000, scenarios: 1000 };
  /** estate.json replaced by a bomb of `period` repeated to about `bytes`. */
  const estateBomb = (head: string, period: string, bytes: number, tail: string, zip: Uint8Array = good) => {
    const others = Object.entries(unpack(zip)).filter(([n]) => n !== 'estate.json') as [string, Uint8Array][];
    return packDeflated(others, { name: 'estate.json', ...deflateRepeat(head, period, Math.ceil(bytes / 258), tail) });
  };
  const estateWith = (edit: (text: string) => string) => replaceEntry(good, 'estate.json', edit(estateText));
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const bin = files['series.bin'];

  const bombs: CwbCase[] = [
    { name: 'estate.json bomb, honest 255 MiB header', attack: 'bomb', build: () => estateBomb('[', '{},', 255 * MiB, '{}]'), expect: ['entry-too-large'], slow: true },
    { name: 'estate.json bomb, honest 8 MiB header', attack: 'bomb', build: () => estateBomb('[', '{},', 8 * MiB, '{}]'), expect: ['entry-too-large'] },
    {
      name: 'estate.json bomb, header lies 2 KiB',
      attack: 'lying size',
      build: () => patchEntry(estateBomb('[', '{},', 16 * MiB, '{}]'), 'estate.json', { size: 2048 }),
      expect: ['entry-size-mismatch', 'corrupt'],
    },
    { name: 'series.bin bomb, 1 GiB of zeros', attack: 'bomb', build: () => packDeflated(others('series.bin'), { name: 'series.bin', data: deflateBomb(4_160_000), size: 1 + 258 * 4_160_000 }), expect: ['entry-too-large'], slow: true },
    { name: 'series.json bomb, 200 MiB', attack: 'bomb', build: () => packDeflated(others('series.json'), { name: 'series.json', ...deflateRepeat('{"x":[', '1,', Math.ceil((200 * MiB) / 258), '1]}') }), expect: ['entry-too-large'], slow: true },
    { name: 'manifest.json bomb, 100 MiB', attack: 'bomb', build: () => packDeflated(others('manifest.json'), { name: 'manifest.json', ...deflateRepeat('{"x":"', 'a', Math.ceil((100 * MiB) / 258), '"}') }), expect: ['entry-too-large'], slow: true },
    { name: 'huge counts + 63 MiB estate of {} objects', attack: 'huge claimed counts', build: () => estateBomb('[', '{},', 63 * MiB, '{}]', withManifest(huge)), expect: ['too-large'], slow: true },
    { name: 'huge counts + 63 MiB estate of numbers', attack: 'huge claimed counts', build: () => estateBomb('[', '1,', 63 * MiB, '1]', withManifest(huge)), expect: ['too-large'], slow: true },
    { name: 'huge counts + 63 MiB estate of one string', attack: 'huge claimed counts', build: () => estateBomb('["', 'a', 63 * MiB, '"]', withManifest(huge)), expect: ['schema', 'bad-manifest'], slow: true },
    { name: 'huge counts + 12 MiB estate of 6.3M numbers (under the value ceiling)', attack: 'huge claimed counts', build: () => estateBomb('[', '1,', 12 * MiB, '1]', withManifest(huge)), expect: ['schema'], slow: true },
    { name: 'huge counts + 3 MiB estate of [{} x 1M]', attack: 'huge claimed counts', build: () => estateBomb('[', '{},', 3 * MiB, '{}]', withManifest(huge)), expect: ['too-large'] },
    { name: 'huge counts + servers: [{} x 690k] (under the container ceiling)', attack: 'huge claimed counts', build: () => estateBomb('{"servers":[', '{},', 2 * MiB, '{}]}', withManifest(huge)), expect: ['bad-manifest'] },
    { name: 'unknown entry bomb (never read)', attack: 'bomb', build: () => packDeflated(Object.entries(files), { name: 'notes.bin', data: deflateBomb(1_000_000), size: 1 + 258 * 1_000_000 }), expect: ['opens'] },
  ];

  const deepJson: CwbCase[] = [
    { name: 'estate.json nested 100,000 deep', attack: 'deep JSON', build: () => replaceEntry(good, 'estate.json', deep(100_000)), expect: ['too-large'] },
    { name: 'estate.json nested 33 deep inside a server', attack: 'deep JSON', build: () => estateWith((t) => t.replace('"servers":[{', `"servers":[{"x":${deep(33)},`)), expect: ['too-large'] },
    { name: 'manifest.json nested 10,000 deep', attack: 'deep JSON', build: () => replaceEntry(good, 'manifest.json', `{"format":"cwb","formatVersion":2,"x":${deep(10_000)}}`), expect: ['too-large'] },
    { name: 'series.json nested 10,000 deep', attack: 'deep JSON', build: () => replaceEntry(good, 'series.json', deep(10_000)), expect: ['too-large'] },
    { name: 'estate.json bomb of [ nesting, 64 MiB', attack: 'deep JSON', build: () => estateBomb('', '[', 64 * MiB, ''), expect: ['entry-too-large'], slow: true },
    { name: 'huge counts + 60 MiB of [ nesting', attack: 'deep JSON', build: () => estateBomb('', '[', 60 * MiB, '', withManifest(huge)), expect: ['too-large'], slow: true },
  ];

  const protoKeys: CwbCase[] = [
    { name: 'estate __proto__ key at the top', attack: '__proto__ keys', build: () => estateWith((t) => `{"__proto__":{"polluted":true,"servers":[]},${t.slice(1)}`), expect: ['opens'] },
    { name: 'server __proto__ key', attack: '__proto__ keys', build: () => estateWith((t) => t.replace('"servers":[{', '"servers":[{"__proto__":{"polluted":true,"cores":9999},')), expect: ['opens'] },
    { name: 'constructor.prototype keys', attack: '__proto__ keys', build: () => estateWith((t) => t.replace('"servers":[{', '"servers":[{"constructor":{"prototype":{"polluted":true}},')), expect: ['opens'] },
    { name: 'manifest __proto__ counts', attack: '__proto__ keys', build: () => replaceEntry(good, 'manifest.json', JSON.stringify(manifest).replace('"counts":', '"__proto__":{"counts":{"servers":1e9}},"counts":')), expect: ['opens'] },
    { name: 'series index __proto__ metric', attack: '__proto__ keys', build: () => replaceEntry(good, 'series.json', new TextDecoder().decode(files['series.json']).replace('{', '{"__proto__":{"hours":99999},')), expect: ['opens'] },
  ];

  const numbers: CwbCase[] = [
    { name: 'NaN in estate.json', attack: 'NaN/Infinity', build: () => estateWith((t) => t.replace(/"cores":\d+/, '"cores":NaN')), expect: ['bad-json'] },
    { name: 'Infinity in estate.json', attack: 'NaN/Infinity', build: () => estateWith((t) => t.replace(/"cores":\d+/, '"cores":Infinity')), expect: ['bad-json'] },
    { name: '1e999 (parses to Infinity) in estate.json', attack: 'NaN/Infinity', build: () => estateWith((t) => t.replace(/"memoryGiB":[\d.]+/, '"memoryGiB":1e999')), expect: ['schema'] },
    { name: '-1e999 cores', attack: 'NaN/Infinity', build: () => estateWith((t) => t.replace(/"cores":\d+/, '"cores":-1e999')), expect: ['schema'] },
    {
      name: '+Infinity in series.bin cpuPct',
      attack: 'NaN/Infinity',
      build: () => {
        const b = bin.slice();
        new DataView(b.buffer).setFloat32(40, Infinity, true);
        return replaceEntry(good, 'series.bin', b);
      },
      expect: ['invalid-series'],
    },
    { name: 'NaN as hours in series.json', attack: 'NaN/Infinity', build: () => replaceEntry(good, 'series.json', new TextDecoder().decode(files['series.json']).replace(/"hours":\d+/, '"hours":NaN')), expect: ['bad-json'] },
  ];

  const counts: CwbCase[] = [
    { name: 'manifest claims 10M servers (estate has 20)', attack: 'huge claimed counts', build: () => withManifest(huge), expect: ['bad-manifest'] },
    { name: 'manifest claims 1e308 servers', attack: 'huge claimed counts', build: () => withManifest({ servers: 1e308 }), expect: ['bad-manifest'] },
    { name: 'manifest claims 1M series rows x 840 hours', attack: 'huge claimed counts', build: () => withManifest({ seriesRows: 1_000_000, seriesHours: 840 }), expect: ['bad-manifest'] },
    { name: 'manifest claims -1 servers', attack: 'lying size', build: () => withManifest({ servers: -1 }), expect: ['bad-manifest'] },
    { name: 'manifest claims 21 servers', attack: 'lying size', build: () => withManifest({ servers: 21 }), expect: ['bad-manifest'] },
    { name: 'series.bin 4 bytes longer than its index', attack: 'lying size', build: () => replaceEntry(good, 'series.bin', new Uint8Array([...bin, 0, 0, 0, 0])), expect: ['entry-too-large', 'series-length-mismatch'] },
    { name: 'series.bin stored entry declares 1 GiB', attack: 'lying size', build: () => patchEntry(good, 'series.bin', { size: 1024 ** 3 }), expect: ['entry-too-large', 'entry-size-mismatch'] },
  ];

  const text: CwbCase[] = [
    { name: 'estate.json with a byte-order mark', attack: 'encoding', build: () => replaceEntry(good, 'estate.json', new Uint8Array([0xef, 0xbb, 0xbf, ...files['estate.json']])), expect: ['opens'] },
    { name: 'estate.json in UTF-16', attack: 'encoding', build: () => replaceEntry(good, 'estate.json', new Uint8Array(Buffer.from(estateText, 'utf16le'))), expect: ['bad-json'] },
    { name: 'estate.json empty', attack: 'encoding', build: () => replaceEntry(good, 'estate.json', ''), expect: ['bad-json'] },
    { name: 'NUL bytes in a server name', attack: 'encoding', build: () => estateWith((t) => t.replace(/"name":"/, '"name":"\\u0000\\u0000')), expect: ['opens', 'schema'] },
    { name: 'duplicate servers key (last one empty)', attack: 'lying size', build: () => estateWith((t) => `${t.slice(0, -1)},"servers":[]}`), expect: ['bad-manifest'] },
  ];

  return [...bombs, ...deepJson, ...protoKeys, ...numbers, ...counts, ...text].map((c) => ({ ...c, build: c.build }));
}

export { pack, utf8 };
