import { describe, expect, it } from 'vitest';
import { createRng } from '../../util/random.ts';
import { absorb, bestBinFor, nextEffort, workspace } from './improve.ts';
import { prepareProblem } from './problem.ts';
import { testCtx } from './test-ctx.ts';
import { sigCovers } from './room-sig.ts';
import { PackState } from './state.ts';
import type { BinType, PackInput } from './types.ts';

const bin = (capacity: number[], cost = 1, available = Infinity): BinType => ({ capacity: Float64Array.from(capacity), cost, available });

function input(coords: number, items: number[][], binTypes: BinType[]): PackInput {
  return { coords, itemCount: items.length, sizes: Float64Array.from(items.flat()), binTypes };
}

/** A random packing of n items of 3 coordinates into bins of three types (each item into a random bin it fits). */
function randomState(seed: number, n = 120): PackState {
  const rng = createRng(seed);
  const items: number[][] = [];
  for (let i = 0; i < n; i++) items.push([0.05 + rng.next() * 0.4, 0.05 + rng.next() * 0.4, 0.05 + rng.next() * 0.4]);
  const st = new PackState(prepareProblem(input(3, items, [bin([1, 1, 1], 1), bin([2, 1, 1], 1.5), bin([1, 1.5, 2], 1.8)])));
  for (let k = 0; k < 40; k++) st.openBin(k % 3);
  for (let i = 0; i < n; i++) {
    const b = rng.int(0, st.nb - 1);
    if (st.fits(i, b)) st.add(i, b);
  }
  return st;
}

/** Capacity test straight from the loads (no summaries, no signatures). */
function plainFits(st: PackState, i: number, b: number): boolean {
  const { C, sizes, caps } = st.p;
  const cap = caps[st.type[b]];
  for (let c = 0; c < C; c++) if (st.loads[b][c] + sizes[i * C + c] > cap[c]) return false;
  return true;
}

