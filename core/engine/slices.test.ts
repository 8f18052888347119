// The engine's long set-up steps (building classes and their bounds, preparing a packer's problem) run in
// slices: they yield every `SLICE_WORK` units of work, so a worker sees a cancel at the next yield instead of
// after a whole class. Functional checks (yields counted, work after a stop counted), never timed.
import { describe, expect, it } from 'vitest';
import type { FromEngine } from '../protocol.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../sample/generate.ts';
import { createRng } from '../util/random.ts';
import { buildContext } from './context.ts';
import type { Packer } from './engine.ts';
import { buildPackClassesIter } from './pack-input.ts';
import { packIter } from './pack/pack.ts';
import { prepareProblem, prepareProblemIter } from './pack/problem.ts';
import { SLICE_WORK } from '../util/slices.ts';
import type { PackInput, PackProgress, PackSolution } from './pack/types.ts';
import { createEngineSession } from './session.ts';
import { planSitesIter } from './sites.ts';
import { DIMS, sizingIter } from './sizing.ts';
import { drain } from '../util/slices.ts';

const project = generateProject({ servers: 3000, weeks: 1, seed: 'slices' });

describe('engine set-up in slices', () => {
  it('builds classes in slices: no stretch between two yields reads much more than a slice of demand', () => {
    const ctx = buildContext(project.estate, MAIN_SCENARIO_ID);
    const sizing = drain(sizingIter(ctx.servers, project.series, ctx.rules));
    const sites = drain(planSitesIter(ctx, sizing));
    const C = DIMS * sizing.hours + 1;
    const expected = drain(buildPackClassesIter(ctx, sizing, sites.site, []));
    // Count the reads of the sized demand (the bulk of building a class) between two yields.
    let reads = 0;
    const demand = new Proxy(sizing.demand, {
      get(target, key) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key);
      },
    });
    const slice = 4 * C;
    const gen = buildPackClassesIter(ctx, { ...sizing, demand }, sites.site, [], slice);
    let longest = 0;
    let yields = 0;
    let r = gen.next();
    while (!r.done) {
      longest = Math.max(longest, reads);
      reads = 0;
      yields++;
      r = gen.next();
    }
    const total = ctx.servers.filter((s, i) => s.virtualisable && sites.site[i] !== null).length * (C - 1);
    expect(expected.reduce((a, c) => a + c.items.flat().length, 0) * (C - 1)).toBe(total);
    // The largest class alone reads over 1,000 servers' worth here; sliced, a stretch reads at most a slice
    // plus one item (an affinity group: a few servers).
    const itemReads = Math.max(...expected.flatMap((c) => c.items.map((ms) => ms.length))) * (C - 1);
    expect(Math.max(...expected.map((c) => c.items.flat().length)) * (C - 1)).toBeGreaterThan(100 * slice);
    expect(longest).toBeLessThan(slice + itemReads);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(total / (slice + itemReads)));
    // The same classes as in one go.
    expect(r.value.map((c) => [c.classKey, c.items, c.bounds, c.productBound])).toEqual(expected.map((c) => [c.classKey, c.items, c.bounds, c.productBound]));
  });

  it('prepares a large packing problem in slices, to the same problem', () => {
    const n = 5000;
    const C = 500;
    const rng = createRng('slices');
    const sizes = Float64Array.from({ length: n * C }, () => rng.next());
    const input: PackInput = { coords: C, itemCount: n, sizes, binTypes: [{ capacity: new Float64Array(C).fill(20), cost: 1, available: Number.POSITIVE_INFINITY }] };
    let yields = 0;
    const gen = prepareProblemIter(input);
    let r = gen.next();
    while (!r.done) {
      yields++;
      r = gen.next();
    }
    expect(yields).toBeGreaterThanOrEqual(Math.floor((n * C) / SLICE_WORK));
    expect(yields).toBeGreaterThanOrEqual(2);
    // The same problem as in one go (input and sizes are the caller's arrays, shared).
    const { input: sliced, sizes: slicedSizes, ...got } = r.value;
    const { input: whole, sizes: wholeSizes, ...want } = prepareProblem(input);
    expect(sliced === whole && slicedSizes === wholeSizes).toBe(true);
    expect(got).toEqual(want);
  });

  it('honours a cancel sent while the classes are built at the next slice: no class is packed after it', () => {
    let clock = 0;
    const queue: (() => void)[] = [];
    const posted: FromEngine[] = [];
    let packed = 0;
    const packer: Packer = {
      packIter: (input, options): Generator<PackProgress, PackSolution> => {
        packed++;
        return packIter(input, options);
      },
    };
    const session = createEngineSession({ post: (m) => posted.push(m), schedule: (fn) => queue.push(fn), now: () => (clock += 1), packer });
    session.handle({ type: 'run', runId: 7, scenarioId: MAIN_SCENARIO_ID, budgetMs: 1000, estate: project.estate, series: project.series });
    // Classes are built in the first tenth of the pack phase (30 % .. 32 % of the run).
    const building = (m: FromEngine) => m.type === 'progress' && m.phase === 'pack' && m.percent >= 30 && m.percent < 32;
    let slices = 0;
    while (queue.length > 0 && !posted.some(building)) {
      queue.shift()?.();
      slices++;
    }
    expect(posted.some(building)).toBe(true);
    const seenAt = posted.length;
    session.handle({ type: 'cancel', runId: 7 });
    let after = 0;
    while (queue.length > 0) {
      queue.shift()?.();
      after++;
    }
    expect(slices).toBeGreaterThan(1);
    expect(after).toBe(1); // the next slice only reports the cancel
    expect(posted.slice(seenAt)).toEqual([expect.objectContaining({ type: 'cancelled', runId: 7 })]);
    expect(packed).toBe(0);
  });
});
