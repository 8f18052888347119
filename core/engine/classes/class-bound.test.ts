import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classBounds, licenceSignatures, productBounds, type BoundInput } from './class-bound.ts';
import type { PackInput } from '../pack/types.ts';

const C = 3;
const CAP = 10;

const itemSpec = fc.record({
  sizes: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: C, maxLength: C }),
  window: fc.constantFrom(-1, -1, 0, 1),
  product: fc.constantFrom(-1, -1, 0, 1),
  anti: fc.constantFrom(-1, -1, 0, 1),
});
const caseSpec = fc.record({
  items: fc.array(itemSpec, { minLength: 1, maxLength: 7 }),
  extraConflicts: fc.array(fc.tuple(fc.nat(6), fc.nat(6)), { maxLength: 2 }),
});

type Case = { b: BoundInput; conflict: (i: number, j: number) => boolean };

type ItemSpec = { sizes: number[]; window: number; product: number; anti: number };

function build(spec: { items: ItemSpec[]; extraConflicts: [number, number][] }): Case {
  const n = spec.items.length;
  const sizes = new Float64Array(n * C);
  spec.items.forEach((it, i) => it.sizes.forEach((v, k) => (sizes[i * C + k] = v)));
  const antiSets = [0, 1].map((g) => spec.items.flatMap((it, i) => (it.anti === g ? [i] : []))).filter((s) => s.length > 0);
  const pairs: number[] = [];
  for (const s of antiSets) for (let a = 0; a < s.length; a++) for (let b = a + 1; b < s.length; b++) pairs.push(s[a], s[b]);
  for (const [a0, b0] of spec.extraConflicts) if (a0 % n !== b0 % n) pairs.push(a0 % n, b0 % n);
  const input: PackInput = {
    coords: C,
    itemCount: n,
    sizes,
    binTypes: [{ capacity: new Float64Array(C).fill(CAP), cost: 1, available: Infinity }],
    conflicts: Int32Array.from(pairs),
    itemProducts: spec.items.map((it) => (it.product >= 0 ? [it.product] : [])),
    productCost: [[5, 0]],
  };
  const b: BoundInput = {
    input,
    placeable: new Uint8Array(n).fill(1),
    windowOf: Int32Array.from(spec.items.map((it) => it.window)),
    signature: licenceSignatures(input),
    antiSets,
    pinned: 0,
  };
  const set = new Set<string>();
  for (let k = 0; k < pairs.length; k += 2) set.add(`${pairs[k]},${pairs[k + 1]}`).add(`${pairs[k + 1]},${pairs[k]}`);
  return { b, conflict: (i, j) => set.has(`${i},${j}`) };
}

/** Fewest bins over all set partitions whose blocks are feasible (capacity, conflicts, `share`). */
function optimum(c: Case, share: (block: number[]) => boolean, only?: readonly number[]): number {
  const list = only ?? Array.from({ length: c.b.input.itemCount }, (_x, i) => i);
  const n = list.length;
  const { sizes } = c.b.input;
  const ok = (block: number[]) => {
    for (let k = 0; k < C; k++) if (block.reduce((a, i) => a + sizes[i * C + k], 0) > CAP) return false;
    for (const i of block) for (const j of block) if (i < j && c.conflict(i, j)) return false;
    return share(block);
  };
  let best = Infinity;
  const blocks: number[][] = [];
  const go = (i: number) => {
    if (blocks.length >= best) return;
    if (i === n) {
      best = blocks.length;
      return;
    }
    for (const bl of blocks) {
      bl.push(list[i]);
      if (ok(bl)) go(i + 1);
      bl.pop();
    }
    blocks.push([list[i]]);
    if (ok([list[i]])) go(i + 1);
    blocks.pop();
  };
  go(0);
  return best;
}

const oneWindow = (c: Case) => (block: number[]) => new Set(block.map((i) => c.b.windowOf[i]).filter((w) => w >= 0)).size <= 1;
const onePool = (c: Case) => (block: number[]) => new Set(block.map((i) => c.b.signature[i]).filter((s) => s !== '')).size <= 1;

describe('class bounds (brute force on tiny classes)', () => {
  it('the mixed bound never exceeds the optimum with windows apart; the pooled one the optimum with pools apart too', () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const c = build(spec);
        const bounds = classBounds(c.b);
        const optMixed = optimum(c, oneWindow(c));
        const optPooled = optimum(c, (bl) => oneWindow(c)(bl) && onePool(c)(bl));
        expect(bounds.mixed).toBeLessThanOrEqual(optMixed);
        expect(bounds.pooled).toBeLessThanOrEqual(optPooled);
        expect(bounds.mixed).toBeLessThanOrEqual(bounds.pooled);
        // Per product: the hosts carrying it hold a packing of its items, so at least their optimum.
        const uses = productBounds(c.b, 2);
        for (let p = 0; p < 2; p++) {
          const users = spec.items.flatMap((it, i) => (it.product === p ? [i] : []));
          expect(uses[p]).toBeLessThanOrEqual(users.length === 0 ? 0 : optimum(c, oneWindow(c), users));
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('is tight on simple cases: windows apart, a clique, pools apart', () => {
    const spec = {
      items: [
        { sizes: [2, 2, 1], window: 0, product: -1, anti: -1 },
        { sizes: [2, 2, 1], window: 1, product: -1, anti: -1 },
        { sizes: [1, 1, 1], window: -1, product: 0, anti: 0 },
        { sizes: [1, 1, 1], window: -1, product: 1, anti: 0 },
      ],
      extraConflicts: [],
    };
    const c = build(spec);
    const b = classBounds(c.b);
    expect(b.mixed).toBe(2);
    expect(optimum(c, oneWindow(c))).toBe(2);
    expect(b.pooled).toBe(2);
  });

  it('a pinned class gets the bound over all items only (pins may mix windows)', () => {
    const spec = {
      items: [
        { sizes: [1, 1, 1], window: 0, product: -1, anti: -1 },
        { sizes: [1, 1, 1], window: 1, product: -1, anti: -1 },
      ],
      extraConflicts: [],
    };
    const c = build(spec);
    expect(classBounds(c.b).mixed).toBe(2);
    expect(classBounds({ ...c.b, pinned: 1 }).mixed).toBe(1);
  });
});
