/**
 * A full disk: a 512 KiB tmpfs mounted by the test (root only, as in CI; skipped with the reason otherwise).
 * Saving a project or writing an export that does not fit must fail with a named error and leave the file
 * that was there as it was, with no temp file left behind.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeProject } from '../../core/project-file/codec.ts';
import { writeFileAtomic } from '../../electron/services/project-store-atomic.ts';
import { writeProjectFile } from '../../electron/services/project-store.ts';
import { makeProject } from '../project-file/make-project.ts';

const META = { appVersion: '0.1.0', nowUtc: '2026-12-02T00:00:00Z' };
let dir = '';
let skipReason: string | null = null;

beforeAll(() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    skipReason = 'needs root on Linux to mount a small tmpfs (CI runs as root)';
    return;
  }
  dir = mkdtempSync(path.join(tmpdir(), 'cwb-full-disk-'));
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { encoding: 'utf8' });
  if (m.status !== 0) skipReason = `mount -t tmpfs failed (${(m.stderr || m.error?.message || '').trim()}): no CAP_SYS_ADMIN here`;
});
afterAll(() => {
  if (!dir) return;
  if (!skipReason) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('refuses a save or an export that does not fit, the old file unchanged', async (ctx) => {
    if (skipReason) {
      console.info(`full-disk test skipped: ${skipReason}`);
      ctx.skip();
    }
    const small = encodeProject(makeProject({ servers: 10, hours: 24, seed: 'disk-small' }), META);
    const big = encodeProject(makeProject({ servers: 300, hours: 168, seed: 'disk-big' }), META);
    expect(big.length).toBeGreaterThan(512 * 1024);
    const target = path.join(dir, 'plan.cwb');
    expect((await writeProjectFile(target, small)).ok).toBe(true);
    const saved = await writeProjectFile(target, big);
    expect(saved).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!saved.ok && saved.error.message).toMatch(/disk is full.*unchanged/);
    expect(Buffer.from(readFileSync(target)).equals(Buffer.from(small))).toBe(true);

    const csv = path.join(dir, 'plan.csv');
    await writeFileAtomic(csv, new TextEncoder().encode('old\n'), { backup: false });
    await expect(writeFileAtomic(csv, big, { backup: true, requireBackup: true })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(csv, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
