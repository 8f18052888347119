/**
 * Crash safety of saving: a child process saves two different projects alternately to one path and is
 * SIGKILLed at seeded random moments, 50 times per mode (save, and export: any bytes written the way exportWrite writes). After every kill the path must hold exactly A or exactly B
 * (and open), the .bak, when present, too, and leftover temp files must not pile up. The child is bundled
 * with esbuild first (tsx would take most of a second per start), and the next saver boots while the
 * current one runs, so 50 kills fit in a few seconds of wall time even on a busy machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeProject } from '../../core/project-file/codec.ts';
import { createRng } from '../../core/util/random.ts';
import { backupPathOf, readProjectFile, writeProjectFile } from '../../electron/services/project-store.ts';
import { makeProject } from './make-project.ts';

/** Per mode (save, export); CWB_HOSTILE_FULL=1 hunts longer. */
const KILLS = process.env.CWB_HOSTILE_FULL === '1' ? 200 : 50;
/** Savers booting ahead of use: node's start-up, not the saving, is what takes time on a busy machine. */
const PREBOOT = 2;
const META = { appVersion: '0.1.0', nowUtc: '2026-11-22T12:00:00Z' };

let dir: string;
let childScript: string;
const A = encodeProject(makeProject({ servers: 24, hours: 168, seed: 'kill-A' }), META);
const B = encodeProject(makeProject({ servers: 16, hours: 168, seed: 'kill-B' }), META);
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cwb-kill-'));
  childScript = path.join(dir, 'save-loop.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'save-loop.child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
  });
  writeFileSync(path.join(dir, 'a.cwb'), A);
  writeFileSync(path.join(dir, 'b.cwb'), B);
});
/** Savers still running (a failed assertion leaves some): killed by pid when the file's tests end. */
const children = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all(
    [...children].map((c) => {
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      return gone;
    }),
  );
  rmSync(dir, { recursive: true, force: true });
});

type Saver = { child: ChildProcess; go: () => void; saves: () => number; exited: Promise<void> };

/** Start a saver; resolves once it is loaded and waiting for go(). */
function startSaver(target: string, first: 0 | 1, mode: 'save' | 'export'): Promise<Saver> {
  const child = spawn(process.execPath, [childScript, target, path.join(dir, 'a.cwb'), path.join(dir, 'b.cwb'), String(first), mode], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) {
        resolve({
          child,
          go: () => {
            child.stdin?.write('go\n');
          },
          saves: () => out.split('\n').filter((l) => l.startsWith('saved')).length,
          exited,
        });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (signal !== 'SIGKILL') reject(new Error(`saver exited (${code ?? signal}): ${err}`));
    });
  });
}

describe.each(['save', 'export'] as const)('kill during %s', (mode) => {
  it(`leaves the old or the new complete file after each of ${KILLS} SIGKILLs`, async () => {
    // an export is any bytes under its own name (here the two projects' bytes as plan.xlsx), written with a .bak
    const target = path.join(dir, mode === 'save' ? 'plan.cwb' : 'plan.xlsx');
    expect((await writeProjectFile(target, A)).ok).toBe(true);
    const rng = createRng(`kill-schedule-1-${mode}`);
    const seen = { A: 0, B: 0, midSave: 0, bak: 0, saves: 0, startMs: 0, checkMs: 0 };

    const booting = Array.from({ length: PREBOOT }, (_, i) => startSaver(target, i % 2 === 0 ? 0 : 1, mode));
    for (let kill = 0; kill < KILLS; kill++) {
      let t = performance.now();
      const saver = await booting.shift();
      if (!saver) throw new Error('no saver');
      seen.startMs += performance.now() - t;
      saver.go();
      if (kill + PREBOOT < KILLS) booting.push(startSaver(target, (kill + PREBOOT) % 2 === 0 ? 0 : 1, mode));
      const delayMs = rng.int(0, 150);
      await new Promise((r) => setTimeout(r, delayMs));
      saver.child.kill('SIGKILL');
      await saver.exited;
      seen.saves += saver.saves();

      t = performance.now();
      const left = readdirSync(dir);
      if (left.some((n) => n.endsWith('.tmp'))) seen.midSave++;
      // At most one kill's temps may stay (an export that keeps a .bak has two: .new.tmp and .bak.tmp) plus one left by the other mode's run in this folder.
      expect(left.filter((n) => n.endsWith('.tmp')).length, `temp files pile up: ${left.join(', ')}`).toBeLessThanOrEqual(3);

      expect(existsSync(target), `kill ${kill} (after ${delayMs} ms) left no file`).toBe(true);
      const opened = await readProjectFile(target);
      if (!opened.ok) throw new Error(`kill ${kill} (after ${delayMs} ms) left a broken file: ${opened.error.message}`);
      const isA = same(opened.bytes, A);
      const isB = same(opened.bytes, B);
      expect(isA || isB, `kill ${kill}: the file is neither A nor B`).toBe(true);
      if (isA) seen.A++;
      else seen.B++;

      if (existsSync(backupPathOf(target))) {
        seen.bak++;
        const bak = await readProjectFile(backupPathOf(target));
        if (!bak.ok) throw new Error(`kill ${kill}: the .bak is broken: ${bak.error.message}`);
        expect(same(bak.bytes, A) || same(bak.bytes, B), `kill ${kill}: the .bak is neither A nor B`).toBe(true);
      }
      seen.checkMs += performance.now() - t;
    }
    console.info(`kill-during-${mode}: ${KILLS} kills, ${seen.saves} completed saves, A ${seen.A} / B ${seen.B}, ${seen.midSave} kills left a temp file, .bak present ${seen.bak}; ` +
        `mean wait for the next saver ${(seen.startMs / KILLS).toFixed(0)} ms, mean check ${(seen.checkMs / KILLS).toFixed(0)} ms`);
    // The test is only worth something if the kills landed at many moments: between saves and inside them.
    expect(seen.A).toBeGreaterThan(3);
    expect(seen.B).toBeGreaterThan(3);
    expect(seen.midSave).toBeGreaterThan(3);
    expect(seen.saves).toBeGreaterThan(KILLS / 2);
    // About 5 s on an idle 2-core machine; node start-up stretches it on a busy one, hence the long timeout.
  }, 300_000);
});
