import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeProject } from '../../core/project-file/codec.ts';
import { makeProject } from './make-project.ts';
import { parseTempName } from '../../electron/services/project-store-atomic.ts';
import { backupPathOf, readProjectBytes, readProjectFile, toHostError, writeProjectFile } from '../../electron/services/project-store.ts';

const META = { appVersion: '0.1.0', nowUtc: '2026-11-22T12:00:00Z' };
const A = encodeProject(makeProject({ servers: 12, hours: 24, seed: 'A' }), META);
const B = encodeProject(makeProject({ servers: 15, hours: 24, seed: 'B' }), META);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cwb-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('project store', () => {
  it('writes, reads back and decodes', async () => {
    const file = path.join(dir, 'plan.cwb');
    const w = await writeProjectFile(file, A);
    expect(w).toEqual({ ok: true, path: file, backupPath: null });
    const r = await readProjectFile(file);
    if (!r.ok) throw new Error(r.error.message);
    expect(same(r.bytes, A)).toBe(true);
    expect(r.project.estate.servers).toHaveLength(12);
    expect(readdirSync(dir)).toEqual(['plan.cwb']);
  });

  it('keeps the previous version as <name>.bak', async () => {
    const file = path.join(dir, 'plan.cwb');
    await writeProjectFile(file, A);
    const w = await writeProjectFile(file, B);
    expect(w.ok && w.backupPath).toBe(`${file}.bak`);
    expect(same(readFileSync(file), B)).toBe(true);
    expect(same(readFileSync(backupPathOf(file)), A)).toBe(true);
    await writeProjectFile(file, A);
    expect(same(readFileSync(backupPathOf(file)), B)).toBe(true);
    await writeProjectFile(file, A); // .bak becomes a link to the same content: must still work
    await writeProjectFile(file, B);
    expect(same(readFileSync(backupPathOf(file)), A)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['plan.cwb', 'plan.cwb.bak']);
    const noBak = path.join(dir, 'other.cwb');
    await writeProjectFile(noBak, A, { backup: false });
    await writeProjectFile(noBak, B, { backup: false });
    expect(readdirSync(dir)).not.toContain('other.cwb.bak');
  });

  it("refuses ('no-backup', file unchanged) when the .bak cannot be kept, and saves without it only when asked", async () => {
    const file = path.join(dir, 'plan.cwb');
    await writeProjectFile(file, A);
    mkdirSync(path.join(dir, 'plan.cwb.bak', 'inside'), { recursive: true }); // a folder in the way
    const refused = await writeProjectFile(file, B);
    expect(refused).toMatchObject({ ok: false, error: { code: 'no-backup' } });
    expect(!refused.ok && refused.error.message).toMatch(/plan\.cwb\.bak.*unchanged/);
    expect(toHostError(!refused.ok ? refused.error : { code: 'io', message: '' }).code).toBe('no-backup');
    expect(same(readFileSync(file), A)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['plan.cwb', 'plan.cwb.bak']);
    const w = await writeProjectFile(file, B, { requireBackup: false });
    expect(w).toEqual({ ok: true, path: file, backupPath: null });
    expect(same(readFileSync(file), B)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['plan.cwb', 'plan.cwb.bak']);
  });

  it('never replaces a read-only (0444) project, whatever the backup choice', async () => {
    const file = path.join(dir, 'plan.cwb');
    await writeProjectFile(file, A);
    chmodSync(file, 0o444);
    for (const requireBackup of [true, false]) {
      const w = await writeProjectFile(file, B, { requireBackup });
      expect(w).toMatchObject({ ok: false, error: { code: 'io' } });
      expect(!w.ok && w.error.message).toMatch(/read-only/);
      expect(same(readFileSync(file), A)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['plan.cwb']);
  });

  it('saves through a symbolic link into the file it points to', async () => {
    const real = path.join(dir, 'real.cwb');
    const link = path.join(dir, 'link.cwb');
    await writeProjectFile(real, A);
    symlinkSync(real, link);
    await writeProjectFile(link, B);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(same(readFileSync(real), B)).toBe(true);
    expect(same(readFileSync(`${real}.bak`), A)).toBe(true);
  });

  it('serialises concurrent saves of one file', async () => {
    const file = path.join(dir, 'plan.cwb');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => writeProjectFile(file, i % 2 ? B : A)));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(same(readFileSync(file), B)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['plan.cwb', 'plan.cwb.bak']);
  });

  it('removes temp files left by a killed save, and only those', async () => {
    const file = path.join(dir, 'plan.cwb');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999;
    const stale = `.plan.cwb.${dead}.0123456789ab.new.tmp`;
    const live = `.plan.cwb.${process.pid}.0123456789ab.bak.tmp`;
    const unrelated = `.other.cwb.${dead}.0123456789ab.new.tmp`;
    for (const n of [stale, live, unrelated]) writeFileSync(path.join(dir, n), 'partial');
    expect(parseTempName(stale, 'plan.cwb')).toEqual({ pid: dead });
    expect(parseTempName('plan.cwb.bak', 'plan.cwb')).toBeNull();
    await writeProjectFile(file, A);
    expect(readdirSync(dir).sort()).toEqual([unrelated, live, 'plan.cwb'].sort());
  });

  it('refuses to overwrite with bytes that do not open when asked to verify', async () => {
    const file = path.join(dir, 'plan.cwb');
    await writeProjectFile(file, A);
    const w = await writeProjectFile(file, A.subarray(0, 1000), { verify: true });
    expect(!w.ok && w.error.code).toBe('truncated');
    expect(!w.ok && w.error.message).toMatch(/^Not saved, the file on disk is unchanged/);
    expect(same(readFileSync(file), A)).toBe(true);
  });

  it('reports a missing file, a folder, a missing folder', async () => {
    const missing = await readProjectFile(path.join(dir, 'gone.cwb'));
    expect(!missing.ok && missing.error).toEqual({
      code: 'not-found',
      message: `The project file ${path.join(dir, 'gone.cwb')} does not exist. It may have been moved, renamed or deleted.`,
    });
    mkdirSync(path.join(dir, 'folder.cwb'));
    const folder = await readProjectFile(path.join(dir, 'folder.cwb'));
    expect(!folder.ok && folder.error.code).toBe('io');
    expect(!folder.ok && folder.error.message).toMatch(/is a folder, not a project file/);
    const w = await writeProjectFile(path.join(dir, 'no', 'such', 'plan.cwb'), A);
    expect(!w.ok && w.error.code).toBe('not-found');
    expect(!w.ok && w.error.message).toMatch(/the folder .*no\/such does not exist/);
  });

  it('refuses a file over 1 GiB before reading it', async () => {
    const file = path.join(dir, 'huge.cwb');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 1024 ** 3 + 1); // sparse: no gigabyte is written or read
    closeSync(fd);
    const r = await readProjectBytes(file);
    expect(!r.ok && r.error).toEqual({
      code: 'too-large',
      message: 'huge.cwb is 1.0 GiB; the app opens project files up to 1.0 GiB. Check that this is a Consolidation Workbench project.',
    });
    const small = await readProjectFile(path.join(dir, 'huge.cwb'), { maxBytes: 10 });
    expect(!small.ok && small.error.code).toBe('too-large');
  });

  it('passes codec errors through and maps them to host errors', async () => {
    const file = path.join(dir, 'notes.cwb');
    writeFileSync(file, 'meeting notes');
    const r = await readProjectFile(file);
    expect(!r.ok && r.error.code).toBe('not-zip');
    expect(!r.ok && toHostError(r.error)).toEqual({ code: 'bad-file', message: !r.ok && r.error.message });
    expect(toHostError({ code: 'not-found', message: 'm' })).toEqual({ code: 'not-found', message: 'm' });
    expect(toHostError({ code: 'too-large', message: 'm' }).code).toBe('too-large');
  });
});
