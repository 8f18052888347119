import { describe, expect, it } from 'vitest';
import { planIter, type EngineEvent } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { createEngineSession } from '../../core/engine/session.ts';
import type { FromEngine } from '../../core/protocol.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';
import { estate, fakeNow, project, server } from './fixtures.ts';
import { firstFit } from './first-fit.ts';

const p = project(estate({ servers: Array.from({ length: 12 }, (_, i) => server(`s${i}`, { dataCentreId: i % 2 ? 'dc-a' : 'dc-c' })) }));

function collect(budgetMs: number, shouldStop?: () => boolean) {
  const events: EngineEvent[] = [];
  const gen = planIter(p, 's1', { packer: firstFit, now: fakeNow, budgetMs, shouldStop });
  for (;;) {
    const r = gen.next();
    if (r.done) return { events, plan: r.value };
    events.push(r.value);
  }
}

describe('engine driver', () => {
  it('yields progress in order, then the first plan, then returns the final plan', () => {
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

  it('is deterministic for a seed, with the real packer', () => {
    const sample = generateProject({ servers: 60, seed: 'det' });
    const run = () => {
      const gen = planIter(sample, MAIN_SCENARIO_ID, { packer: defaultPacker, now: fakeNow, budgetMs: 0 });
      for (;;) {
        const r = gen.next();
        if (r.done) return r.value;
      }
    };
    expect(run()).toEqual(run());
  });

  it('the session answers a bad message with an error naming the field, and supersedes a run with a new one', () => {
    const posted: FromEngine[] = [];
    const tasks: (() => void)[] = [];
    const session = createEngineSession({ post: (m) => posted.push(m), schedule: (fn) => tasks.push(fn), now: fakeNow, packer: firstFit });
    session.handle({ type: 'run', runId: 1, estate: p.estate, series: { ...p.series, iops: [1, 2] }, scenarioId: 's1', budgetMs: 0 });
    expect(posted.at(-1)).toMatchObject({ type: 'error', runId: 1, error: { field: 'series.iops' } });
    session.handle({ type: 'run', runId: 2, estate: p.estate, series: p.series, scenarioId: 's1', budgetMs: 0 });
    session.handle({ type: 'run', runId: 3, estate: p.estate, series: p.series, scenarioId: 's1', budgetMs: 0 });
    while (tasks.length > 0) tasks.shift()?.();
    expect(posted.filter((m) => m.type === 'cancelled').map((m) => m.runId)).toEqual([2]);
    expect(posted.filter((m) => m.type === 'result').map((m) => m.runId)).toEqual([3]);
    session.handle({ type: 'run', runId: 4, estate: { ...p.estate, servers: 'none' }, series: p.series, scenarioId: 's1', budgetMs: 0 });
    while (tasks.length > 0) tasks.shift()?.();
    expect(posted.at(-1)).toMatchObject({ type: 'error', runId: 4, error: { name: 'EngineInputError', field: 'servers' } });
  });
});
