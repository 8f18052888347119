/**
 * Packing one compatibility class (site, zone/department/environment) with the injected packer, in stages.
 *
 * Maintenance windows: servers without a window fit any host, servers with different windows never share
 * one. Rather than O(n^2) conflict pairs, the windowed items are packed first, one problem per window; then
 * one problem holds all the class's items with the windowed ones fixed to the bins found, and the packer
 * places the window-less items into the residual capacity or opens new bins.
 *
 * Licence pools: when the class carries per-host licences (per-host-core, per-socket), the class is also
 * packed split by licensed-product signature (one "pool" per signature: Oracle hosts, MSSQL hosts, ...,
 * each packed in the same stages) and the cheaper of pooled and mixed (hosts plus licences) is kept.
 * Host-label pins keep bins 0..P-1 in every stage, so pinned servers meet across pools and windows.
 */
import { createRng } from '../util/random.ts';
import type { PackInput, PackOptions, PackProgress, PackSolution } from './pack/types.ts';
import type { Packer } from './engine.ts';
import type { PackClass } from './pack-input.ts';

export type ClassSolution = PackSolution & {
  /** Licence pool per bin ('' = mixed or unlicensed); present when the pooled packing was kept. */
  binPool?: string[];
};

/** Classes with more items than this skip the mixed packing when a per-host licence costs more than a host. */
export const POOL_ONLY_MIN_ITEMS = 1000;

export type ClassPackOptions = Omit<PackOptions, 'rng'> & { seed: string };

type Bins = {
  /** Global bin per class item (-1 = not placed yet). */
  binOf: Int32Array;
  count: number;
  unplaced: number[];
  /** Window per global bin (-1 = none of its items has one). */
  window: number[];
};

/** The class's problem restricted to `subset` (class item indices), with `fixedBins` bins fixed in front. */
function subInput(input: PackInput, subset: readonly number[], fixedOf: (it: number) => number, fixedBins: number): PackInput {
  const C = input.coords;
  const n = input.sizes.length / C;
  const local = new Int32Array(n).fill(-1);
  subset.forEach((it, k) => (local[it] = k));
  const sizes = new Float64Array(subset.length * C);
  subset.forEach((it, k) => sizes.set(input.sizes.subarray(it * C, (it + 1) * C), k * C));
  const conflicts: number[] = [];
  const all = input.conflicts ?? new Int32Array(0);
  for (let k = 0; k < all.length; k += 2) {
    const a = local[all[k]];
    const b = local[all[k + 1]];
    if (a >= 0 && b >= 0) conflicts.push(a, b);
  }
  const fixed = new Map<number, number>();
  subset.forEach((it, k) => {
    const b = fixedOf(it);
    if (b >= 0) fixed.set(k, b);
  });
  return {
    coords: C,
    itemCount: subset.length,
    sizes,
    binTypes: input.binTypes,
    conflicts: Int32Array.from(conflicts),
    ...(input.itemProducts ? { itemProducts: subset.map((it) => input.itemProducts?.[it] ?? []) } : {}),
    ...(input.productCost ? { productCost: input.productCost } : {}),
    ...(fixedBins > 0 ? { fixed, fixedBins: new Array<number>(fixedBins).fill(0) } : {}),
  };
}

/** Cost of a class packing: opened bins (non-empty, or pinned) plus per-host licences. */
export function classCost(input: PackInput, binOf: Int32Array, bins: number, pinned: number): number {
  const pc = input.productCost?.[0] ?? [];
  const used = new Array<Set<number> | null>(bins).fill(null);
  binOf.forEach((b, it) => {
    if (b < 0) return;
    let s = used[b];
    if (!s) used[b] = s = new Set();
    for (const p of input.itemProducts?.[it] ?? []) s.add(p);
  });
  let cost = 0;
  used.forEach((s, b) => {
    if (s === null && b >= pinned) return;
    cost += input.binTypes[0].cost;
    for (const p of s ?? []) cost += pc[p] ?? 0;
  });
  return cost;
}

/** Licensed-product signature per item over the products with a per-host price ('' = none). */
function signatures(input: PackInput): string[] {
  const pc = input.productCost?.[0] ?? [];
  return Array.from({ length: input.itemCount }, (_, it) => (input.itemProducts?.[it] ?? []).filter((p) => (pc[p] ?? 0) > 0).join('+'));
}

