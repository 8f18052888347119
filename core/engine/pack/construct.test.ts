import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random.ts';
import type { Ctx } from './control.ts';
import { itemCentric, orderItems, placeFixed } from './construct.ts';
import { coverFirst, pickCover } from './cover.ts';
import { prepareProblem } from './problem.ts';
import { restore, snapshot } from './snapshot.ts';
import { PackState } from './state.ts';
import { testCtx } from './test-ctx.ts';
import type { BinType, PackInput } from './types.ts';

const bin = (capacity: number[], cost = 1, available = Infinity): BinType => ({ capacity: Float64Array.from(capacity), cost, available });

function input(coords: number, items: number[][], binTypes: BinType[], extra: Partial<PackInput> = {}): PackInput {
  return { coords, itemCount: items.length, sizes: Float64Array.from(items.flat()), binTypes, ...extra };
}

function ctxFor(): Ctx {
  let t = 0;
  return testCtx(() => (t += 0.01));
}

function stateOf(inp: PackInput): PackState {
  const st = new PackState(prepareProblem(inp));
  placeFixed(st);
  return st;
}

/** Best fit decreasing the plain way: every bin, fullest fitting one with the least licence, else a new bin. */
function naiveBestFit(inp: PackInput, order: Int32Array): Int32Array {
  const st = stateOf(inp);
  for (const i of order) {
    if (st.binOf[i] >= 0 || st.p.fixedOf[i] >= 0) continue;
    let chosen = -1;
    let bestLic = Infinity;
    let bestFill = -Infinity;
    for (let b = 0; b < st.nb; b++) {
      if (!st.fits(i, b)) continue;
      const lic = st.licenceDelta(i, b);
      const fill = st.fill(b);
      if (lic < bestLic || (lic === bestLic && fill > bestFill)) {
        bestLic = lic;
        bestFill = fill;
        chosen = b;
      }
    }
    if (chosen >= 0) st.add(i, chosen);
    else st.add(i, st.openBin(0));
  }
  return st.binOf;
}

describe('itemCentric drops full bins from its scan without changing its choices', () => {
  it('packs a hand-checked case by best fit decreasing', () => {
    // 7 and 6 open two bins; 3 goes to the fuller (7 -> 10, which is then full and dropped); 4 to the 6.
    const inp = input(1, [[7], [6], [3], [4]], [bin([10])]);
    const st = stateOf(inp);
    itemCentric(st, ctxFor(), orderItems(st, 'sum'), true);
    expect(Array.from(st.binOf)).toEqual([0, 1, 0, 1]);
    expect(st.nb).toBe(2);
  });

  it('matches a plain best fit on random multi-coordinate inputs, with licences too', () => {
    for (let seed = 0; seed < 30; seed++) {
      const rng = createRng(`bf${seed}`);
      const C = rng.int(1, 4);
      const n = rng.int(5, 60);
      const items = Array.from({ length: n }, () => Array.from({ length: C }, () => rng.int(1, 9)));
      const withLic = seed % 3 === 0;
      const inp = input(C, items, [bin(Array.from({ length: C }, () => 20))], withLic
        ? { itemProducts: items.map(() => (rng.chance(0.3) ? [0] : [])), productCost: [[5]] }
        : {});
      const st = stateOf(inp);
      const order = orderItems(st, seed % 2 === 0 ? 'sum' : 'max');
      itemCentric(st, ctxFor(), order, true);
      expect(Array.from(st.binOf)).toEqual(Array.from(naiveBestFit(inp, order)));
    }
  });
});

