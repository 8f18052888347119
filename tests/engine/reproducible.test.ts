/**
 * Same project, scenario, seed and effort: the same plan bytes on every run, also while other processes keep
 * both cores busy (the clock only paces progress reports, so a slow run is a late run, not another plan).
 * Plan bytes = a canonical JSON of the whole plan (sorted keys, typed arrays as number lists), hashed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';
import { createSha256, toHex } from '../../core/util/sha256.ts';
import { encodeUtf8 } from '../../core/util/utf8.ts';

/** Canonical JSON: object keys sorted, typed arrays as plain lists, non-finite numbers spelled out. */
function canonical(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : `"${String(v)}"`;
  if (v === null || typeof v !== 'object') return v === undefined ? 'null' : JSON.stringify(v);
  if (ArrayBuffer.isView(v)) return canonical(Array.from(v as unknown as ArrayLike<number>));
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

function planBytesHash(plan: Plan): string {
  const h = createSha256();
  h.update(encodeUtf8(canonical(plan)));
  return toHex(h.digest());
}

const sample = generateProject({ servers: 800, seed: 'det', weeks: 1 });
const run = () => planBytesHash(planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: () => performance.now(), effort: 600, roundUnits: 300 }));

/** Two processes spinning on the CPU until stopped. */
function burnCores(): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
}

/** Whole-engine runs at 800 servers: on a loaded shared machine they take minutes, not seconds. */
const HEAVY_MS = 600_000;

describe('reproducible plans', () => {
  it('canonical JSON sorts keys and spells out typed arrays', () => {
    expect(canonical({ b: 1, a: new Float32Array([0.5, 2]), c: [Number.NaN] })).toBe('{"a":[0.5,2],"b":1,"c":["NaN"]}');
  });

  it('five runs of the same inputs and effort give identical plan bytes, one of them with both cores busy', () => {
    const hashes = [run(), run(), run(), run()];
    const burners = burnCores();
    try {
      hashes.push(run());
    } finally {
      for (const b of burners) b.kill();
    }
    expect(new Set(hashes).size).toBe(1);
  }, HEAVY_MS);
});
