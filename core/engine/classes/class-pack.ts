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
import { createRng } from '../../util/random.ts';
import { licenceSignatures } from './class-bound.ts';
import { emptyHosts } from './class-merge.ts';
import type { PackInput, PackOptions, PackProgress, PackSolution } from '../pack/types.ts';
import type { PackClass } from './pack-input.ts';
import type { Packer } from '../types.ts';
import { Heartbeat, PER_ENTRY } from '../../util/progress.ts';

export type ClassSolution = PackSolution & {
  /** Licence pool per bin ('' = mixed or unlicensed); present when the pooled packing was kept. */
  binPool?: string[];
};

/** Emptiest hosts the empty-a-host pass tries: for the first plan, and when the search runs. */
export const MERGE_TRIES_FIRST = 32;
export const MERGE_TRIES_SEARCH = 400;

/** Classes with more items than this skip the mixed packing when a per-host licence costs more than a host. */
export const POOL_ONLY_MIN_ITEMS = 1000;

/** A large class with a per-host licence dearer than a host: packed in licence pools only (see below). */
export function packsPoolOnly(input: PackInput): boolean {
  const dearest = Math.max(0, ...(input.productCost?.[0] ?? []));
  return input.itemCount > POOL_ONLY_MIN_ITEMS && dearest >= input.binTypes[0].cost;
}

export type ClassPackOptions = Omit<PackOptions, 'rng'> & { seed: string };

type Bins = {
  /** Global bin per class item (-1 = not placed yet). */
  binOf: Int32Array;
  count: number;
  unplaced: number[];
  /** Window per global bin (-1 = none of its items has one). */
  window: number[];
  /** Summed sizes and the products of the items in each global bin (kept as items are placed). */
  load: Float64Array[];
  prods: Set<number>[];
  items: number[][];
};

/**
 * The class's problem for one stage: one fixed pseudo-item per fixed bin for the items earlier stages put
 * there (their summed sizes, products and conflicts: the bin's residual capacity), then `pinned` (item, bin)
 * pairs fixed one by one (a pin that does not fit stays out, as in the packer), then the `free` items.
 * Folding keeps a stage small however many items the earlier stages placed. Copying a large stage's sizes
 * takes a while: `beat` is called every so often (progress).
 */
