/**
 * Effort, not time: the search is bounded by work units, in rounds of a fixed size and a fixed order, so the
 * same project, scenario, seed and effort give the same plan whatever the clock, a smaller effort is a prefix of
 * a larger one, and the work units at which a plan was found replay it. The plan records its effort.
 */
import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { checkRunMessage } from '../../core/engine/worker/session.ts';
import { effortText, effortUnits, parseEffort } from '../../core/model/effort.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';

// 800 servers: the first plan is well above the bound, so every round has work to do.
const sample = generateProject({ servers: 800, seed: 'det', weeks: 1 });
// Small rounds keep the test quick; the path only depends on the round size, never on the effort.
const ROUND = 400;

/** A clock that advances `step` ms per read. */
const clock = (step: number) => {
  let t = 0;
  return () => (t += step);
};

const plan = (effort: number, step = 1, onBest?: (p: Plan) => void) =>
  planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(step), effort, roundUnits: ROUND, ...(onBest ? { onBest } : {}) });
const withoutSearch = (p: Plan) => ({ ...p, search: undefined });

/** Whole-engine runs at 800 servers: on a loaded shared machine they take minutes, not seconds. */
const HEAVY_MS = 600_000;

describe('effort', () => {
  it('the same effort gives the same plan with a fast and a slow clock, and records its effort', () => {
    const fast = plan(900, 0.001);
    expect(plan(900, 50)).toEqual(fast);
    expect(fast.search).toMatchObject({ effort: 'custom', iterations: 900, budgetMs: 0, stoppedBy: 'iterations' });
    expect(fast.final).toBe(true);
    const first = plan(0);
    expect(first.search).toEqual({ effort: 'custom', iterations: null, foundAt: 0, budgetMs: 0, stoppedBy: 'first-plan' });
    expect(fast.hostsUsed).toBeLessThan(first.hostsUsed);
  }, HEAVY_MS);

  it('a plan found at N work units is replayed by effort N, and the rounds it went through are a prefix of a larger effort', () => {
    const bests: Plan[] = [];
    const long = plan(1300, 1, (p) => bests.push(p));
    // Better plans at the ends of rounds, each with the work units at which it was found.
    expect(bests.length).toBeGreaterThan(0);
    for (const b of bests) {
      const at = b.search?.foundAt ?? 0;
      expect(at).toBeGreaterThan(0);
      const replay = plan(at);
      expect(withoutSearch({ ...replay, final: false })).toEqual(withoutSearch(b));
      expect(replay.search?.foundAt).toBe(at);
    }
    const at = long.search?.foundAt ?? 0;
    expect(withoutSearch(plan(at))).toEqual(withoutSearch(long));
  }, HEAVY_MS);

  it('levels are work units; the run message and the CLI parse an effort', () => {
    expect(effortUnits('quick')).toBeLessThan(effortUnits('standard'));
    expect(effortUnits('standard')).toBeLessThan(effortUnits('thorough'));
    expect(effortUnits(1234)).toBe(1234);
    expect(effortText(1234)).toBe('custom (1,234 work units)');
    expect(parseEffort(' Thorough ')).toBe('thorough');
    expect(parseEffort('0')).toBe(0);
    expect(parseEffort('1e3')).toBeNull();
    const base = { type: 'run', runId: 1, scenarioId: 's', estate: {}, series: { startUtc: 'x', hours: 1, serverIds: [], cpuPct: new Float32Array(0), memPct: new Float32Array(0), iops: new Float32Array(0), netMbps: new Float32Array(0) } };
    expect(() => checkRunMessage({ ...base, effort: 1.5 })).toThrow(/effort/);
    expect(() => checkRunMessage({ ...base, effort: 'hard' })).toThrow(/effort/);
    expect(() => checkRunMessage(base)).toThrow(/effort/);
    expect(checkRunMessage({ ...base, effort: 'quick' }).effort).toBe('quick');
  });
});
