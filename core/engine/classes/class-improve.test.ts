import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { improveClass } from './class-improve.ts';
import { packClass, type ClassSolution } from './class-pack.ts';
import { defaultPacker } from '../default-packer.ts';
import { licenceSignatures } from './class-bound.ts';
import type { PackClass } from './pack-input.ts';
import type { PackInput } from '../pack/types.ts';

const C = 2;
const CAP = 10;

type Item = { size: number[]; window: number; product: number };

function makeClass(items: Item[], pairs: [number, number][], pins: Map<number, number>, P: number): PackClass {
  const n = items.length;
  const sizes = new Float64Array(n * C);
  items.forEach((it, i) => it.size.forEach((v, k) => (sizes[i * C + k] = v)));
  const input: PackInput = {
    coords: C,
    itemCount: n,
    sizes,
    binTypes: [{ capacity: new Float64Array(C).fill(CAP), cost: 1, available: Infinity }],
    conflicts: Int32Array.from(pairs.flat()),
    itemProducts: items.map((it) => (it.product >= 0 ? [it.product] : [])),
    productCost: [[5, 0.5]],
    ...(P > 0 ? { fixed: pins, fixedBins: new Array<number>(P).fill(0) } : {}),
  };
  const windowOf = Int32Array.from(items.map((it) => it.window));
  return { input, windowOf, fixedLabels: Array.from({ length: P }, (_, b) => `pin${b}`) } as unknown as PackClass;
}

const spec = fc.record({
  items: fc.array(
    fc.record({ size: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: C, maxLength: C }), window: fc.constantFrom(-1, -1, 0, 1), product: fc.constantFrom(-1, -1, 0, 1) }),
    { minLength: 1, maxLength: 14 },
  ),
  pairs: fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 5 }),
  pins: fc.array(fc.tuple(fc.nat(13), fc.nat(1)), { maxLength: 2 }),
});

describe('improving a class packing where it stands', () => {
  it('keeps capacity, conflicts, windows, pools and pins, never costs more, and repeats with the same seed', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const n = s.items.length;
        const pairs = s.pairs.map(([a, b]) => [a % n, b % n] as [number, number]).filter(([a, b]) => a !== b);
        const pins = new Map(s.pins.map(([it, b]) => [it % n, b]));
        const P = pins.size > 0 ? 2 : 0;
        const c = makeClass(s.items, pairs, pins, P);
        const first = packClass(defaultPacker, c, { seed: 'x', now: () => 0, budgetMs: 0 });
        const run = (): ClassSolution => improveClass(defaultPacker, c, first, { seed: 'y', now: () => 0, budgetMs: 0, iterations: 500 });
        const sol = run();
        expect(run()).toEqual(sol);
        expect(sol.cost).toBeLessThanOrEqual(first.cost + 1e-9);
        expect(sol.unplaced).toEqual(first.unplaced);
        const sig = licenceSignatures(c.input);
        const bins = sol.binType.length;
        for (let b = 0; b < bins; b++) {
          const list: number[] = [];
          sol.binOf.forEach((x, it) => x === b && list.push(it));
          // Pinned hosts (forced by pins) are left as the first packing had them.
          if (b < P) {
            first.binOf.forEach((x, it) => x === b && expect(sol.binOf[it]).toBe(b));
            continue;
          }
          for (let k = 0; k < C; k++) expect(list.reduce((a, it) => a + s.items[it].size[k], 0)).toBeLessThanOrEqual(CAP + 1e-6);
          for (const [a, x] of pairs) expect(list.includes(a) && list.includes(x)).toBe(false);
          expect(new Set(list.map((it) => s.items[it].window).filter((w) => w >= 0)).size).toBeLessThanOrEqual(1);
          if (sol.binPool) {
            const pools = new Set(list.map((it) => sig[it]).filter((x) => x !== ''));
            expect(pools.size).toBeLessThanOrEqual(1);
            expect(sol.binPool[b]).toBe([...pools][0] ?? '');
          }
        }
        for (let it = 0; it < n; it++) if (!sol.unplaced.includes(it)) expect(sol.binOf[it]).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
