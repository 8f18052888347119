import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random.ts';
import { checkSolution } from './check.ts';
import { BIN_CENTRIC_MAX_WORK, BIN_CENTRIC_WORK_PER_MS, pack, variants } from './pack.ts';
import { prepareProblem } from './problem.ts';
import type { BinType, PackInput, PackOptions, PackSolution } from './types.ts';

/** A deterministic clock: every reading advances it by `step` ms. */
function fakeClock(step = 0.01): () => number {
  let t = 0;
  return () => (t += step);
}

function input(coords: number, items: number[][], binTypes: BinType[], extra: Partial<PackInput> = {}): PackInput {
  return { coords, itemCount: items.length, sizes: Float64Array.from(items.flat()), binTypes, ...extra };
}

const bin = (capacity: number[], cost = 1, available = Infinity): BinType => ({ capacity: Float64Array.from(capacity), cost, available });

function solve(inp: PackInput, extra: Partial<PackOptions> = {}): PackSolution {
  const sol = pack(inp, { rng: createRng(7), now: fakeClock(), budgetMs: 20, ...extra });
  expect(checkSolution(inp, sol)).toEqual([]);
  return sol;
}

describe('capacity in every coordinate', () => {
  it('keeps apart two items that overflow one dimension together', () => {
    const sol = solve(input(2, [[6, 1], [6, 1], [1, 6]], [bin([10, 10])]));
    expect(sol.binType.length).toBe(2);
    expect(sol.binOf[0]).not.toBe(sol.binOf[1]);
  });

  it('lets items peaking at different hours share a bin, but not items peaking at the same hour', () => {
    const a = [8, 2, 2, 2];
    const laterPeak = [2, 2, 8, 2];
    const samePeak = [8, 2, 2, 2];
    const shared = solve(input(4, [a, laterPeak], [bin([10, 10, 10, 10])]));
    expect(shared.binType.length).toBe(1);
    const apart = solve(input(4, [a, samePeak], [bin([10, 10, 10, 10])]));
    expect(apart.binType.length).toBe(2);
  });

  it('finds the optimum of a small one-dimensional case', () => {
    const sol = solve(input(1, [[6], [4], [6], [4], [5], [5], [3], [7]], [bin([10])]));
    expect(sol.binType.length).toBe(4);
    expect(sol.cost).toBe(4);
  });

  it('lists items that fit no bin type as unplaced', () => {
    const sol = solve(input(2, [[3, 3], [11, 1]], [bin([10, 10])]));
    expect(sol.unplaced).toEqual([1]);
    expect(sol.binOf[1]).toBe(-1);
    expect(sol.binOf[0]).toBe(0);
  });
});

describe('conflicts, pins and availability', () => {
  it('never puts conflicting items together', () => {
    const sol = solve(input(1, [[1], [1], [1], [1]], [bin([10])], { conflicts: Int32Array.from([0, 1, 2, 3, 0, 2]) }));
    expect(sol.binOf[0]).not.toBe(sol.binOf[1]);
    expect(sol.binOf[2]).not.toBe(sol.binOf[3]);
    expect(sol.binOf[0]).not.toBe(sol.binOf[2]);
    expect(sol.binType.length).toBe(2);
  });

  it('keeps pinned items in their fixed bins, keeps fixed bins, and fills them', () => {
    const inp = input(1, [[5], [3], [2], [4]], [bin([10], 5), bin([10], 1)], {
      fixed: new Map([[0, 1]]),
      fixedBins: [0, 0],
    });
    const sol = solve(inp);
    expect(sol.binOf[0]).toBe(1);
    expect(Array.from(sol.binType.slice(0, 2))).toEqual([0, 0]);
    // 14 units fit the two fixed bins: no new bin is opened.
    expect(sol.binType.length).toBe(2);
    expect(sol.cost).toBe(10);
  });

  it('leaves a pin that would break its bin unplaced rather than overflow', () => {
    const sol = solve(input(1, [[8], [7]], [bin([10])], { fixed: new Map([[0, 0], [1, 0]]), fixedBins: [0] }));
    expect(sol.binOf[0]).toBe(0);
    expect(sol.unplaced).toEqual([1]);
  });

  it('opens no more bins of a type than are available', () => {
    const inp = input(1, [[6], [6], [6], [6]], [bin([10], 1, 1), bin([10], 5)]);
    const sol = solve(inp);
    expect(Array.from(sol.binType).filter((t) => t === 0).length).toBe(1);
    expect(sol.cost).toBe(1 + 3 * 5);
    const none = solve(input(1, [[6], [6], [6]], [bin([10], 1, 2)]));
    expect(none.unplaced.length).toBe(1);
  });

  it('uses the cheaper bin type when it is enough', () => {
    const sol = solve(input(1, [[4], [3]], [bin([10], 10), bin([4], 3)]));
    expect(Array.from(sol.binType)).toEqual([1, 1]);
    expect(sol.cost).toBe(6);
    const one = solve(input(1, [[4], [4], [1]], [bin([10], 5), bin([4], 3)]));
    expect(one.cost).toBe(5);
  });
});