function partInput(input: PackInput, adj: Adjacency, held: readonly Held[], pinned: readonly [number, number][], free: readonly number[], fixedBins: number, beat: () => void): { sub: PackInput; first: number } {
  const meter = new Heartbeat(beat);
  const C = input.coords;
  const n = input.itemCount;
  const cap = input.binTypes[0].capacity;
  const local = new Int32Array(n).fill(-1);
  const fixed = new Map<number, number>();
  const itemProducts: number[][] = [];
  const rows: { items: readonly number[]; bin: number; load?: Float64Array; prods?: ReadonlySet<number> }[] = [];
  held.forEach((h, bin) => {
    if (h.items.length === 0) return;
    let fits = true;
    for (let k = 0; k < C && fits; k++) if (h.load[k] > cap[k] * (1 + 1e-9) + 1e-9) fits = false;
    if (fits) rows.push({ items: h.items, bin, load: h.load, prods: h.prods });
    else for (const it of h.items) rows.push({ items: [it], bin }); // over capacity (forced by pins): as is
  });
  meter.now();
  for (const [it, bin] of pinned) rows.push({ items: [it], bin });
  const first = rows.length;
  const count = first + free.length;
  const sizes = new Float64Array(count * C);
  meter.now();
  for (let m = 0; m < rows.length; m++) {
    meter.add(C + PER_ENTRY);
    const r = rows[m];
    for (const it of r.items) local[it] = m;
    if (r.load && r.prods) {
      sizes.set(r.load, m * C);
      itemProducts.push([...r.prods].sort((x, y) => x - y));
    } else {
      const it = r.items[0];
      sizes.set(input.sizes.subarray(it * C, (it + 1) * C), m * C);
      itemProducts.push([...(input.itemProducts?.[it] ?? [])]);
    }
    fixed.set(m, r.bin);
  }
  for (let j = 0; j < free.length; j++) {
    meter.add(C + PER_ENTRY);
    const it = free[j];
    local[it] = first + j;
    sizes.set(input.sizes.subarray(it * C, (it + 1) * C), (first + j) * C);
    itemProducts.push([...(input.itemProducts?.[it] ?? [])]);
  }
  // Conflicts that matter: those of the pinned and free items (between two folded bins they cannot bite).
  const conflicts: number[] = [];
  const seen = new Set<number>();
  const stage = (it: number) => local[it] >= 0 && (local[it] >= first || rows[local[it]].items.length === 1);
  const visit = (it: number) => {
    const x = local[it];
    for (let k = adj.start[it]; k < adj.start[it + 1]; k++) {
      const j = adj.list[k];
      const y = local[j];
      if (y < 0 || y === x) continue;
      if (stage(j) && y < x) continue; // counted from j
      const key = Math.min(x, y) * count + Math.max(x, y);
      if (seen.has(key)) continue;
      seen.add(key);
      conflicts.push(x, y);
    }
  };
  for (const r of rows) {
    if (r.items.length !== 1) continue;
    visit(r.items[0]);
    meter.add(PER_ENTRY);
  }
  for (const it of free) {
    visit(it);
    meter.add(PER_ENTRY);
  }
  const sub: PackInput = {
    coords: C,
    itemCount: count,
    sizes,
    binTypes: input.binTypes,
    conflicts: Int32Array.from(conflicts),
    ...(input.itemProducts ? { itemProducts } : {}),
    ...(input.productCost ? { productCost: input.productCost } : {}),
    ...(fixedBins > 0 ? { fixed, fixedBins: new Array<number>(fixedBins).fill(0) } : {}),
  };
  return { sub, first };
}

type Adjacency = { start: Int32Array; list: Int32Array };

/** What a fixed bin already holds: its items, their summed sizes and products. */
type Held = { items: readonly number[]; load: Float64Array; prods: ReadonlySet<number> };

