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