describe('licences', () => {
  it('co-locates items that use the same licensed product', () => {
    // Two items per bin either way; pairing the licensed items 0 and 2 pays the licence once.
    const inp = input(1, [[5], [5], [5], [5]], [bin([10], 10)], {
      itemProducts: [[0], [], [0], []],
      productCost: [[100]],
    });
    const sol = solve(inp);
    expect(sol.binOf[0]).toBe(sol.binOf[2]);
    expect(sol.cost).toBe(2 * 10 + 100);
  });

  it('prefers the bin type with the cheaper licence when bins cost the same', () => {
    const inp = input(1, [[5]], [bin([10], 10), bin([10], 10)], { itemProducts: [[0]], productCost: [[50], [20]] });
    const sol = solve(inp);
    expect(Array.from(sol.binType)).toEqual([1]);
    expect(sol.cost).toBe(30);
  });
});

describe('search control', () => {
  const big = (): PackInput => {
    const rng = createRng('big');
    const items = Array.from({ length: 300 }, () => [rng.int(5, 45), rng.int(5, 45), rng.int(5, 45)]);
    return input(3, items, [bin([100, 100, 100])]);
  };

  it('is deterministic for a given seed and clock', () => {
    const run = () => pack(big(), { rng: createRng(3), now: fakeClock(), budgetMs: 30 });
    expect(Array.from(run().binOf)).toEqual(Array.from(run().binOf));
  });

  it('stops on request with a valid best-so-far, within a progress report', () => {
    let stop = false;
    let improveReports = 0;
    let afterStop = 0;
    const sol = pack(big(), {
      rng: createRng(1),
      now: fakeClock(),
      budgetMs: 1e9,
      progressEveryMs: 5,
      shouldStop: () => stop,
      onProgress: (p) => {
        if (stop) afterStop++;
        if (p.phase === 'improve' && ++improveReports === 3) stop = true;
      },
    });
    expect(afterStop).toBeLessThanOrEqual(2);
    expect(checkSolution(big(), sol)).toEqual([]);
    expect(sol.unplaced).toEqual([]);
  });

  it('stops on request even during the first construction', () => {
    let calls = 0;
    const sol = pack(big(), { rng: createRng(1), now: fakeClock(), budgetMs: 1e9, shouldStop: () => ++calls > 3 });
    expect(checkSolution(big(), sol)).toEqual([]);
    expect(sol.unplaced).toEqual([]);
  });

  it('reports progress at least every progressEveryMs and each better solution', () => {
    const clock = fakeClock();
    const stamps: number[] = [];
    const costs: number[] = [];
    let last = 0;
    let maxGap = 0;
    const sol = pack(big(), {
      rng: createRng(2),
      now: clock,
      budgetMs: 200,
      progressEveryMs: 10,
      onImprove: (s) => costs.push(s.cost),
      onProgress: (p) => {
        const t = clock();
        maxGap = Math.max(maxGap, t - last);
        last = t;
        stamps.push(t);
        expect(p.fraction).toBeGreaterThanOrEqual(0);
        expect(p.fraction).toBeLessThanOrEqual(1);
      },
    });
    expect(stamps.length).toBeGreaterThan(10);
    expect(maxGap).toBeLessThan(11);
    for (let k = 1; k < costs.length; k++) expect(costs[k]).toBeLessThanOrEqual(costs[k - 1]);
    expect(costs.at(-1)).toBe(sol.cost);
  });

  it('with no budget returns the constructive solution', () => {
    const sol = pack(big(), { rng: createRng(1), now: fakeClock(), budgetMs: 0 });
    expect(checkSolution(big(), sol)).toEqual([]);
  });

  it('handles an empty input', () => {
    const sol = solve(input(2, [], [bin([1, 1])]));
    expect(sol.binType.length).toBe(0);
    expect(sol.cost).toBe(0);
  });
});

describe('constructive rules tried by the search', () => {
  const problem = (n: number, C: number) => prepareProblem(input(C, Array.from({ length: n }, (_, i) => Array.from({ length: C }, (_x, c) => 1 + ((i * 7 + c) % 5))), [bin(new Array<number>(C).fill(40))]));
  const kinds = (v: ReturnType<typeof variants>) => v.map((x) => x.kind);

  it('keeps the O(n^2 x C) bin-centric rules for short vectors and for budgets that afford them', () => {
    expect(kinds(variants(problem(200, 2), 100, 0))).toContain('bin');
    const big = problem(400, 841); // a stage of time-series items: 1.35e8 scan steps
    expect(400 * 400 * 841).toBeLessThanOrEqual(BIN_CENTRIC_MAX_WORK);
    expect(kinds(variants(big, (400 * 400 * 841) / BIN_CENTRIC_WORK_PER_MS + 1, 0))).toContain('bin');
  });

  it('drops them when they would eat the time budget, never under an iteration budget (reproducible runs)', () => {
    const big = problem(400, 841);
    const v = kinds(variants(big, 360, 0));
    expect(v).not.toContain('bin');
    expect(v).toContain('item');
    expect(kinds(variants(big, 0, 50_000))).toContain('bin');
    // beyond the absolute cap no budget keeps them
    expect(kinds(variants(problem(600, 841), 1e9, 50_000))).not.toContain('bin');
  });
});