/** Conflict lists per item (CSR). */
export function adjacency(input: PackInput): Adjacency {
  const n = input.itemCount;
  const cf = input.conflicts ?? new Int32Array(0);
  const start = new Int32Array(n + 1);
  for (let k = 0; k < cf.length; k++) start[cf[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(cf.length);
  for (let k = 0; k < cf.length; k += 2) {
    list[fill[cf[k]]++] = cf[k + 1];
    list[fill[cf[k + 1]]++] = cf[k];
  }
  return { start, list };
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

export function packClass(packer: Packer, c: PackClass, opts: ClassPackOptions): ClassSolution {
  const { input } = c;
  const n = input.itemCount;
  const P = c.fixedLabels.length;
  const pinOf = (it: number) => input.fixed?.get(it) ?? -1;
  const adj = adjacency(input);
  const pinnedItems = Array.from({ length: n }, (_x, it) => it).filter((it) => pinOf(it) >= 0);
  const C = input.coords;
  const sig = licenceSignatures(input);
  const pools = [...new Set(sig)].sort();
  const tryPools = pools.length > 1 && pools.some((s) => s !== '');
  // In a large class with a licence dearer than the host itself pooling wins in practice, so the mixed
  // packing is not tried (half the work at 50k servers). Otherwise both are packed and the cheaper kept.
  const poolOnly = tryPools && packsPoolOnly(input);
  const pins = Array.from({ length: P }, (_, b) => b);
  // Each item is packed once per packing tried (the stages fold earlier bins into one row each), so the
  // budget is shared over n items per packing.
  const work = n * (tryPools && !poolOnly ? 2 : 1);
  let subs = 0;
  // Between the packer's runs: building a stage's problem and placing its result report this
  // (its fraction follows the stages done, so progress never goes back between stages).
  const setup: PackProgress = { phase: 'construct', fraction: 0, bestCost: Number.NaN, bestBins: 0 };
  const report = opts.onProgress ?? (() => {});
  const beat = () => report(setup);
  let doneWork = 0;
  const meter = new Heartbeat(beat);

  /** Pack one stage; its share of the budget follows its own items (`own`), not the folded bins. */
  function run(sub: PackInput, seedTag: string, own: number): PackSolution {
    const budgetMs = opts.budgetMs > 0 ? (opts.budgetMs * own) / Math.max(1, work) : 0;
    const iterations = opts.iterations !== undefined && opts.iterations > 0 ? Math.max(1, Math.round((opts.iterations * own) / Math.max(1, work))) : 0;
    const sol = packer.pack(sub, {
      ...opts,
      rng: createRng(`${opts.seed}:${seedTag}:${subs++}`),
      budgetMs,
      ...(iterations > 0 ? { iterations } : {}),
      // The class's fraction: the stages done (by their own items) plus this stage's share.
      onProgress: (p) => report({ ...p, fraction: Math.min(1, (doneWork + p.fraction * own) / Math.max(1, work)) }),
    });
    doneWork += own;
    setup.fraction = Math.min(1, doneWork / Math.max(1, work));
    return sol;
  }

  /**
   * Pack `free` (class items) with the packer. `fixedIds` are the global bins it may fill besides new ones
   * (pin bins first); items already in them come along, fixed, so their load and conflicts count.
   */
  function packPart(free: readonly number[], fixedIds: readonly number[], bins: Bins, tag: string): void {
    const F = fixedIds.length;
    const freeSet = new Set(free);
    // Items already in those bins (folded per bin), and pinned items of later stages and of this one.
    const held: Held[] = fixedIds.map((g) => ({ items: bins.items[g], load: bins.load[g], prods: bins.prods[g] }));
    const pinned: [number, number][] = [];
    for (const it of pinnedItems) if (bins.binOf[it] < 0 && !freeSet.has(it)) pinned.push([it, pinOf(it)]);
    const later = pinned.length;
    const freeFirst: number[] = [];
    for (const it of free) {
      if (pinOf(it) >= 0) pinned.push([it, pinOf(it)]);
      else freeFirst.push(it);
    }
    const { sub, first } = partInput(input, adj, held, pinned, freeFirst, F, beat);
    const sol = run(sub, tag, free.length);
    const stageItems = [...pinned.slice(later).map(([it]) => it), ...freeFirst];
    const offset = first - (pinned.length - later);
    const fresh = new Map<number, number>();
    for (let j = 0; j < stageItems.length; j++) {
      const b = sol.binOf[offset + j];
      const it = stageItems[j];
      if (b < 0) continue;
      let g = b < F ? fixedIds[b] : fresh.get(b);
      if (g === undefined) {
        fresh.set(b, (g = bins.count++));
        bins.window.push(-1);
        bins.load.push(new Float64Array(C));
        bins.items.push([]);
        bins.prods.push(new Set());
      }
      place(bins, it, g);
      if (c.windowOf[it] >= 0) bins.window[g] = c.windowOf[it];
      meter.add(C + PER_ENTRY);
    }
    for (const j of sol.unplaced) if (j >= offset) bins.unplaced.push(stageItems[j - offset]);
  }

  /**
   * Pack `subset` into `bins` (pin bins 0..P-1 shared, new bins appended), windows in stages. With `reuse`,
   * bins opened before may be filled too when their window allows (unlicensed items around licence pools).
   */
  function staged(subset: readonly number[], bins: Bins, tag: string, reuse: boolean): void {
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
      packPart(subset, earlier(windowed.length === 1 ? windowed[0] : -1), bins, tag);
      return;
    }
    for (const w of windowed) packPart(byWindow.get(w) ?? [], earlier(w), bins, `${tag}:w${w}`);
    if (free.length === 0) return;
    // Stage 2: windowed items stay where stage 1 put them; the window-less ones fill in around them.
    const ids = earlier(-1);
    for (let g = start; g < bins.count; g++) ids.push(g);
    packPart(free, ids, bins, `${tag}:free`);
  }

  const fresh = (): Bins => ({
    binOf: new Int32Array(n).fill(-1),
    count: P,
    unplaced: [],
    window: new Array<number>(P).fill(-1),
    load: Array.from({ length: P }, () => new Float64Array(C)),
    prods: Array.from({ length: P }, () => new Set<number>()),
    items: Array.from({ length: P }, () => []),
  });
  function place(bins: Bins, it: number, g: number): void {
    bins.binOf[it] = g;
    bins.items[g].push(it);
    const load = bins.load[g];
    const base = it * C;
    for (let k = 0; k < C; k++) load[k] += input.sizes[base + k];
    for (const p of input.itemProducts?.[it] ?? []) bins.prods[g].add(p);
  }
  const all = Array.from({ length: n }, (_, i) => i);
  let best: ClassSolution | null = null;
  if (!poolOnly) {
    const mixed = fresh();
    staged(all, mixed, 'mixed', false);
    merge(mixed, null);
    best = finish(mixed);
  }
  if (tryPools) {
    // Licensed items by signature on their own hosts first; unlicensed ones then fill any host (no licence).
    const pooled = fresh();
    const binPool: string[] = new Array<string>(P).fill('');
    for (const s of [...pools.filter((x) => x !== ''), '']) {
      const before = pooled.count;
      staged(all.filter((it) => sig[it] === s), pooled, `pool:${s}`, s === '');
      for (let b = before; b < pooled.count; b++) binPool.push(s);
    }
    const poolOfBin = merge(pooled, binPool);
    const sol = finish(pooled);
    if (best === null || (sol.unplaced.length <= best.unplaced.length && sol.cost < best.cost - 1e-9)) best = { ...sol, binPool: poolOfBin };
  }
  if (best === null) throw new Error('packClass: no packing');
  return best;

  /** Empty-a-host moves across the stages (class-merge.ts), then drop the emptied bins. */
  function merge(b: Bins, pool: string[] | null): string[] {
    const searching = opts.budgetMs > 0 || (opts.iterations ?? 0) > 0;
    // (the fraction stays at the stages done: a merge after the mixed packing comes before the pooled one)
    emptyHosts(b, { input, windowOf: c.windowOf, adj, pinned: P, isPinned: (it) => pinOf(it) >= 0, pool, sig, tries: searching ? MERGE_TRIES_SEARCH : MERGE_TRIES_FIRST }, () => report({ phase: 'improve', fraction: setup.fraction, bestCost: Number.NaN, bestBins: b.count }));
    const keep: number[] = [];
    for (let g = 0; g < b.count; g++) if (g < P || b.items[g].length > 0) keep.push(g);
    const renum = new Int32Array(b.count).fill(-1);
    keep.forEach((g, k) => (renum[g] = k));
    for (let it = 0; it < n; it++) if (b.binOf[it] >= 0) b.binOf[it] = renum[b.binOf[it]];
    b.count = keep.length;
    b.window = keep.map((g) => b.window[g]);
    b.load = keep.map((g) => b.load[g]);
    b.prods = keep.map((g) => b.prods[g]);
    b.items = keep.map((g) => b.items[g]);
    return pool === null ? [] : keep.map((g) => pool[g]);
  }

  function finish(b: Bins): ClassSolution {
    return { binOf: b.binOf, binType: new Int32Array(b.count), cost: classCost(input, b.binOf, b.count, P), unplaced: [...new Set(b.unplaced)].sort((x, y) => x - y) };
  }
}
