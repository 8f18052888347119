/**
 * Reproducible runs: with an iteration (work-unit) budget the search ends on work done, not on the clock,
 * so the same seed and iterations give the same plan whatever the injected clock's speed. The plan records
 * the settings it ran with.
 */
import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { checkRunMessage } from '../../core/engine/session.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';

const sample = generateProject({ servers: 150, seed: 'iter' });

/** A clock that advances `step` ms per read. */
const clock = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('iteration budget', () => {
  it('same seed and iterations give the same plan with a fast and a slow clock', () => {
    const fast = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(0.001), budgetMs: 10, iterations: 4000 });
    const slow = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(50), budgetMs: 10, iterations: 4000 });
    expect(slow).toEqual(fast);
    expect(fast.search).toEqual({ budgetMs: 10, iterations: 4000, stoppedBy: 'iterations' });
    expect(fast.final).toBe(true);
  });

  it('the plan records a time budget, and a first-plan-only run', () => {
    const timed = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(1), budgetMs: 200 });
    expect(timed.search?.budgetMs).toBe(200);
    expect(timed.search?.iterations).toBeNull();
    expect(['budget', 'done']).toContain(timed.search?.stoppedBy);
    const first = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(1), budgetMs: 0 });
    expect(first.search).toEqual({ budgetMs: 0, iterations: null, stoppedBy: 'first-plan' });
  });

  it('more iterations never give a costlier plan than none', () => {
    const none = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(1), budgetMs: 0 });
    const some = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(1), budgetMs: 0, iterations: 4000 });
    expect(some.cost.total).toBeLessThanOrEqual(none.cost.total + 1e-6);
  });

  it('the run message checks iterations', () => {
    const base = { type: 'run', runId: 1, scenarioId: 's', budgetMs: 0, estate: {}, series: { startUtc: 'x', hours: 1, serverIds: [], cpuPct: new Float32Array(0), memPct: new Float32Array(0), iops: new Float32Array(0), netMbps: new Float32Array(0) } };
    expect(() => checkRunMessage({ ...base, iterations: 1.5 })).toThrow(/iterations/);
    expect(() => checkRunMessage({ ...base, iterations: 0 })).toThrow(/iterations/);
    expect(checkRunMessage({ ...base, iterations: 100 }).iterations).toBe(100);
    expect(checkRunMessage(base).iterations).toBeUndefined();
  });
});
