import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeProject } from '../../core/project-file/codec.ts';
import { generateProject } from '../../core/sample/generate.ts';
import { browserPlatform } from '../browser-host/browser-platform.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { createHostServices } from './host-services.ts';
import { defaultProjectIo } from './project-io-default.ts';

// The shared host services with the real .cwb codec and project-store (browser platform: no Electron here).
let tmp: string;
let root: string;
let dispatch: Dispatch;
let bytes: Uint8Array;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-services-'));
  root = join(tmp, 'files');
  await mkdir(root);
  bytes = encodeProject(generateProject({ servers: 40 }), { appVersion: '0.1.0', nowUtc: '2026-03-02T00:00:00Z' });
  await writeFile(join(tmp, 'sample.cwb'), bytes);
  await writeFile(join(root, 'corrupt.cwb'), bytes.subarray(0, 200));
  await writeFile(join(root, 'notes.cwb'), 'hello, not a zip');
  const platform = browserPlatform({ filesRoot: root, dataDir: join(tmp, 'data'), samplePath: join(tmp, 'sample.cwb'), appName: 'CW', appVersion: '0.1.0' });
  dispatch = createDispatch(createHostServices(platform, defaultProjectIo(), () => new Date('2026-03-02T10:00:00Z')));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('host services with the .cwb codec', () => {
  it('opens the bundled sample as an untitled copy on first start', async () => {
    expect(await dispatch('projectOpenInitial', {})).toEqual({ ok: true, value: { file: null, bytes, recovered: false } });
  });

  it('saves (verified, atomic, keeping a .bak) and reopens the same bytes', async () => {
    const path = join(root, 'plan.cwb');
    expect(await dispatch('projectSaveAs', { suggestedName: 'plan', bytes, path })).toEqual({ ok: true, value: { path, name: 'plan.cwb' } });
    expect(await dispatch('projectSave', { path, bytes })).toMatchObject({ ok: true });
    expect(new Uint8Array(await readFile(`${path}.bak`))).toEqual(bytes);
    expect(await dispatch('projectOpen', { path })).toEqual({ ok: true, value: { file: { path, name: 'plan.cwb' }, bytes, recovered: false } });
    // First start now reopens the most recent project.
    expect(await dispatch('projectOpenInitial', {})).toMatchObject({ ok: true, value: { file: { path } } });
  });

  it("refuses corrupt files with 'bad-file' and the codec's message", async () => {
    for (const name of ['corrupt.cwb', 'notes.cwb']) {
      const result = await dispatch('projectOpen', { path: join(root, name) });
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
      expect(!result.ok && result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('refuses to save bytes that do not open, leaving the file unchanged', async () => {
    const path = join(root, 'plan.cwb');
    const result = await dispatch('projectSave', { path, bytes: new Uint8Array([1, 2, 3, 4]) });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('reports a missing file as not-found', async () => {
    expect(await dispatch('projectOpen', { path: join(root, 'gone.cwb') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('validates a recovered project before handing it over', async () => {
    expect(await dispatch('recoveryWrite', { file: null, bytes: new Uint8Array([9, 9, 9]) })).toEqual({ ok: true, value: { savedAt: '2026-03-02T10:00:00.000Z' } });
    const check = await dispatch('recoveryCheck', {});
    const info = check.ok ? (check.value as { recoveryPath: string }) : null;
    expect(await dispatch('recoveryOpen', { recoveryPath: info?.recoveryPath ?? '' })).toMatchObject({ ok: false, error: { code: 'bad-file' } });
  });
});

describe('browser mode: exports write only what they are', () => {
  const csv = (t: string) => new TextEncoder().encode(t);

  it('refuses to replace an existing file without the confirmation, and keeps a .bak with it', async () => {
    const out = join(root, 'plan.csv');
    expect(await dispatch('exportWrite', { suggestedName: 'plan.csv', bytes: csv('one\n'), path: out })).toMatchObject({ ok: true, value: { path: out } });
    expect(await dispatch('exportWrite', { suggestedName: 'plan.csv', bytes: csv('two\n'), path: out })).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await readFile(out, 'utf8')).toBe('one\n');
    expect(await dispatch('exportWrite', { suggestedName: 'plan.csv', bytes: csv('two\n'), path: out, replace: true })).toMatchObject({ ok: true });
    expect(await readFile(out, 'utf8')).toBe('two\n');
    expect(await readFile(`${out}.bak`, 'utf8')).toBe('one\n');
  });

  it('never writes over a project, a dotfile, another kind, a new folder or through a link to a project', async () => {
    const victim = join(root, 'victim.cwb');
    await writeFile(victim, bytes);
    await symlink(victim, join(root, 'link.csv'));
    const before = (await readdir(root)).sort();
    const cases: [Record<string, unknown>, string][] = [
      [{ suggestedName: 'plan.csv', path: victim, replace: true }, 'forbidden'],
      [{ suggestedName: 'plan.cwb', path: victim, replace: true }, 'bad-argument'],
      [{ suggestedName: 'plan.csv', path: join(root, '.bashrc'), replace: true }, 'forbidden'],
      [{ suggestedName: 'plan.csv', path: join(root, '.config', 'autostart', 'PWNED.csv'), replace: true }, 'not-found'],
      [{ suggestedName: 'plan.csv', path: join(root, 'notes.txt'), replace: true }, 'forbidden'],
      [{ suggestedName: 'plan.csv', path: join(root, 'link.csv'), replace: true }, 'forbidden'],
      [{ suggestedName: 'plan.csv', path: join(tmp, 'outside.csv'), replace: true }, 'forbidden'],
    ];
    for (const [args, code] of cases) {
      expect(await dispatch('exportWrite', { bytes: csv('x'), ...args }), JSON.stringify(args)).toMatchObject({ ok: false, error: { code } });
    }
    expect(await dispatch('projectSaveAs', { suggestedName: 'x', bytes, path: join(root, 'notes.txt'), replace: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('projectSaveAs', { suggestedName: 'x', bytes, path: victim })).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect((await readdir(root)).sort()).toEqual(before);
    expect(new Uint8Array(await readFile(victim))).toEqual(bytes);
  });

  it('lists a link that leaves the root as such, without its target size', async () => {
    await writeFile(join(tmp, 'secret.bin'), new Uint8Array(12345));
    await symlink(join(tmp, 'secret.bin'), join(root, 'escape.csv'));
    await symlink(tmp, join(root, 'escape-dir'));
    const r = await dispatch('filesList', { dir: null, extensions: ['csv'] });
    const entries = r.ok ? (r.value as { entries: { name: string; kind: string; size: number }[] }).entries : [];
    expect(entries.filter((e) => e.name.startsWith('escape'))).toEqual([
      { name: 'escape-dir', path: join(root, 'escape-dir'), kind: 'outside', size: 0 },
      { name: 'escape.csv', path: join(root, 'escape.csv'), kind: 'outside', size: 0 },
    ]);
  });
});
