import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProject, encodeProject } from '../../core/project-file/codec.ts';
import { generateProject } from '../../core/sample/generate.ts';
import type { HostResult, ImportPreview, ImportRunResult } from '../contract.ts';
import { MAX_IMPORT_FILES } from '../contract.ts';
import { browserPlatform } from '../browser-host/browser-platform.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { createHostServices } from './host-services.ts';
import { grantPolicy } from './path-policy.ts';
import type { HostPlatform } from './platform.ts';
import { defaultProjectIo } from './project-io-default.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/import');
const NOW = () => new Date('2026-03-02T10:00:00Z');

let tmp: string;
let root: string;
let outside: string;
let base: Uint8Array;
let browser: Dispatch;

/** An inventory whose server-name column the guesser cannot place ("Asset label"), with one bad row. */
const ODD_INVENTORY = ['Asset label,Location,vCPU,Memory (GB)', 'odd-01,Rome,4,16', 'odd-02,Rome,two,8', 'odd-03,Milan,2,4', ''].join('\n');

const value = <T>(r: HostResult<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-import-calls-'));
  root = join(tmp, 'files');
  outside = join(tmp, 'outside');
  await mkdir(join(root, 'rv'), { recursive: true });
  await mkdir(outside);
  await copyFile(join(FIXTURES, 'inventory.csv'), join(root, 'inventory.csv'));
  await copyFile(join(FIXTURES, 'unknown.txt'), join(root, 'unknown.csv'));
  for (const sheet of ['vInfo', 'vHost', 'vDisk']) await copyFile(join(FIXTURES, 'rvtools-csv', `RVTools_tab${sheet}.csv`), join(root, 'rv', `RVTools_tab${sheet}.csv`));
  await writeFile(join(root, 'odd.csv'), ODD_INVENTORY);
  await writeFile(join(root, 'broken.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  await copyFile(join(FIXTURES, 'inventory.csv'), join(outside, 'inventory.csv'));
  base = encodeProject(generateProject({ servers: 40 }), { appVersion: '0.1.0', nowUtc: '2026-03-02T00:00:00Z' });
  await writeFile(join(tmp, 'sample.cwb'), base);
  const platform = browserPlatform({ filesRoot: root, dataDir: join(tmp, 'data'), samplePath: join(tmp, 'sample.cwb'), appName: 'CW', appVersion: '0.1.0' });
  browser = createDispatch(createHostServices(platform, defaultProjectIo(), NOW));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('import calls through dispatch: arguments', () => {
  const bad: [string, string, unknown, RegExp][] = [
    ['no files', 'importRun', { paths: [], base: null }, /paths/],
    ['paths not a list', 'importPreview', { paths: 'inventory.csv' }, /paths/],
    ['too many files', 'importPreview', { paths: Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => `f${i}.csv`) }, /paths/],
    ['an unknown kind', 'importRun', { paths: ['a.csv'], kinds: { 'a.csv': 'spreadsheet' }, base: null }, /kinds/],
    ['a mapping of an unknown kind', 'importRun', { paths: ['a.csv'], mappings: { 'a.csv': { kind: 'vms', columns: {} } }, base: null }, /mappings/],
    ['an unknown time zone', 'importRun', { paths: ['a.csv'], timeZone: 'Mars/Olympus', base: null }, /timeZone: not a known IANA time zone/],
    ['base not bytes', 'importRun', { paths: ['a.csv'], base: 'project' }, /base/],
    ['base missing', 'importRun', { paths: ['a.csv'] }, /base/],
  ];
  it.each(bad)('refuses %s with bad-argument naming the field', async (_what, call, args, message) => {
    const r = await browser(call, args);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('refuses per-file options for a file that is not imported, and a mapping of another kind', async () => {
    const inv = join(root, 'inventory.csv');
    const stray = await browser('importRun', { paths: [inv], kinds: { [join(root, 'odd.csv')]: 'inventory' }, base: null });
    expect(stray).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/not imported.*odd\.csv/) } });
    const mixed = await browser('importRun', { paths: [inv], kinds: { [inv]: 'sites' }, mappings: { [inv]: { kind: 'inventory', columns: { name: 'Hostname' } } }, base: null });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/imported as sites but its mapping is for inventory/) } });
  });
});

