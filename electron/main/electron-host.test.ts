/**
 * The Electron host as the red team composed it (no Electron binary runs here): electron/main's platform over
 * the shared host services and dispatcher, with `electron` replaced by a fake whose dialogs answer what the
 * test says. Proves that the page cannot turn the recovery file, or any other call, into a grant.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeProject } from '../../core/project-file/codec.ts';
import { generateProject } from '../../core/sample/generate.ts';

const dialogAnswers: { save: (string | null)[]; open: (string[] | null)[] } = { save: [], open: [] };
vi.mock('electron', () => ({
  app: { getName: () => 'Consolidation Workbench', getVersion: () => '0.1.0', getPath: () => '/documents' },
  dialog: {
    showSaveDialog: async () => {
      const p = dialogAnswers.save.shift() ?? null;
      return { canceled: p === null, filePath: p ?? undefined };
    },
    showOpenDialog: async () => {
      const p = dialogAnswers.open.shift() ?? null;
      return { canceled: p === null, filePaths: p ?? [] };
    },
  },
}));
const { electronPlatform } = await import('./electron-platform.ts');
const { createDispatch } = await import('../services/dispatch.ts');
const { createHostServices } = await import('../services/host-services.ts');
const { defaultProjectIo } = await import('../services/project-io-default.ts');

const PROJECT = encodeProject(generateProject({ servers: 20, weeks: 1 }), { appVersion: '0.1.0', nowUtc: '2026-12-02T00:00:00Z' });
const SECRET = 'root:x:0:0:root:/root:/bin/bash\n';

let tmp: string;
let data: string;
let victim: string;
let docs: string;
let dispatch: ReturnType<typeof createDispatch>;

const fakeWindows = { window: () => null, setState: () => {}, confirmClose: () => {} } as unknown as Parameters<typeof electronPlatform>[0];
function compose() {
  const platform = electronPlatform(fakeWindows, { dataDir: data, samplePath: join(tmp, 'sample.cwb') });
  dispatch = createDispatch(createHostServices(platform, defaultProjectIo(), () => new Date('2026-12-02T10:00:00Z')));
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-electron-host-'));
  await writeFile(join(tmp, 'sample.cwb'), PROJECT);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));
beforeEach(async () => {
  data = await mkdtemp(join(tmp, 'data-'));
  docs = await mkdtemp(join(tmp, 'docs-'));
  const etc = await mkdtemp(join(tmp, 'etc-'));
  victim = join(etc, 'passwd');
  await writeFile(victim, SECRET);
  dialogAnswers.save = [];
  dialogAnswers.open = [];
  compose();
});

describe('Electron host: grants come only from user choices', () => {
  it('refuses the chain recoveryWrite(victim) -> recoveryOpen -> exportWrite / importPreview', async () => {
    for (const path of [victim, join(victim, '..', 'shadow.cwb'), '/etc/passwd']) {
      expect(await dispatch('recoveryWrite', { file: { path, name: 'passwd' }, bytes: PROJECT })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Even metadata that names the victim (an older version wrote it, or a hand edit) grants nothing.
    await dispatch('recoveryWrite', { file: null, bytes: PROJECT });
    await writeFile(join(data, 'recovery', 'recovery.json'), JSON.stringify({ file: { path: victim, name: 'passwd' }, savedAt: '2026-12-02T09:00:00Z' }));
    const check = await dispatch('recoveryCheck', {});
    expect(check).toMatchObject({ ok: true, value: { file: null } });
    const recoveryPath = check.ok ? (check.value as { recoveryPath: string }).recoveryPath : '';
    expect(await dispatch('recoveryOpen', { recoveryPath })).toMatchObject({ ok: true, value: { file: null, recovered: true } });
    // ... and the page supplying another recovery path is refused.
    expect(await dispatch('recoveryOpen', { recoveryPath: victim })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const attempts: [string, unknown][] = [
      ['exportWrite', { suggestedName: 'x.csv', bytes: new TextEncoder().encode('pwned'), path: victim, replace: true }],
      ['exportWrite', { suggestedName: 'x.csv', bytes: new TextEncoder().encode('pwned'), path: join(victim, '..', 'new.csv'), replace: true }],
      ['importPreview', { paths: [victim] }],
      ['importRun', { paths: [victim], base: null }],
      ['projectSave', { path: victim, bytes: PROJECT, withoutBackup: true }],
      ['projectSaveAs', { suggestedName: 'x', bytes: PROJECT, path: victim, replace: true }],
      ['projectOpen', { path: victim }],
    ];
    for (const [call, args] of attempts) {
      const r = await dispatch(call, args);
      expect(r, call).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(JSON.stringify(r), call).not.toContain('root:x:0');
    }
    expect(await readFile(victim, 'utf8')).toBe(SECRET);
    expect(await readdir(join(victim, '..'))).toEqual(['passwd']);
  });

  it('keeps a recovered project only when the user chose it before (the recent list), never by its metadata', async () => {
    const plan = join(docs, 'plan.cwb');
    dialogAnswers.save.push(plan);
    expect(await dispatch('projectSaveAs', { suggestedName: 'plan', bytes: PROJECT, path: null })).toMatchObject({ ok: true, value: { path: plan } });
    expect(await dispatch('recoveryWrite', { file: { path: plan, name: 'ignored' }, bytes: PROJECT })).toMatchObject({ ok: true });
    compose(); // a restart: no grants in memory
    const check = await dispatch('recoveryCheck', {});
    expect(check).toMatchObject({ ok: true, value: { file: { path: plan, name: 'plan.cwb' } } });
    const recoveryPath = check.ok ? (check.value as { recoveryPath: string }).recoveryPath : '';
    expect(await dispatch('recoveryOpen', { recoveryPath })).toMatchObject({ ok: true, value: { file: { path: plan } } });
    expect(await dispatch('projectSave', { path: plan, bytes: PROJECT })).toMatchObject({ ok: true });
  });

  it('files chosen for import are read, never written', async () => {
    const csv = join(docs, 'servers.csv');
    await writeFile(csv, 'name,cpu\na,1\n');
    dialogAnswers.open.push([csv]);
    expect(await dispatch('importPreview', { paths: null })).toMatchObject({ ok: true });
    expect(await dispatch('exportWrite', { suggestedName: 'x.csv', bytes: new Uint8Array([1]), path: csv, replace: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch('recoveryWrite', { file: { path: csv, name: 'servers.csv' }, bytes: PROJECT })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await readFile(csv, 'utf8')).toBe('name,cpu\na,1\n');
  });
});

describe('Electron host: exports write only what they are', () => {
  const csv = new TextEncoder().encode('a,b\n1,2\n');

  it('writes the chosen file; replacing (the native dialog asked) keeps a .bak', async () => {
    const out = join(docs, 'plan.csv');
    dialogAnswers.save.push(out, out);
    expect(await dispatch('exportWrite', { suggestedName: 'plan.csv', bytes: csv, path: null })).toMatchObject({ ok: true, value: { path: out } });
    expect(await dispatch('exportWrite', { suggestedName: 'plan.csv', bytes: new TextEncoder().encode('new\n'), path: null })).toMatchObject({ ok: true });
    expect(await readFile(out, 'utf8')).toBe('new\n');
    expect(await readFile(`${out}.bak`, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('refuses other extensions, dotfiles, projects, missing folders and non-exports, writing nothing', async () => {
    await writeFile(join(docs, 'victim.cwb'), PROJECT);
    const cases: [string, string, string][] = [
      ['plan.csv', join(docs, 'plan.txt'), 'forbidden'],
      ['plan.csv', join(docs, '.bashrc'), 'forbidden'],
      ['plan.csv', join(docs, '.config.csv'), 'forbidden'],
      ['plan.csv', join(docs, 'victim.cwb'), 'forbidden'],
      ['plan.csv', join(docs, 'autostart', 'PWNED.csv'), 'not-found'],
      ['plan.desktop', join(docs, 'x.desktop'), 'bad-argument'],
      ['plan.cwb', join(docs, 'victim.cwb'), 'bad-argument'],
    ];
    for (const [suggestedName, chosen, code] of cases) {
      dialogAnswers.save.push(chosen);
      const r = await dispatch('exportWrite', { suggestedName, bytes: csv, path: null });
      expect(r, chosen).toMatchObject({ ok: false, error: { code } });
      dialogAnswers.save = [];
    }
    expect((await readdir(docs)).sort()).toEqual(['victim.cwb']);
    expect(new Uint8Array(await readFile(join(docs, 'victim.cwb')))).toEqual(PROJECT);
  });
});