describe('coverFirst', () => {
  it('picks the cover with the most useful capacity per cost, within availability', () => {
    // Demand 8 x 8. Type 1 (4 x 4 for 3) covers more per unit of cost than type 0 (10 x 10 for 10).
    const st = stateOf(input(2, [[2, 2], [2, 2], [2, 2], [2, 2]], [bin([10, 10], 10), bin([4, 4], 3)]));
    expect(pickCover(st, Float64Array.from([8, 8]), Float64Array.from([8, 8]), () => true, 10)).toEqual([1, 1]);
    // Only one of type 1 may be opened: the rest of the demand goes to type 0.
    const limited = stateOf(input(2, [[2, 2], [2, 2], [2, 2], [2, 2]], [bin([10, 10], 10), bin([4, 4], 3, 1)]));
    expect(pickCover(limited, Float64Array.from([8, 8]), Float64Array.from([8, 8]), () => true, 10)).toEqual([1, 0]);
  });

  it('fills the cover and gives left-over items a cover of their own from types that hold them', () => {
    // The cover is four small bins (type 1); the 6 x 6 item fits none, so a second round opens a big one.
    const inp = input(2, [[6, 6], [2, 2], [2, 2], [2, 2], [2, 2]], [bin([10, 10], 10), bin([4, 4], 3)]);
    const st = stateOf(inp);
    expect(coverFirst(st, ctxFor(), 0)).toBe(true);
    expect(st.type[st.binOf[0]]).toBe(0);
    for (let i = 0; i < 5; i++) expect(st.binOf[i]).toBeGreaterThanOrEqual(0);
    for (let b = 0; b < st.nb; b++) expect(st.members[b].length).toBeGreaterThan(0);
    // Two small bins of two items each plus the big one.
    expect(st.totalCost()).toBe(16);
  });

  it('keeps pinned items and tops up their fixed bins first', () => {
    const inp = input(1, [[5], [3], [2]], [bin([10], 5), bin([10], 1)], { fixed: new Map([[0, 0]]), fixedBins: [0] });
    const st = stateOf(inp);
    coverFirst(st, ctxFor(), 0);
    expect(Array.from(st.binOf)).toEqual([0, 0, 0]);
    expect(st.nb).toBe(1);
  });
});

describe('PackState.restore', () => {
  it('with one bin type rebuilds the snapshot, members in index order', () => {
    const st = stateOf(input(1, [[3], [2], [4], [1]], [bin([10])]));
    const a = st.openBin(0);
    const b = st.openBin(0);
    st.add(2, a);
    st.add(0, a);
    st.add(1, b);
    st.add(3, b);
    const snap = snapshot(st);
    st.remove(0);
    st.add(0, b);
    st.remove(2);
    st.closeBin(st.binOf[1] === b ? a : b);
    restore(st, snap);
    expect(Array.from(st.binOf)).toEqual([0, 1, 0, 1]);
    expect(st.members.slice(0, st.nb)).toEqual([[0, 2], [1, 3]]);
    expect(Array.from(st.loads[0])).toEqual([7]);
    expect(Array.from(st.loads[1])).toEqual([3]);
  });

  it('with mixed types goes back to a snapshot after items moved, bins closed, opened and retyped', () => {
    const inp = input(2, [[3, 1], [2, 2], [4, 4], [1, 3], [5, 1]], [bin([10, 10], 4), bin([6, 6], 2)], {
      fixed: new Map([[0, 0]]),
      fixedBins: [1],
    });
    const st = stateOf(inp);
    const b1 = st.openBin(0);
    const b2 = st.openBin(1);
    st.add(1, b1);
    st.add(2, b1);
    st.add(3, b2);
    st.add(4, b1);
    const snap = snapshot(st);
    const before = { binOf: Array.from(st.binOf), types: Array.from(st.type.slice(0, st.nb)), loads: st.loads.slice(0, st.nb).map((l) => Array.from(l)), used: Array.from(st.used), cost: st.totalCost() };
    // Empty bin 1 (bin 2 moves into its slot), retype, open a new bin, move items around.
    for (const i of [...st.members[b1]]) st.remove(i);
    st.closeBin(b1);
    st.retype(1, 0);
    const b3 = st.openBin(1);
    st.add(1, b3);
    st.add(2, 1);
    st.add(4, 0);
    restore(st, snap);
    expect(Array.from(st.binOf)).toEqual(before.binOf);
    expect(Array.from(st.type.slice(0, st.nb))).toEqual(before.types);
    expect(st.loads.slice(0, st.nb).map((l) => Array.from(l))).toEqual(before.loads);
    expect(Array.from(st.used)).toEqual(before.used);
    expect(st.totalCost()).toBe(before.cost);
    for (let b = 0; b < st.nb; b++) for (const i of st.members[b]) expect(st.binOf[i]).toBe(b);
  });
});
