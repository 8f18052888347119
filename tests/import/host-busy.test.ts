/**
 * Browser mode during a long import: the import runs in a worker thread, so appInfo is answered within 1 s
 * throughout, importStatus reports rows read, importCancel stops it at once, and an import past its memory
 * ceiling fails with 'too-large' while the server keeps serving.
 */
import { copyFile, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeInventoryCsv } from '../../bench/lib/import-inputs.ts';
import { apiRoute, type HostCallArgs, type HostCallName, type HostResult, type HostReturns } from '../../electron/contract.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';
import { writeFileAtomic } from '../../electron/services/atomic-write.ts';
import { createProjectIo } from '../../electron/services/project-io.ts';
import { startBrowserHost } from '../../electron/browser-host/browser-host.ts';
import type { BrowserHostServer } from '../../electron/browser-host/server.ts';

const io = createProjectIo({ validate: () => ({ ok: true }), writeFile: writeFileAtomic });
const COPIES = Array.from({ length: 7 }, (_, i) => `one-name-${i + 2}.csv`);
let tmp: string;
let root: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-import-busy-'));
  root = join(tmp, 'files');
  await Promise.all([mkdir(root), mkdir(join(tmp, 'web')), mkdir(join(tmp, 'data'))]);
  await writeFile(join(tmp, 'web', 'index.html'), '<!doctype html><title>stub</title>');
  // 200k rows of one repeated name: the hostile input that used to stall the server for minutes
  await writeInventoryCsv(join(root, 'one-name.csv'), 200_000, 'one-name');
  // Eight such files in one import keep it running well past the watch below on a quiet machine too.
  await Promise.all(COPIES.map((name) => copyFile(join(root, 'one-name.csv'), join(root, name))));
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function start(maxHeapMb?: number): Promise<BrowserHostServer> {
  return startBrowserHost({ staticDir: join(tmp, 'web'), filesRoot: root, dataDir: join(tmp, 'data'), samplePath: join(tmp, 'sample.cwb'), io, imports: { maxHeapMb } });
}

async function call<K extends HostCallName>(host: BrowserHostServer, name: K, args: HostCallArgs<K>): Promise<HostResult<HostReturns[K]>> {
  const res = await fetch(`${host.origin}${apiRoute(name)}`, { method: 'POST', headers: { 'x-cwb-token': host.token }, body: Buffer.from(encodeWire(args)) });
  return decodeWire(new Uint8Array(await res.arrayBuffer())) as HostResult<HostReturns[K]>;
}

/** Calls appInfo every 50 ms until `until` settles; the longest wait for an answer, in ms. */
async function longestAppInfoWait(host: BrowserHostServer, until: Promise<unknown>): Promise<{ longest: number; answers: number }> {
  let settled = false;
  void until.finally(() => (settled = true));
  let longest = 0;
  let answers = 0;
  while (!settled) {
    const t0 = performance.now();
    const r = await call(host, 'appInfo', {});
    expect(r.ok).toBe(true);
    longest = Math.max(longest, performance.now() - t0);
    answers++;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { longest, answers };
}

describe('browser host: imports run off the event loop', () => {
  it('answers appInfo within 1 s during a long import, reports progress, and cancels it', { timeout: 180_000 }, async () => {
    const host = await start();
    try {
      const file = join(root, 'one-name.csv');
      const paths = [file, ...COPIES.map((n) => join(root, n))];
      const run = call(host, 'importRun', { paths, kinds: Object.fromEntries(paths.map((p) => [p, 'inventory'])), base: null, jobId: 'job-1' });
      // wait until rows are being read, then watch appInfo for a while before cancelling
      let status: HostReturns['importStatus'] = null;
      for (let i = 0; i < 600 && (status === null || status.rows === 0); i++) {
        await new Promise((r) => setTimeout(r, 50));
        const s = await call(host, 'importStatus', { jobId: 'job-1' });
        if (s.ok) status = s.value;
      }
      expect(status).toMatchObject({ jobId: 'job-1', file: 'one-name.csv' });
      expect(status?.rows).toBeGreaterThan(0);
      const watch = longestAppInfoWait(host, new Promise((r) => setTimeout(r, 1500)));
      const { longest, answers } = await watch;
      expect(answers).toBeGreaterThan(5);
      expect(longest).toBeLessThan(1000);
      const t0 = performance.now();
      const cancelled = await call(host, 'importCancel', { jobId: 'job-1' });
      expect(cancelled).toEqual({ ok: true, value: true });
      const result = await run;
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(await call(host, 'importStatus', { jobId: 'job-1' })).toEqual({ ok: true, value: null });
    } finally {
      await host.close();
    }
  });

  it('an import past its memory ceiling fails with too-large and the server keeps answering', { timeout: 180_000 }, async () => {
    const host = await start(48);
    try {
      const file = join(root, 'one-name.csv');
      const run = call(host, 'importRun', { paths: [file], kinds: { [file]: 'inventory' }, base: null });
      const { longest } = await longestAppInfoWait(host, run);
      const result = await run;
      expect(result).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/memory ceiling of 48 MB/) } });
      expect(longest).toBeLessThan(1000);
      expect((await call(host, 'appInfo', {})).ok).toBe(true);
    } finally {
      await host.close();
    }
  });
});
