import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { createEngineSession } from '../../core/engine/worker/session.ts';
import type { FromEngine } from '../../core/protocol.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';
import { estate, fakeNow, project, server } from './fixtures.ts';
import { firstFit } from './first-fit.ts';

const p = project(estate({ servers: Array.from({ length: 12 }, (_, i) => server(`s${i}`, { dataCentreId: i % 2 ? 'dc-a' : 'dc-c' })) }));

type Event = { kind: 'progress'; phase: string; fraction: number; hosts: number } | { kind: 'plan'; plan: Plan };

function collect(effort: number) {
  const events: Event[] = [];
  const plan = planProject(p, 's1', {
    packer: firstFit,
    now: fakeNow,
    effort,
    onProgress: (e) => events.push({ kind: 'progress', ...e }),
    onPlan: (first) => events.push({ kind: 'plan', plan: first }),
  });
  return { events, plan };
}

/** A clock that advances `step` ms per read. */
const clock = (step: number) => {
  let t = 0;
  return () => (t += step);
};

/** Whole-engine runs at 800 servers: on a loaded shared machine they take minutes, not seconds. */
const HEAVY_MS = 600_000;

describe('engine driver', () => {
  it('reports progress in order, then the first plan, then returns the final plan', () => {
    const { events, plan } = collect(1000);
    const fractions = events.flatMap((e) => (e.kind === 'progress' ? [e.fraction] : []));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1] - 1e-9)).toBe(true);
    const first = events.find((e) => e.kind === 'plan');
    expect(first?.kind === 'plan' && first.plan.final).toBe(false);
    expect(plan.final).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'progress', phase: 'done', fraction: 1, hosts: plan.hostsUsed });
  });

  it('with no budget the first plan is the final one', () => {
    const { events, plan } = collect(0);
    expect(events.some((e) => e.kind === 'plan')).toBe(false);
    expect(plan.final).toBe(true);
  });

  it('is deterministic for a seed and a work budget, with the real packer and a search, whatever the clock', () => {
    // 800 servers: the first plan is well above the bound (193 hosts vs 170), so the search has work to do.
    const sample = generateProject({ servers: 800, seed: 'det', weeks: 1 });
    const run = (step: number) => planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(step), effort: 1000 });
    const first = planProject(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: clock(1), effort: 0 });
    const a = run(0.01);
    // The search ran (the plan says so) and changed the packing, so equal plans are not equal first plans.
    expect(a.search).toMatchObject({ iterations: 1000, stoppedBy: 'iterations' });
    expect(a.cost.total).toBeLessThan(first.cost.total);
    expect(a.hostsUsed).toBeLessThan(first.hostsUsed);
    expect(run(500)).toEqual(a);
  }, HEAVY_MS);

  it('the session answers a bad message with an error naming the field, and runs each run to its end', () => {
    const posted: FromEngine[] = [];
    const session = createEngineSession({ post: (m) => posted.push(m), now: fakeNow, packer: firstFit });
    session.handle({ type: 'run', runId: 1, estate: p.estate, series: { ...p.series, iops: [1, 2] }, scenarioId: 's1', effort: 0 });
    expect(posted.at(-1)).toMatchObject({ type: 'error', runId: 1, error: { field: 'series.iops' } });
    session.handle({ type: 'run', runId: 2, estate: p.estate, series: p.series, scenarioId: 's1', effort: 0 });
    expect(posted.at(-1)).toMatchObject({ type: 'result', runId: 2 });
    session.handle({ type: 'run', runId: 4, estate: { ...p.estate, servers: 'none' }, series: p.series, scenarioId: 's1', effort: 0 });
    expect(posted.at(-1)).toMatchObject({ type: 'error', runId: 4, error: { name: 'EngineInputError', field: 'servers' } });
  });
});