describe('room signatures', () => {
  it('compare fields one by one (hand-checked)', () => {
    // Two 7-bit fields: guard bits 6 and 13.
    const guard = (1 << 6) | (1 << 13);
    const sig = (a: number, b: number): number => a | (b << 7);
    expect(sigCovers(sig(5, 9), sig(5, 9), guard)).toBe(true);
    expect(sigCovers(sig(5, 9), sig(4, 0), guard)).toBe(true);
    expect(sigCovers(sig(5, 9), sig(6, 0), guard)).toBe(false);
    expect(sigCovers(sig(5, 9), sig(0, 10), guard)).toBe(false);
    expect(sigCovers(sig(63, 0), sig(0, 1), guard)).toBe(false);
    expect(sigCovers(sig(0, 63), sig(0, 63), guard)).toBe(true);
  });

  it('exist only for mixed bin types with few coordinates', () => {
    expect(new PackState(prepareProblem(input(3, [[1, 1, 1]], [bin([2, 2, 2])]))).roomSig).toBeNull();
    expect(new PackState(prepareProblem(input(3, [[1, 1, 1]], [bin([2, 2, 2]), bin([3, 2, 2], 2)]))).roomSig).not.toBeNull();
    const wide = new Array(5).fill(2);
    expect(new PackState(prepareProblem(input(5, [[1, 1, 1, 1, 1]], [bin(wide), bin(wide, 2)]))).roomSig).toBeNull();
  });

  it('never reject an item that fits, as loads change', () => {
    let covered = 0;
    let fitting = 0;
    let rejected = 0;
    let agree = 0;
    let pairs = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const st = randomState(seed);
      const rng = createRng(seed + 100);
      for (let step = 0; step < 200; step++) {
        // Move a random item out and, when it fits, into a random bin; retype that bin now and then.
        const i = rng.int(0, st.p.n - 1);
        if (st.binOf[i] >= 0) st.remove(i);
        const b = rng.int(0, st.nb - 1);
        if (st.fits(i, b)) st.add(i, b);
        if (step % 7 === 0) {
          const t = rng.int(0, st.p.T - 1);
          if (st.loads[b].every((v, c) => v <= st.p.caps[t][c])) st.retype(b, t);
        }
        if (step % 20 !== 0) continue;
        for (let j = 0; j < st.p.n; j++) {
          for (let c = 0; c < st.nb; c++) {
            const fits = plainFits(st, j, c);
            if (fits) covered += sigCovers(st.roomSig![c], st.sizeSig![j], st.sigGuard) ? 1 : 0;
            else rejected += sigCovers(st.roomSig![c], st.sizeSig![j], st.sigGuard) ? 0 : 1;
            fitting += fits ? 1 : 0;
            agree += st.fitsCap(j, c) === fits ? 1 : 0;
            pairs++;
          }
        }
      }
    }
    expect(covered).toBe(fitting);
    expect(agree).toBe(pairs);
    // And the test does its job: most pairs that do not fit are rejected by the signature alone.
    expect(rejected).toBeGreaterThan((pairs - fitting) / 2);
  });

  it('never reject an item that exactly fills the room, at every level boundary', () => {
    // Two types (so signatures exist), capacity 1 = ref: a load of (63 - j) / 63 and an item of j / 63 put
    // the item's level on a boundary, and the room comes from a float subtraction.
    const items: number[][] = [];
    for (let j = 0; j <= 63; j++) items.push([j / 63, (63 - j) / 63, 0.5]);
    const st = new PackState(prepareProblem(input(3, items, [bin([1, 1, 1], 1), bin([1, 1, 1], 2)])));
    let checked = 0;
    for (let j = 1; j < 63; j++) {
      const b = st.openBin(0);
      st.add(63 - j, b); // load ((63 - j) / 63, j / 63, 0.5)
      for (const i of [j, 63 - j]) {
        if (!plainFits(st, i, b)) continue;
        expect(sigCovers(st.roomSig![b], st.sizeSig![i], st.sigGuard)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('leave bestBinFor choosing the fullest bin that fits', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const st = randomState(seed);
      for (let i = 0; i < st.p.n; i++) {
        let want = -1;
        for (let b = 0; b < st.nb; b++) if (plainFits(st, i, b) && (want < 0 || st.fill(b) > st.fill(want))) want = b;
        expect(bestBinFor(st, i)).toBe(want);
      }
    }
  });
});

describe('absorb with the quick exchange test', () => {
  it('swaps a small item out for the pool item, which then fits elsewhere (hand-checked)', () => {
    // Capacity 1. Bin A holds items 0 (0.5) and 1 (0.3), bin B item 3 (0.6); the pool holds item 2 (0.45),
    // which fits neither bin as it is. Best exchange: 2 into A for 1 (gain 0.15; 2 into B for 3 loses 0.15),
    // then 1 goes straight into B.
    const st = new PackState(prepareProblem(input(1, [[0.5], [0.3], [0.45], [0.6]], [bin([1])])));
    const a = st.openBin(0);
    const b = st.openBin(0);
    st.add(0, a);
    st.add(1, a);
    st.add(3, b);
    let t = 0;
    const ctx = testCtx(() => t++);
    const pool = [2];
    expect(absorb(st, ctx, workspace(st), pool, 5)).toBe(true);
    expect(pool).toEqual([]);
    expect(Array.from(st.binOf)).toEqual([a, b, a, b]);
  });
});

describe('nextEffort', () => {
  it('doubles the stall limit after 3 failed steps in a row and goes back to 1 on a gain', () => {
    const s = { effort: 1, fails: 0 };
    const seen: number[] = [];
    for (const better of [false, false, false, false, false, false, false, true, false, false, false]) {
      nextEffort(s, better);
      seen.push(s.effort);
    }
    expect(seen).toEqual([1, 1, 2, 2, 2, 4, 4, 1, 1, 1, 2]);
  });
});
