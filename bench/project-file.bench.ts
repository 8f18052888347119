/**
 * .cwb save and open at scale: a 10,000-server x 168-hour project (the sample generator's scale mode when
 * it works, otherwise the synthetic project of the project-file tests), encoded and written with
 * writeProjectFile, read and decoded with readProjectFile, a few repetitions; prints medians and sizes.
 *
 *   npm run bench -- project-file [--servers 10000] [--hours 168] [--reps 5] [--synthetic]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Project } from '../core/model/project.ts';
import { validateEstate } from '../core/model/validate.ts';
import { decodeProject, encodeProject, type EncodeOptions } from '../core/project-file/codec.ts';
import { readProjectBytes, readProjectFile, writeProjectFile } from '../electron/services/project-store.ts';
import { makeProject } from '../tests/project-file/make-project.ts';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}

const DEFAULT_OPTIONS: EncodeOptions = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MiB`;

async function buildProject(servers: number, hours: number, synthetic: boolean): Promise<{ project: Project; source: string }> {
  if (!synthetic && hours % 168 === 0) {
    try {
      const { generateProject } = await import('../core/sample/generate.ts');
      return { project: generateProject({ servers, weeks: hours / 168 }), source: 'core/sample/generate.ts' };
    } catch (e) {
      console.log(`sample generator unavailable (${e instanceof Error ? e.message : String(e)}); using the synthetic project`);
    }
  }
  return { project: makeProject({ servers, hours, seed: 'bench' }), source: 'tests/project-file/make-project.ts' };
}

/** Process CPU time (user + system) spent since `from`, in ms. On a machine shared with other work the
 * wall-clock figures stretch; CPU time is what the same step would take on an idle one. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

let lastCpuMs = 0;

/** Wall time of fn in ms (its CPU time is left in lastCpuMs). */
async function time<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const wall = performance.now() - t;
  lastCpuMs = cpuSince(c);
  return [value, wall];
}

export async function run(args: string[]): Promise<void> {
  const servers = option(args, 'servers', 10_000);
  const hours = option(args, 'hours', 168);
  const reps = option(args, 'reps', 5);
  const [{ project, source }, buildMs] = await time(() => buildProject(servers, hours, args.includes('--synthetic')));
  const seriesBytes = project.series.serverIds.length * hours * 4 * 4;
  console.log(`project: ${servers} servers x ${hours} h from ${source} (built in ${buildMs.toFixed(0)} ms); series ${mb(seriesBytes)} in memory`);
  const [, validateMs] = await time(() => validateEstate(project.estate));
  const validateCpu = lastCpuMs;
  console.log(`validateEstate alone (part of every decode): ${ms(validateMs)} (cpu ${ms(validateCpu)})`);
  console.log(`load average now: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);

  const dir = mkdtempSync(path.join(tmpdir(), 'cwb-bench-'));
  const file = path.join(dir, 'bench.cwb');
  const configs: [string, EncodeOptions][] = [
    ['series stored, estate deflate 1 (the default)', DEFAULT_OPTIONS],
    ['series stored, estate deflate 6', { estateLevel: 6 }],
    ['series deflate 1, estate deflate 1', { seriesLevel: 1 }],
  ];
  try {
    for (const [label, options] of configs) {
      const t = { encode: [] as number[], write: [] as number[], read: [] as number[], decode: [] as number[], save: [] as number[], open: [] as number[] };
      const cpu = { save: [] as number[], open: [] as number[] };
      let size = 0;
      for (let r = 0; r < reps; r++) {
        const nowUtc = `2026-11-22T12:00:${String(r % 60).padStart(2, '0')}Z`;
        const [bytes, encodeMs] = await time(() => encodeProject(project, { appVersion: 'bench', nowUtc }, options));
        const encodeCpu = lastCpuMs;
        const [written, writeMs] = await time(() => writeProjectFile(file, bytes));
        cpu.save.push(encodeCpu + lastCpuMs);
        if (!written.ok) throw new Error(written.error.message);
        size = bytes.length;
        const [read, readMs] = await time(() => readProjectBytes(file));
        if (!read.ok) throw new Error(read.error.message);
        const [decoded, decodeMs] = await time(() => decodeProject(read.bytes));
        if (!decoded.ok) throw new Error(decoded.error.message);
        const [opened, openMs] = await time(() => readProjectFile(file));
        cpu.open.push(lastCpuMs);
        if (!opened.ok) throw new Error(opened.error.message);
        t.encode.push(encodeMs);
        t.write.push(writeMs);
        t.save.push(encodeMs + writeMs);
        t.read.push(readMs);
        t.decode.push(decodeMs);
        t.open.push(openMs);
      }
      console.log(`\n${label}: file ${mb(size)} (${((100 * size) / seriesBytes).toFixed(0)}% of the in-memory series), median of ${reps}`);
      console.log(`  save = encode + writeProjectFile: ${ms(median(t.save))}  cpu ${ms(median(cpu.save))}   (encode ${ms(median(t.encode))}, write+fsync ${ms(median(t.write))})`);
      console.log(`  open = readProjectFile:           ${ms(median(t.open))}  cpu ${ms(median(cpu.open))}   (read ${ms(median(t.read))}, decode ${ms(median(t.decode))})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