describe('import calls in browser mode (files root)', () => {
  it('previews kinds, headers and the guessed mapping; unreadable files carry an error', async () => {
    const previews = value<ImportPreview[]>(await browser('importPreview', { paths: ['inventory.csv', join(root, 'rv', 'RVTools_tabvInfo.csv'), 'unknown.csv', 'odd.csv'] }));
    expect(previews.map((p) => [p.name, p.kind])).toEqual([['inventory.csv', 'inventory'], ['RVTools_tabvInfo.csv', 'rvtools'], ['unknown.csv', null], ['odd.csv', 'sites']]);
    expect(previews[0]).toMatchObject({ path: join(root, 'inventory.csv'), headers: expect.arrayContaining(['Hostname', 'RAM']), guess: { columns: { name: 'Hostname', memory: 'RAM' } }, error: null });
    expect(previews[2].error).toMatch(/unknown\.csv: cannot tell what this CSV holds/);
    // "Location" reads as a site list; naming the kind gives the inventory mapping, the server name unmapped.
    const [odd] = value<ImportPreview[]>(await browser('importPreview', { paths: ['odd.csv'], kinds: { 'odd.csv': 'inventory' } }));
    expect(odd).toMatchObject({ kind: 'inventory', error: null, guess: { missingRequired: ['name'], columns: { dataCentre: 'Location', memory: 'Memory (GB)' } } });
  });

  it('refuses paths outside the files root', async () => {
    for (const call of ['importPreview', 'importRun']) {
      const r = await browser(call, { paths: [join(outside, 'inventory.csv')], base: null });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await browser('importRun', { paths: ['../outside/inventory.csv'], base: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('has no system dialog: a null paths is refused', async () => {
    expect(await browser('importPreview', { paths: null })).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/file browser/) } });
  });

  it('imports a CSV with a confirmed mapping and an RVTools CSV set into the base project', async () => {
    const odd = join(root, 'odd.csv');
    const rv = ['vInfo', 'vHost', 'vDisk'].map((s) => join(root, 'rv', `RVTools_tab${s}.csv`));
    const run = value<ImportRunResult>(
      await browser('importRun', {
        paths: [odd, ...rv],
        kinds: { [odd]: 'inventory' },
        mappings: { [odd]: { kind: 'inventory', columns: { name: 'Asset label', dataCentre: 'Location', cores: 'vCPU', memory: 'Memory (GB)' } } },
        timeZone: 'Europe/Rome',
        base,
      }),
    );
    const decoded = decodeProject(run.bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const before = decodeProject(base);
    const baseServers = before.ok ? before.project.estate.servers.length : -1;
    expect(decoded.project.estate.servers).toHaveLength(baseServers + 5); // 3 odd-*, app-01, app-02 (the template is skipped)
    expect(decoded.project.estate.servers.map((s) => s.name)).toEqual(expect.arrayContaining(['odd-01', 'odd-02', 'odd-03', 'app-01', 'app-02']));
    expect(run.report.counts.serversImported).toBe(5);
    expect(run.reportText.split('\n')[0]).toMatch(/^5 servers imported from 4 files/);
    const badCores = run.report.issues.find((i) => i.at.some((a) => a.file === 'odd.csv' && a.row === 3 && a.column === 'vCPU'));
    expect(badCores?.severity).toBe('warning');
    expect(run.report.tables.find((t) => t.file === 'odd.csv')).toEqual({ file: 'odd.csv', sheet: null, rowsRead: 3, rowsUsed: 3, rowsSkipped: 0 });
  });

  it('turns a broken file into bad-file naming it', async () => {
    const r = await browser('importRun', { paths: ['broken.xlsx'], base });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-file', message: expect.stringContaining('broken.xlsx') } });
    const missing = await browser('importRun', { paths: ['odd.csv'], kinds: { 'odd.csv': 'inventory' }, base });
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad-file', message: expect.stringMatching(/odd\.csv: a inventory import needs a column for Server name/) } });
  });

  it('refuses a base that is not a project', async () => {
    const r = await browser('importRun', { paths: ['inventory.csv'], base: new Uint8Array([1, 2, 3]) });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/current project could not be read/) } });
  });
});

describe('import calls in Electron (paths the user chose)', () => {
  function electronLike(answer: () => string[] | null): { dispatch: Dispatch; asked: string[][] } {
    const asked: string[][] = [];
    const platform: HostPlatform = {
      ...browserPlatform({ filesRoot: root, dataDir: join(tmp, 'data-e'), samplePath: join(tmp, 'sample.cwb'), appName: 'CW', appVersion: '0.1.0' }),
      host: 'electron',
      filesRoot: null,
      paths: grantPolicy(),
      chooseOpenMany: async (o) => (asked.push(o.extensions), answer()),
    };
    return { dispatch: createDispatch(createHostServices(platform, defaultProjectIo(), NOW)), asked };
  }

  it('asks with a multi-select dialog, grants the chosen files and imports them; other paths are refused', async () => {
    const chosen = [join(outside, 'inventory.csv')];
    const { dispatch, asked } = electronLike(() => chosen);
    expect(await dispatch('importRun', { paths: chosen, base: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const previews = value<ImportPreview[]>(await dispatch('importPreview', { paths: null }));
    expect(asked).toEqual([['xlsx', 'csv']]);
    expect(previews.map((p) => [p.name, p.kind])).toEqual([['inventory.csv', 'inventory']]);
    const run = value<ImportRunResult>(await dispatch('importRun', { paths: chosen, base: null }));
    expect(run.report.counts.serversImported).toBe(4);
    expect(await dispatch('importRun', { paths: [join(root, 'odd.csv')], base: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('grants import choices for reading only: exportWrite and projectSave to them are refused, the file untouched', async () => {
    const target = join(outside, 'inventory.csv');
    const before = await readFile(target);
    const { dispatch } = electronLike(() => [target]);
    value<ImportPreview[]>(await dispatch('importPreview', { paths: null }));
    const write = await dispatch('exportWrite', { suggestedName: 'x.csv', bytes: new Uint8Array([1, 2, 3]), path: target });
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(String(!write.ok && write.error.message)).toContain('chosen to be read');
    expect(await dispatch('projectSave', { path: target, bytes: base })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await readFile(target)).toEqual(before);
    // reading it again is fine
    expect(value<ImportPreview[]>(await dispatch('importPreview', { paths: [target] }))).toHaveLength(1);
  });

  it('grant levels: read does not lower write, write raises read', async () => {
    const policy = grantPolicy();
    const a = join(outside, 'a.cwb');
    policy.grant(a);
    policy.grant(a, 'read');
    await expect(policy.check(a, 'write')).resolves.toBe(a);
    const b = join(outside, 'b.csv');
    policy.grant(b, 'read');
    await expect(policy.check(b, 'read')).resolves.toBe(b);
    await expect(policy.check(b, 'write')).rejects.toMatchObject({ code: 'forbidden' });
    policy.grant(b, 'write');
    await expect(policy.check(b, 'write')).resolves.toBe(b);
  });

  it('reports a cancelled dialog as cancelled', async () => {
    const { dispatch } = electronLike(() => null);
    expect(await dispatch('importPreview', { paths: null })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
