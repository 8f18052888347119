/**
 * Lower bounds on the hosts of one packing class that respect how the class may be packed.
 *
 * Hosts of different maintenance windows are disjoint (window-less items may join any host), so the hosts
 * holding window w's items number at least lb(items of w), and these sets add up over the windows. In a
 * licence-pooled packing the hosts of different licence signatures are disjoint too (unlicensed items fill
 * any host), so the pools add up as well, and inside a window the pools' licensed items add up.
 *
 * lb(set) of a set of items that all need hosts from one host set = max of
 *  - Martello-Toth L2 on the coordinates where the set's summed size peaks (>= peak-of-sum on them),
 *  - the peak-of-sum over every coordinate, ceil(max_k sum_k / cap_k),
 *  - the largest anti-affinity/DR clique inside the set.
 *
 * Every figure is a true lower bound on the hosts of any packing of that structure (checked against brute
 * force in class-bound.test.ts). With host-label pins, windows and pools may mix on the pinned hosts and
 * pins may even force a host over capacity (reported), so a pinned class gets max(lb(unpinned items), pinned
 * hosts in use).
 */
import { l2Bound } from '../pack/bounds.ts';
import type { PackInput } from '../pack/types.ts';

export type ClassBounds = {
  /** Bound for a packing that keeps windows apart (the mixed packing). */
  mixed: number;
  /** Bound for a licence-pooled packing: windows apart and licensed signatures apart. */
  pooled: number;
};

export type BoundInput = {
  input: PackInput;
  /** 1 = the item fits an empty host (the others are unplaced and not counted). */
  placeable: Uint8Array;
  /** Window per item (-1 = none). */
  windowOf: Int32Array;
  /** Licensed signature per item ('' = none) for the pooled structure. */
  signature: readonly string[];
  /** Anti-affinity groups (item indices, each a clique of conflicts). */
  antiSets: readonly (readonly number[])[];
  /** Pinned host labels of the class (windows and pools may mix on them). */
  pinned: number;
};

const SLACK = 1e-9;

/** Lower bound on the hosts holding `items` (all placeable). */
export function setBound(input: PackInput, items: readonly number[], antiOf: readonly (readonly number[])[], conflictOf: readonly (readonly number[])[], given?: Float64Array): number {
  if (items.length === 0) return 0;
  const C = input.coords;
  const cap = input.binTypes[0].capacity;
  const { sizes } = input;
  const sums = given ?? sumOf(input, items);
  let lb = 1;
  // Peak-of-sum, and the coordinates worth an L2: the peak overall and the last (vCPU) coordinate.
  let peakK = -1;
  let peak = 0;
  for (let k = 0; k < C; k++) {
    if (!(cap[k] > 0)) continue;
    const f = sums[k] / cap[k];
    if (f > peak) {
      peak = f;
      peakK = k;
    }
  }
  lb = Math.max(lb, Math.ceil(peak - SLACK));
  const x = new Float64Array(items.length);
  for (const k of new Set([peakK, C - 1])) {
    if (k < 0 || !(cap[k] > 0)) continue;
    items.forEach((it, j) => (x[j] = sizes[it * C + k]));
    lb = Math.max(lb, l2Bound(x, cap[k]));
  }
  // Cliques: anti-affinity groups inside the set; a conflicting pair inside the set.
  const inSet = new Set(items);
  const counts = new Map<number, number>();
  for (const it of items) {
    for (const g of antiOf[it] ?? []) counts.set(g, (counts.get(g) ?? 0) + 1);
    if (lb < 2 && (conflictOf[it] ?? []).some((j) => inSet.has(j))) lb = 2;
  }
  for (const c of counts.values()) lb = Math.max(lb, c);
  return lb;
}

/** Summed sizes of `items` per coordinate. */
function sumOf(input: PackInput, items: readonly number[]): Float64Array {
  const C = input.coords;
  const sums = new Float64Array(C);
  for (const it of items) {
    const base = it * C;
    for (let k = 0; k < C; k++) sums[k] += input.sizes[base + k];
  }
  return sums;
}

/** Sum of the given rows. */
function addRows(C: number, rows: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(C);
  for (const r of rows) for (let k = 0; k < C; k++) out[k] += r[k];
  return out;
}

