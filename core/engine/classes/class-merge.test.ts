import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyHosts, type MergeBins, type MergeInput } from './class-merge.ts';
import type { PackInput } from '../pack/types.ts';

const C = 2;
const CAP = 10;

type Item = { size: number[]; window: number; product: number };

/** One item per host to start with (trivially feasible); pooled when `pooled`. */
function setup(items: Item[], pairs: [number, number][], pooled: boolean) {
  const n = items.length;
  const sizes = new Float64Array(n * C);
  items.forEach((it, i) => it.size.forEach((v, k) => (sizes[i * C + k] = v)));
  const conflicts = pairs.flat();
  const input: PackInput = {
    coords: C,
    itemCount: n,
    sizes,
    binTypes: [{ capacity: new Float64Array(C).fill(CAP), cost: 1, available: Infinity }],
    conflicts: Int32Array.from(conflicts),
    itemProducts: items.map((it) => (it.product >= 0 ? [it.product] : [])),
    productCost: [[5, 0]],
  };
  const start = new Int32Array(n + 1);
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of pairs) {
    lists[a].push(b);
    lists[b].push(a);
  }
  lists.forEach((l, i) => (start[i + 1] = start[i] + l.length));
  const sig = items.map((it) => (it.product === 0 ? '0' : ''));
  const bins: MergeBins = {
    binOf: Int32Array.from(items.map((_x, i) => i)),
    count: n,
    window: items.map((it) => it.window),
    load: items.map((it) => Float64Array.from(it.size)),
    prods: items.map((it) => new Set(it.product >= 0 ? [it.product] : [])),
    items: items.map((_x, i) => [i]),
  };
  const m: MergeInput = {
    input,
    windowOf: Int32Array.from(items.map((it) => it.window)),
    adj: { start, list: Int32Array.from(lists.flat()) },
    pinned: 0,
    isPinned: () => false,
    pool: pooled ? sig : null,
    sig,
    tries: 1000,
  };
  return { bins, m, sig };
}

const spec = fc.record({
  items: fc.array(
    fc.record({ size: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: C, maxLength: C }), window: fc.constantFrom(-1, -1, 0, 1), product: fc.constantFrom(-1, -1, 0, 1) }),
    { minLength: 1, maxLength: 10 },
  ),
  pairs: fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 4 }),
  pooled: fc.boolean(),
});

describe('empty-a-host moves', () => {
  it('keep every host within capacity, conflicts, one window and one licence pool, and add no licence', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const n = s.items.length;
        const pairs = s.pairs.map(([a, b]) => [a % n, b % n] as [number, number]).filter(([a, b]) => a !== b);
        const { bins, m, sig } = setup(s.items, pairs, s.pooled);
        const licencesBefore = bins.prods.reduce((a, p) => a + (p.has(0) ? 1 : 0), 0);
        const emptied = emptyHosts(bins, m);
        const used = bins.items.filter((l) => l.length > 0);
        expect(used.length).toBe(n - emptied);
        for (let b = 0; b < bins.count; b++) {
          const list = bins.items[b];
          for (const it of list) expect(bins.binOf[it]).toBe(b);
          for (let k = 0; k < C; k++) expect(list.reduce((a, it) => a + s.items[it].size[k], 0)).toBeLessThanOrEqual(CAP + 1e-6);
          for (const [a, c] of pairs) expect(list.includes(a) && list.includes(c)).toBe(false);
          expect(new Set(list.map((it) => s.items[it].window).filter((w) => w >= 0)).size).toBeLessThanOrEqual(1);
          if (s.pooled) expect(new Set(list.map((it) => sig[it]).filter((x) => x !== '')).size).toBeLessThanOrEqual(1);
        }
        const licencesAfter = bins.items.filter((l) => l.some((it) => s.items[it].product === 0)).length;
        expect(licencesAfter).toBeLessThanOrEqual(licencesBefore);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('empties a host whose items fit elsewhere', () => {
    const items: Item[] = [
      { size: [6, 6], window: 0, product: -1 },
      { size: [2, 2], window: -1, product: -1 },
      { size: [2, 2], window: 0, product: -1 },
    ];
    const { bins, m } = setup(items, [], false);
    expect(emptyHosts(bins, m)).toBe(2);
    expect(bins.binOf[1]).toBe(0);
    expect(bins.binOf[2]).toBe(0);
  });
});
