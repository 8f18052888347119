import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random.ts';
import { checkSolution } from './check.ts';
import { pack } from './pack.ts';
import type { PackInput } from './types.ts';

/** A deterministic clock: every reading advances it by `step` ms. */
function fakeClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

/** Random small packing problems with every feature: several bin types, limits, conflicts, licences, pins. */
const problem = fc
  .record({
    coords: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 0, max: 14 }),
    types: fc.integer({ min: 1, max: 3 }),
    seed: fc.integer(),
  })
  .chain(({ coords, n, types, seed }) =>
    fc.record({
      coords: fc.constant(coords),
      seed: fc.constant(seed),
      sizes: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n * coords, maxLength: n * coords }),
      caps: fc.array(fc.array(fc.integer({ min: 4, max: 20 }), { minLength: coords, maxLength: coords }), { minLength: types, maxLength: types }),
      costs: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: types, maxLength: types }),
      avail: fc.array(fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 4 })), { minLength: types, maxLength: types }),
      conflicts: n < 2 ? fc.constant<[number, number][]>([]) : fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n }),
      products: fc.array(fc.subarray([0, 1, 2]), { minLength: n, maxLength: n }),
      productCost: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 }), { minLength: types, maxLength: types }),
      pins: n < 1 ? fc.constant<[number, number][]>([]) : fc.array(fc.tuple(fc.nat(n - 1), fc.nat(1)), { maxLength: 3 }),
      fixedTypes: fc.array(fc.nat(types - 1), { minLength: 2, maxLength: 2 }),
      usePins: fc.boolean(),
    }),
  )
  .map((r): PackInput => {
    const n = r.sizes.length / r.coords;
    return {
      coords: r.coords,
      itemCount: n,
      sizes: Float64Array.from(r.sizes),
      binTypes: r.caps.map((cap, t) => ({ capacity: Float64Array.from(cap), cost: r.costs[t], available: r.avail[t] })),
      conflicts: Int32Array.from(r.conflicts.flat()),
      itemProducts: r.products,
      productCost: r.productCost,
      ...(r.usePins ? { fixed: new Map(r.pins), fixedBins: r.fixedTypes } : {}),
    };
  });

describe('packing invariants (property)', () => {
  it('never breaks a capacity, a conflict, a pin or a limit, and places or lists every item', () => {
    fc.assert(
      fc.property(problem, fc.integer(), (inp, seed) => {
        const sol = pack(inp, { rng: createRng(seed), now: fakeClock(0.05), budgetMs: 5 });
        expect(checkSolution(inp, sol)).toEqual([]);
        const pinned = new Set(inp.fixed?.keys() ?? []);
        for (let i = 0; i < inp.itemCount; i++) {
          // An unpinned item that fits alone in a type with unlimited bins can always be placed.
          const placeable = inp.binTypes.some(
            (b) => b.available === Infinity && Array.from(b.capacity).every((cap, c) => inp.sizes[i * inp.coords + c] <= cap),
          );
          if (placeable && !pinned.has(i)) expect(sol.binOf[i]).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