/** A large class takes ~0.2 s: `beat` is called after each cell's sums and each set's bound (progress). */
export function classBounds(b: BoundInput, beat: () => void = () => {}): ClassBounds {
  const { input, placeable, windowOf, signature } = b;
  const n = input.itemCount;
  const antiOf: number[][] = Array.from({ length: n }, () => []);
  b.antiSets.forEach((set, g) => {
    for (const it of set) antiOf[it].push(g);
  });
  const conflictOf: number[][] = Array.from({ length: n }, () => []);
  const cf = input.conflicts ?? new Int32Array(0);
  for (let k = 0; k < cf.length; k += 2) {
    conflictOf[cf[k]].push(cf[k + 1]);
    conflictOf[cf[k + 1]].push(cf[k]);
  }
  const all: number[] = [];
  for (let it = 0; it < n; it++) if (placeable[it] === 1) all.push(it);
  if (b.pinned > 0) {
    // Pins may force items together beyond a capacity (reported, not fixed): bound the others, and count
    // the pinned hosts in use.
    const free = all.filter((it) => !input.fixed?.has(it));
    const pins = new Set(all.flatMap((it) => (input.fixed?.has(it) ? [input.fixed.get(it)] : [])));
    beat();
    const v = Math.max(setBound(input, free, antiOf, conflictOf), pins.size);
    return { mixed: v, pooled: v };
  }
  // Items by (signature, window) cell; every group below is a union of cells, so its sums are sums of rows.
  const C = input.coords;
  const cells = new Map<string, { sig: string; w: number; items: number[]; sums: Float64Array }>();
  for (const it of all) {
    const key = `${signature[it]}\u0000${windowOf[it]}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { sig: signature[it], w: windowOf[it], items: [], sums: new Float64Array(0) }));
    cell.items.push(it);
  }
  for (const cell of cells.values()) {
    cell.sums = sumOf(input, cell.items);
    beat();
  }
  function lbOf(pick: (sig: string, w: number) => boolean): number {
    const chosen = [...cells.values()].filter((cl) => pick(cl.sig, cl.w));
    if (chosen.length === 0) return 0;
    const items = chosen.length === 1 ? chosen[0].items : chosen.flatMap((cl) => cl.items);
    beat();
    return setBound(input, items, antiOf, conflictOf, chosen.length === 1 ? chosen[0].sums : addRows(C, chosen.map((cl) => cl.sums)));
  }
  const lbAll = lbOf(() => true);
  const windowIds = [...new Set([...cells.values()].map((cl) => cl.w))].filter((w) => w >= 0);
  const sigIds = [...new Set([...cells.values()].map((cl) => cl.sig))].filter((x) => x !== '');
  // Mixed: hosts of different windows are disjoint.
  const lbWindow = new Map<number, number>();
  for (const w of windowIds) lbWindow.set(w, lbOf((_s, cw) => cw === w));
  let windows = 0;
  for (const v of lbWindow.values()) windows += v;
  const mixed = Math.max(lbAll, windows);
  if (sigIds.length === 0) return { mixed, pooled: mixed };
  // Pooled: licensed signatures on disjoint hosts too; inside a window the pools' licensed items add up.
  const cell = new Map<string, number>();
  for (const cl of cells.values()) if (cl.sig !== '' && cl.w >= 0) cell.set(`${cl.sig}\u0000${cl.w}`, lbOf((cs, cw) => cs === cl.sig && cw === cl.w));
  let pools = 0;
  for (const sg of sigIds) {
    let perWindow = 0;
    for (const w of windowIds) perWindow += cell.get(`${sg}\u0000${w}`) ?? 0;
    pools += Math.max(lbOf((cs) => cs === sg), perWindow);
  }
  let windowsPooled = 0;
  for (const [w, v] of lbWindow) {
    let perSig = 0;
    for (const sg of sigIds) perSig += cell.get(`${sg}\u0000${w}`) ?? 0;
    windowsPooled += Math.max(v, perSig);
  }
  return { mixed, pooled: Math.max(mixed, pools, windowsPooled) };
}

/** Licensed-product signature per item over the products with a per-host price ('' = none). */
export function licenceSignatures(input: PackInput): string[] {
  const pc = input.productCost?.[0] ?? [];
  return Array.from({ length: input.itemCount }, (_, it) => (input.itemProducts?.[it] ?? []).filter((p) => (pc[p] ?? 0) > 0).join('+'));
}

/**
 * Per product column: at least this many hosts carry the product in any packing with windows apart:
 * max(lb(items using it), sum over windows of lb(its items of that window)); pinned classes: the first,
 * over the unpinned items.
 */
export function productBounds(b: BoundInput, products: number, beat: () => void = () => {}): number[] {
  const { input, placeable, windowOf } = b;
  const n = input.itemCount;
  const none: number[][] = Array.from({ length: n }, () => []);
  const antiOf: number[][] = Array.from({ length: n }, () => []);
  b.antiSets.forEach((set, g) => {
    for (const it of set) antiOf[it].push(g);
  });
  const out: number[] = [];
  for (let p = 0; p < products; p++) {
    const items: number[] = [];
    const byWindow = new Map<number, number[]>();
    for (let it = 0; it < n; it++) {
      if (placeable[it] !== 1 || !(input.itemProducts?.[it] ?? []).includes(p) || input.fixed?.has(it)) continue;
      items.push(it);
      const w = windowOf[it];
      if (w < 0) continue;
      const l = byWindow.get(w);
      if (l) l.push(it);
      else byWindow.set(w, [it]);
    }
    let perWindow = 0;
    if (b.pinned === 0) {
      for (const l of byWindow.values()) {
        beat();
        perWindow += setBound(input, l, antiOf, none);
      }
    }
    beat();
    out.push(Math.max(setBound(input, items, antiOf, none), perWindow));
  }
  return out;
}
