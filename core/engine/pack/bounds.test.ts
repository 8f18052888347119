import { describe, expect, it } from 'vitest';
import { binLowerBound, l2Bound, lowerBound } from './bounds.ts';
import type { BinType, PackInput } from './types.ts';

const bin = (capacity: number[], cost = 1, available = Infinity): BinType => ({ capacity: Float64Array.from(capacity), cost, available });
const input = (coords: number, items: number[][], binTypes: BinType[], extra: Partial<PackInput> = {}): PackInput => ({
  coords, itemCount: items.length, sizes: Float64Array.from(items.flat()), binTypes, ...extra,
});

describe('bin lower bound', () => {
  it('is the peak of sums over coordinates', () => {
    // Coordinate 1 sums to 25 over capacity 10: at least 3 bins.
    expect(binLowerBound(input(2, [[1, 9], [1, 8], [1, 8]], [bin([10, 10])]))).toBe(3);
  });

  it('counts items that pairwise cannot share a bin (clique), beyond the volume', () => {
    // Volume: 1.8 bins; but any two items overflow dimension 0.
    expect(binLowerBound(input(2, [[6, 0], [6, 0], [6, 0]], [bin([10, 10])]))).toBe(3);
    // Big in different dimensions: they can pair up.
    expect(binLowerBound(input(2, [[6, 0], [0, 6]], [bin([10, 10])]))).toBe(1);
  });

  it('with items fixed to bins: never below the fixed bins, the clique over the free items, never above the optimum', () => {
    // Two bins hold an item of 9 each (fixed); three free items of 6 fit neither those bins nor each other:
    // the optimum is 5 bins. The free clique gives 3, the volume 4, Martello-Toth L2 all 5.
    const fixed = { fixed: new Map([[0, 0], [1, 1]]), fixedBins: [0, 0] };
    expect(binLowerBound(input(1, [[9], [9], [6], [6], [6]], [bin([10])], fixed))).toBe(5);
    // one item of 6 may join the fixed [0, 9]: the optimum is 4, and L2 on the first coordinate finds it
    expect(binLowerBound(input(2, [[9, 0], [0, 9], [6, 0], [6, 0], [6, 0]], [bin([10, 10])], fixed))).toBe(4);
    // fixed bins alone: the bound is their count even when the volume is smaller
    expect(binLowerBound(input(1, [[1], [1], [1]], [bin([10])], { fixed: new Map([[0, 0], [1, 1], [2, 2]]), fixedBins: [0, 0, 0] }))).toBe(3);
    // items of 0.6 and 0.45 of a bin: shares add up to 1.05, so the coordinate scan decides (they overflow)
    expect(binLowerBound(input(2, [[6, 0], [4.5, 0], [6, 0]], [bin([10, 10])]))).toBe(3);
    expect(binLowerBound(input(2, [[6, 0], [0, 4.5], [6, 0]], [bin([10, 10])]))).toBe(2);
  });

  it('counts conflicts as incompatibility', () => {
    expect(binLowerBound(input(1, [[1], [1], [1]], [bin([10])], { conflicts: Int32Array.from([0, 1, 1, 2, 0, 2]) }))).toBe(3);
  });

  it('ignores items that fit no bin type', () => {
    expect(binLowerBound(input(1, [[3], [30]], [bin([10])]))).toBe(1);
  });

  it('L2 beats the volume bound on a classic case', () => {
    // 6, 6, 6, 5 into 10: volume gives 3, but each 6 needs its own bin and the 5 joins none of them.
    expect(l2Bound(Float64Array.from([6, 6, 6, 5]), 10)).toBe(4);
    expect(l2Bound(Float64Array.from([6, 4, 6, 4, 6, 4]), 10)).toBe(3);
  });
});

describe('cost lower bound', () => {
  it('is the bins times their cost plus the cheapest licence of each used product', () => {
    const inp = input(1, [[6], [6]], [bin([10], 4)], { itemProducts: [[0], [0]], productCost: [[9]] });
    expect(lowerBound(inp)).toBe(2 * 4 + 9);
  });

  it('covers the demand with the cheapest capacity when bin types differ', () => {
    // Demand 30; type 0 gives 10 for 5 (0.5/unit), type 1 gives 20 for 16 (0.8/unit): cover >= 15.
    const inp = input(1, [[10], [10], [10]], [bin([10], 5), bin([20], 16)]);
    expect(lowerBound(inp)).toBeGreaterThanOrEqual(15);
    expect(lowerBound(inp)).toBeLessThanOrEqual(15);
  });
});