export function* packClassIter(packer: Packer, c: PackClass, opts: ClassPackOptions): Generator<PackProgress, ClassSolution> {
  const { input } = c;
  const n = input.itemCount;
  const P = c.fixedLabels.length;
  const pinOf = (it: number) => input.fixed?.get(it) ?? -1;
  const sig = signatures(input);
  const pools = [...new Set(sig)].sort();
  const tryPools = pools.length > 1 && pools.some((s) => s !== '');
  // In a large class with a licence dearer than the host itself pooling wins in practice, so the mixed
  // packing is not tried (half the work at 50k servers). Otherwise both are packed and the cheaper kept.
  const dearest = Math.max(0, ...(input.productCost?.[0] ?? []));
  const poolOnly = tryPools && n > POOL_ONLY_MIN_ITEMS && dearest >= input.binTypes[0].cost;
  const multiWindow = c.windows.length > 1;
  const pins = Array.from({ length: P }, (_, b) => b);
  const work = n * (tryPools && !poolOnly ? 2 : 1) * (multiWindow ? 2 : 1);
  let subs = 0;

  function* run(sub: PackInput, seedTag: string): Generator<PackProgress, PackSolution> {
    const budgetMs = opts.budgetMs > 0 ? (opts.budgetMs * sub.itemCount) / Math.max(1, work) : 0;
    return yield* packer.packIter(sub, { ...opts, rng: createRng(`${opts.seed}:${seedTag}:${subs++}`), budgetMs });
  }

  /**
   * Pack `free` (class items) with the packer. `fixedIds` are the global bins it may fill besides new ones
   * (pin bins first); items already in them come along, fixed, so their load and conflicts count.
   */
  function* packPart(free: readonly number[], fixedIds: readonly number[], bins: Bins, tag: string): Generator<PackProgress, void> {
    const localBin = new Map(fixedIds.map((g, k) => [g, k]));
    const freeSet = new Set(free);
    const context: number[] = [];
    for (let it = 0; it < n; it++) if (bins.binOf[it] >= 0 && localBin.has(bins.binOf[it]) && !freeSet.has(it)) context.push(it);
    const part = [...context, ...free];
    const fixedOf = (it: number) => (bins.binOf[it] >= 0 ? (localBin.get(bins.binOf[it]) ?? -1) : pinOf(it));
    const sol = yield* run(subInput(input, part, fixedOf, fixedIds.length), tag);
    const F = fixedIds.length;
    const fresh = new Map<number, number>();
    for (let k = context.length; k < part.length; k++) {
      const b = sol.binOf[k];
      if (b < 0) continue;
      let g = b < F ? fixedIds[b] : fresh.get(b);
      if (g === undefined) {
        fresh.set(b, (g = bins.count++));
        bins.window.push(-1);
      }
      bins.binOf[part[k]] = g;
      if (c.windowOf[part[k]] >= 0) bins.window[g] = c.windowOf[part[k]];
    }
    for (const k of sol.unplaced) if (k >= context.length) bins.unplaced.push(part[k]);
  }

  /**
   * Pack `subset` into `bins` (pin bins 0..P-1 shared, new bins appended), windows in stages. With `reuse`,
   * bins opened before may be filled too when their window allows (unlicensed items around licence pools).
   */
  function* staged(subset: readonly number[], bins: Bins, tag: string, reuse: boolean): Generator<PackProgress, void> {
    if (subset.length === 0) return;
    const byWindow = new Map<number, number[]>();
    for (const it of subset) {
      const w = c.windowOf[it];
      const l = byWindow.get(w);
      if (l) l.push(it);
      else byWindow.set(w, [it]);
    }
    const windowed = [...byWindow.keys()].filter((w) => w >= 0).sort((a, b) => a - b);
    const free = byWindow.get(-1) ?? [];
    const start = bins.count;
    const earlier = (w: number) => {
      const ids = [...pins];
      if (reuse) for (let g = P; g < start; g++) if (w < 0 || bins.window[g] < 0 || bins.window[g] === w) ids.push(g);
      return ids;
    };
    if (windowed.length <= 1) {
      yield* packPart(subset, earlier(windowed.length === 1 ? windowed[0] : -1), bins, tag);
      return;
    }
    for (const w of windowed) yield* packPart(byWindow.get(w) ?? [], earlier(w), bins, `${tag}:w${w}`);
    if (free.length === 0) return;
    // Stage 2: windowed items stay where stage 1 put them; the window-less ones fill in around them.
    const ids = earlier(-1);
    for (let g = start; g < bins.count; g++) ids.push(g);
    yield* packPart(free, ids, bins, `${tag}:free`);
  }

  const fresh = (): Bins => ({ binOf: new Int32Array(n).fill(-1), count: P, unplaced: [], window: new Array<number>(P).fill(-1) });
  const all = Array.from({ length: n }, (_, i) => i);
  let best: ClassSolution | null = null;
  if (!poolOnly) {
    const mixed = fresh();
    yield* staged(all, mixed, 'mixed', false);
    best = finish(mixed);
  }
  if (tryPools) {
    // Licensed items by signature on their own hosts first; unlicensed ones then fill any host (no licence).
    const pooled = fresh();
    const binPool: string[] = new Array<string>(P).fill('');
    for (const s of [...pools.filter((x) => x !== ''), '']) {
      const before = pooled.count;
      yield* staged(all.filter((it) => sig[it] === s), pooled, `pool:${s}`, s === '');
      for (let b = before; b < pooled.count; b++) binPool.push(s);
    }
    const sol = finish(pooled);
    if (best === null || (sol.unplaced.length <= best.unplaced.length && sol.cost < best.cost - 1e-9)) best = { ...sol, binPool };
  }
  if (best === null) throw new Error('packClassIter: no packing');
  return best;

  function finish(b: Bins): ClassSolution {
    return { binOf: b.binOf, binType: new Int32Array(b.count), cost: classCost(input, b.binOf, b.count, P), unplaced: [...new Set(b.unplaced)].sort((x, y) => x - y) };
  }
}
