/**
 * Empty-a-host moves across the stages of a class packing (class-pack.ts). The stages pack each window
 * (and licence pool) apart and fill window-less items into the residual capacity, so a host left part-empty
 * by one stage is never revisited by another. This pass takes the emptiest hosts one at a time and tries to
 * move all their items into other hosts' residual capacity; it commits only when the host empties.
 *
 * A move respects everything the stages do: capacity in every coordinate, conflicts, windows (an item with
 * a window goes only to a host of that window or of none, which then takes it), licence pools (a licensed
 * item only to a host of its own pool), pins (pinned hosts are neither emptied nor filled), and it never
 * adds a per-host licence (the moved item's products are already on the target). So the class loses a
 * host and keeps or lowers its licence cost. Deterministic: no clock, no randomness.
 */
import { tolerantCapacity } from '../pack/problem.ts';
import { Heartbeat } from '../../util/progress.ts';
import type { PackInput } from '../pack/types.ts';

export type MergeBins = {
  binOf: Int32Array;
  count: number;
  window: number[];
  load: Float64Array[];
  prods: Set<number>[];
  items: number[][];
};

export type MergeInput = {
  input: PackInput;
  windowOf: Int32Array;
  /** Conflicts per item (CSR). */
  adj: { start: Int32Array; list: Int32Array };
  /** Pinned bins (0..pinned-1) and items. */
  pinned: number;
  isPinned: (it: number) => boolean;
  /** Pool per bin and licensed signature per item when the packing is pooled (null = mixed). */
  pool: readonly string[] | null;
  sig: readonly string[];
  /** Hosts tried, emptiest first (work bound). */
  tries: number;
};

/**
 * Try to empty hosts; returns how many were emptied (their bins stay, with no items). Calls `beat` after
 * every host tried, and within a try every so often (one item against thousands of hosts takes a while), so
 * the caller can report progress.
 */
export function emptyHosts(bins: MergeBins, m: MergeInput, beat?: () => void): number {
  const { input, windowOf, adj } = m;
  const C = input.coords;
  const cap = Float64Array.from(input.binTypes[0].capacity, tolerantCapacity);
  const { sizes } = input;
  const pc = input.productCost?.[0] ?? [];
  const fill = (b: number) => {
    let f = 0;
    const l = bins.load[b];
    for (let k = 0; k < C; k++) if (cap[k] > 0) f = Math.max(f, l[k] / cap[k]);
    return f;
  };
  const open = (b: number) => bins.items[b].length > 0;
  const candidates: number[] = [];
  for (let b = m.pinned; b < bins.count; b++) if (open(b) && !bins.items[b].some(m.isPinned)) candidates.push(b);
  const fills = new Map(candidates.map((b) => [b, fill(b)]));
  candidates.sort((a, b) => (fills.get(a) ?? 0) - (fills.get(b) ?? 0) || a - b);
  const fits = (it: number, b: number, extra: Float64Array | null): boolean => {
    const l = bins.load[b];
    const base = it * C;
    for (let k = 0; k < C; k++) if (l[k] + (extra ? extra[k] : 0) + sizes[base + k] > cap[k]) return false;
    return true;
  };
  let emptied = 0;
  const meter = new Heartbeat(beat);
  for (const v of candidates.slice(0, m.tries)) {
    meter.now();
    if (!open(v)) continue;
    // Plan the moves first (pending loads per target), commit only if every item finds a host.
    const pending = new Map<number, Float64Array>();
    const pendingItems = new Map<number, number[]>();
    const pendingWindow = new Map<number, number>();
    const moves: [number, number][] = [];
    const items = [...bins.items[v]].sort((a, b) => sizeKey(b) - sizeKey(a) || a - b);
    let ok = true;
    for (const it of items) {
      let target = -1;
      let bestFill = -1;
      // Pinned hosts are left alone (their windows may be mixed by pins).
      for (let b = m.pinned; b < bins.count; b++) {
        meter.add(C);
        if (b === v || !open(b)) continue;
        const w = pendingWindow.get(b) ?? bins.window[b];
        if (windowOf[it] >= 0 && w >= 0 && w !== windowOf[it]) continue;
        if (m.pool !== null && m.sig[it] !== '' && m.pool[b] !== m.sig[it]) continue;
        if (!(input.itemProducts?.[it] ?? []).every((p) => !((pc[p] ?? 0) > 0) || bins.prods[b].has(p))) continue;
        if (!fits(it, b, pending.get(b) ?? null)) continue;
        let clash = false;
        for (let k = adj.start[it]; k < adj.start[it + 1] && !clash; k++) {
          const j = adj.list[k];
          if (bins.binOf[j] === b || (pendingItems.get(b) ?? []).includes(j)) clash = true;
        }
        if (clash) continue;
        const f = fills.get(b) ?? fill(b);
        if (f > bestFill) {
          bestFill = f;
          target = b;
        }
      }
      if (target < 0) {
        ok = false;
        break;
      }
      let pend = pending.get(target);
      if (!pend) pending.set(target, (pend = new Float64Array(C)));
      for (let k = 0; k < C; k++) pend[k] += sizes[it * C + k];
      const pl = pendingItems.get(target);
      if (pl) pl.push(it);
      else pendingItems.set(target, [it]);
      if (windowOf[it] >= 0) pendingWindow.set(target, windowOf[it]);
      moves.push([it, target]);
    }
    if (!ok) continue;
    for (const [it, b] of moves) {
      bins.binOf[it] = b;
      bins.items[b].push(it);
      const l = bins.load[b];
      for (let k = 0; k < C; k++) l[k] += sizes[it * C + k];
      for (const p of input.itemProducts?.[it] ?? []) bins.prods[b].add(p);
      if (windowOf[it] >= 0) bins.window[b] = windowOf[it];
      fills.set(b, fill(b));
    }
    bins.items[v] = [];
    bins.load[v].fill(0);
    bins.prods[v].clear();
    bins.window[v] = -1;
    emptied++;
  }
  return emptied;

  function sizeKey(it: number): number {
    let s = 0;
    for (let k = 0; k < C; k++) if (cap[k] > 0) s = Math.max(s, sizes[it * C + k] / cap[k]);
    return s;
  }
}
