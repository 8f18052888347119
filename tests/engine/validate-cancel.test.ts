/**
 * Cancel while a large project is being validated: validation yields every VALIDATE_CHUNK servers or flows,
 * the session runs it in its slices, so a cancel is answered at the next slice instead of after the whole
 * check (about 2 s at 50k servers).
 */
import { describe, expect, it } from 'vitest';
import { validateProject, validateProjectIter, VALIDATE_CHUNK } from '../../core/model/validate.ts';
import { createEngineSession } from '../../core/engine/session.ts';
import type { FromEngine } from '../../core/protocol.ts';
import { SLICE_MS } from '../../core/protocol.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';
import { firstFit } from './first-fit.ts';

const big = generateProject({ servers: 3000, seed: 'validate' });

function drainCount<T>(gen: Generator<void, T>): { steps: number; value: T } {
  let steps = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { steps, value: r.value };
    steps++;
  }
}

describe('validation in steps', () => {
  it('yields at least once per chunk of servers and flows, with the same result as validateProject', () => {
    const { steps, value } = drainCount(validateProjectIter(big.estate, big.series));
    expect(steps).toBeGreaterThanOrEqual(Math.ceil(big.estate.servers.length / VALIDATE_CHUNK) + Math.ceil(big.estate.flows.length / VALIDATE_CHUNK));
    expect(value).toEqual(validateProject(big.estate, big.series));
  });

  it('reports the same problems, with paths into the full lists', () => {
    const servers = big.estate.servers.map((s, i) => (i === 1234 ? { ...s, cores: -1 } : s));
    const bad = { ...big.estate, servers, hostModels: [{ ...big.estate.hostModels[0], price: 'x' }] };
    const stepped = drainCount(validateProjectIter(bad, big.series)).value;
    const whole = validateProject(bad, big.series);
    expect(stepped.ok).toBe(false);
    expect(stepped).toEqual(whole);
    if (!stepped.ok) expect(stepped.problems.map((p) => p.path)).toContain('servers[1234].cores');
  });

  it('a cancel sent during validation is answered at the next slice, before any planning', () => {
    const posted: FromEngine[] = [];
    const tasks: (() => void)[] = [];
    let t = 0;
    // Every clock read takes 2 ms: a slice (SLICE_MS) covers a handful of validation steps, not all of them.
    const session = createEngineSession({ post: (m) => posted.push(m), schedule: (fn) => tasks.push(fn), now: () => (t += 2), packer: firstFit });
    session.handle({ type: 'run', runId: 7, estate: big.estate, series: big.series, scenarioId: MAIN_SCENARIO_ID, budgetMs: 0 });
    tasks.shift()?.();
    expect(posted).toEqual([]);
    const sent = t;
    session.handle({ type: 'cancel', runId: 7 });
    let slices = 0;
    while (tasks.length > 0) {
      tasks.shift()?.();
      slices++;
    }
    expect(slices).toBe(1);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'cancelled', runId: 7 });
    expect(t - sent).toBeLessThanOrEqual(SLICE_MS + 10);
  });
});
