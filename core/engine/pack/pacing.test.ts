import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random.ts';
import { binCentric, itemCentric, orderItems, placeFixed } from './construct.ts';
import { coverFirst } from './cover.ts';
import { Control, type Ctx } from './control.ts';
import { pack } from './pack.ts';
import { prepareProblem } from './problem.ts';
import { testCtx } from './test-ctx.ts';
import { PackState } from './state.ts';
import type { BinType, PackInput } from './types.ts';

const bin = (capacity: number[], cost = 1, available = Infinity): BinType => ({ capacity: Float64Array.from(capacity), cost, available });

/** Random items of `coords` coordinates, each a tenth to a third of the unit bin. */
function randomInput(n: number, coords: number, binTypes: BinType[], seed: number): PackInput {
  const rng = createRng(seed);
  const sizes = new Float64Array(n * coords);
  for (let k = 0; k < sizes.length; k++) sizes[k] = 0.1 + rng.next() * 0.23;
  return { coords, itemCount: n, sizes, binTypes };
}

/** A clock that makes every check due (each read is 1 s later) or none (it stands still). */
function clock(alwaysDue: boolean): () => number {
  let t = 0;
  return alwaysDue ? () => (t += 1000) : () => t;
}

/** A context on the clock that counts the progress reports. */
function ctxWith(now: () => number): { ctx: Ctx; reports: () => number } {
  let n = 0;
  return { ctx: testCtx(now, () => n++), reports: () => n };
}

/** Run a constructive step to its end; returns how many progress reports it made. */
function run(c: { ctx: Ctx; reports: () => number }, build: (ctx: Ctx) => boolean): { yields: number; done: boolean } {
  const done = build(c.ctx);
  return { yields: c.reports(), done };
}

describe('Control.timeUp', () => {
  it('reads the clock without counting a work unit and restarts the slice when it is due', () => {
    let t = 0;
    const ctl = new Control(() => t, 50, undefined);
    expect(ctl.timeUp()).toBe(false);
    t = 49;
    expect(ctl.timeUp()).toBe(false);
    t = 50;
    expect(ctl.timeUp()).toBe(true);
    expect(ctl.last).toBe(50);
    // The slice restarted at 50: the next one is due at 100.
    t = 99;
    expect(ctl.timeUp()).toBe(false);
    expect(ctl.due()).toBe(false);
    t = 100;
    expect(ctl.timeUp()).toBe(true);
    expect(ctl.work).toBe(1);
  });

  it('is due at once after a stop request', () => {
    let stop = false;
    const ctl = new Control(() => 0, 50, () => stop);
    expect(ctl.timeUp()).toBe(false);
    stop = true;
    expect(ctl.timeUp()).toBe(true);
    expect(ctl.stopped).toBe(true);
    expect(ctl.work).toBe(0);
  });
});

describe('constructive loops report progress on the clock between their counted checks', () => {
  // 400 items of 64 coordinates: each bin-centric placement scans about 400 x 64 coordinates, so the clock is
  // read every few placements while a counted check comes only every 8th.
  const inp = randomInput(400, 64, [bin(new Array(64).fill(1))], 7);
  const p = prepareProblem(inp);

  it('binCentric reports more often than it counts work when the clock is always due, and packs the same', () => {
    const packings: Int32Array[] = [];
    const yields: number[] = [];
    const works: number[] = [];
    for (const alwaysDue of [true, false]) {
      const st = new PackState(p);
      placeFixed(st);
      const c = ctxWith(clock(alwaysDue));
      const r = run(c, (ctx) => binCentric(st, ctx, 'dot'));
      expect(r.done).toBe(true);
      packings.push(st.binOf.slice());
      yields.push(r.yields);
      works.push(c.ctx.ctl.work);
    }
    expect(Array.from(packings[0])).toEqual(Array.from(packings[1]));
    // The same counted checks either way; with the clock always due, every one reports and so do clock reads.
    expect(works[0]).toBe(works[1]);
    expect(yields[1]).toBe(0);
    expect(yields[0]).toBeGreaterThan(works[0]);
    expect(packings[0].every((b) => b >= 0)).toBe(true);
  });

  it('itemCentric and coverFirst pack the same whatever the clock, with the same counted checks', () => {
    const mixed = prepareProblem(randomInput(400, 4, [bin([1, 1, 1, 1], 1), bin([2, 1, 2, 1], 1.6), bin([1, 2, 1, 2], 1.7)], 9));
    for (const build of [
      (st: PackState, ctx: Ctx) => itemCentric(st, ctx, orderItems(st, 'max'), true),
      (st: PackState, ctx: Ctx) => coverFirst(st, ctx, 0.02),
    ]) {
      const out: { binOf: number[]; work: number }[] = [];
      for (const alwaysDue of [true, false]) {
        const st = new PackState(mixed);
        placeFixed(st);
        const c = ctxWith(clock(alwaysDue));
        expect(run(c, (ctx) => build(st, ctx)).done).toBe(true);
        out.push({ binOf: Array.from(st.binOf), work: c.ctx.ctl.work });
      }
      expect(out[0]).toEqual(out[1]);
    }
  });
});

describe('an iteration budget gives the same packing whatever the clock', () => {
  it('mixed bin types and one bin type alike', () => {
    for (const types of [
      [bin([1, 1, 1], 1)],
      [bin([1, 1, 1], 1, 12), bin([2, 1, 1.5], 1.7), bin([1, 2, 1], 1.5)],
    ]) {
      const inp = randomInput(90, 3, types, 3);
      const sols = [true, false].map((alwaysDue) => pack(inp, { rng: createRng(5), now: clock(alwaysDue), budgetMs: 0, iterations: 3000 }));
      expect(Array.from(sols[0].binOf)).toEqual(Array.from(sols[1].binOf));
      expect(Array.from(sols[0].binType)).toEqual(Array.from(sols[1].binType));
      expect(sols[0].unplaced).toEqual([]);
    }
  });
});
