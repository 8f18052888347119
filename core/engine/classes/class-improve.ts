/**
 * Improving a class packing where it stands (warm start), rather than packing the class again.
 *
 * The class's hosts are grouped by what they may hold: hosts of one maintenance window (and, in a
 * licence-pooled packing, one licensed signature) form a group; hosts with neither (window-less,
 * unlicensed items only) may join any group. Each sub-problem is one group plus those free hosts, with
 * the items they hold: every item there may share a host with every other as far as windows and pools go,
 * so the packer improves it from the current packing (`PackOptions.initial`) with no extra rule, and any
 * packing it returns keeps windows and pools apart. Pinned hosts (0..P-1) and their items stay as they are.
 * Passes over the groups go on with new seeds while the budget lasts and a pass still gains; then the
 * empty-a-host pass (class-merge.ts) moves items across groups. Deterministic for a seed and an iteration
 * budget: the clock only ends a time-budgeted search.
 */
import { createRng } from '../../util/random.ts';
import { licenceSignatures } from './class-bound.ts';
import { emptyHosts, type MergeBins } from './class-merge.ts';
import { adjacency, classCost, MERGE_TRIES_SEARCH, type ClassPackOptions, type ClassSolution } from './class-pack.ts';
import type { PackClass } from './pack-input.ts';
import type { Packer } from '../types.ts';
import { Heartbeat, PER_ENTRY } from '../../util/progress.ts';
import type { PackInput, PackProgress } from '../pack/types.ts';

/** Passes over the groups at most (a time budget; an iteration budget runs one). */
export const IMPROVE_PASSES = 6;

export function improveClass(packer: Packer, c: PackClass, current: ClassSolution, opts: ClassPackOptions): ClassSolution {
  const { input } = c;
  const n = input.itemCount;
  const C = input.coords;
  const P = c.fixedLabels.length;
  const pooled = current.binPool !== undefined;
  const sig = licenceSignatures(input);
  const adj = adjacency(input);
  const iterations = opts.iterations !== undefined && opts.iterations > 0 ? Math.floor(opts.iterations) : 0;
  const deadline = iterations > 0 ? Number.POSITIVE_INFINITY : opts.now() + opts.budgetMs;
  const binOf = current.binOf.slice();
  let count = current.binType.length;
  let items: number[][] = [];
  const collect = () => {
    items = Array.from({ length: count }, () => []);
    for (let it = 0; it < n; it++) if (binOf[it] >= 0) items[binOf[it]].push(it);
  };
  collect();
  /** Window (-1 = none) and licence pool ('' = none or mixed packing) of a host. */
  const keyOf = (g: number): [number, string] => {
    let w = -1;
    let s = '';
    for (const it of items[g]) {
      if (w < 0 && c.windowOf[it] >= 0) w = c.windowOf[it];
      if (pooled && s === '' && sig[it] !== '') s = sig[it];
    }
    return [w, s];
  };
  /** Hosts whose items may all go with a host of window w and pool s (w -1 / s '' take any). */
  const hostsFor = (w: number, s: string): number[] => {
    const out: number[] = [];
    for (let g = P; g < count; g++) {
      if (items[g].length === 0) continue;
      const [hw, hs] = keyOf(g);
      if ((hw < 0 || hw === w) && (hs === '' || hs === s)) out.push(g);
    }
    return out;
  };
  const itemsIn = (hosts: readonly number[]) => hosts.reduce((a, g) => a + items[g].length, 0);
  const localOf = new Map<number, number>();
  let subs = 0;
  // Building a sub-problem and the final loads take a while on large classes: they report this meanwhile.
  const setup: PackProgress = { phase: 'improve', fraction: 0, bestCost: Number.NaN, bestBins: count };
  const report = opts.onProgress ?? (() => {});
  const meter = new Heartbeat(() => report(setup));
  const passes = iterations > 0 ? 1 : IMPROVE_PASSES;
  for (let pass = 0; pass < passes; pass++) {
    if (opts.shouldStop?.() || opts.now() >= deadline) break;
    // One sub-problem per (window, pool) of the hosts: its hosts and those that may take its items.
    const keys = new Map<string, [number, string]>();
    for (let g = P; g < count; g++) {
      if (items[g].length === 0) continue;
      const [w, s] = keyOf(g);
      if (w >= 0 || s !== '') keys.set(`${w}|${s}`, [w, s]);
    }
    if (keys.size === 0) keys.set('', [-1, '']);
    const order = [...keys.keys()].sort().map((k): [number, string] => keys.get(k) ?? [-1, '']);
    const sizes = order.map(([w, s]) => itemsIn(hostsFor(w, s)));
    let todo = sizes.reduce((a, x) => a + x, 0);
    const total = Math.max(1, todo);
    let gained = false;
    for (let q = 0; q < order.length; q++) {
      const left = deadline - opts.now();
      if (opts.shouldStop?.() || left <= 0) break;
      const own = hostsFor(order[q][0], order[q][1]);
      const subItems = itemsIn(own);
      const budgetMs = iterations > 0 ? 0 : (left * subItems) / Math.max(1, todo);
      const units = iterations > 0 ? Math.max(1, Math.round((iterations * sizes[q]) / total)) : 0;
      // The class's fraction: the groups done plus this one's share (by their items).
      const startDone = total - todo;
      setup.fraction = Math.min(1, startDone / total);
      todo -= sizes[q];
      if (subItems < 2) continue;
      const { sub, list } = subInput(own);
      const initialBin = new Int32Array(list.length);
      own.forEach((g, b) => {
        for (const it of items[g]) initialBin[localOf.get(it) ?? 0] = b;
      });
      const before = classCost(sub, initialBin, own.length, 0);
      const sol = packer.pack(sub, {
        rng: createRng(`${opts.seed}:warm:${pass}:${subs++}`),
        now: opts.now,
        budgetMs,
        ...(units > 0 ? { iterations: units } : {}),
        ...(opts.progressEveryMs !== undefined ? { progressEveryMs: opts.progressEveryMs } : {}),
        shouldStop: opts.shouldStop,
        onProgress: (p) => report({ ...p, fraction: Math.min(1, (startDone + p.fraction * sizes[q]) / total) }),
        initial: { binOf: initialBin, binType: new Int32Array(own.length) },
      });
      if (sol.unplaced.length > 0 || !(sol.cost < before - 1e-9)) continue;
      // The group's hosts are emptied; the sub-problem's bins become new hosts.
      const fresh = new Map<number, number>();
      list.forEach((it, j) => {
        const b = sol.binOf[j];
        let g = fresh.get(b);
        if (g === undefined) fresh.set(b, (g = count++));
        binOf[it] = g;
      });
      collect();
      gained = true;
    }
    if (!gained) break;
  }
  return finish();

  /** The sub-problem of the given hosts' items (every pair compatible but for conflicts). */
  function subInput(hosts: readonly number[]): { sub: PackInput; list: number[] } {
    const list = hosts.flatMap((g) => items[g]);
    localOf.clear();
    list.forEach((it, j) => localOf.set(it, j));
    meter.now();
    const sizes = new Float64Array(list.length * C);
    for (let j = 0; j < list.length; j++) {
      const it = list[j];
      sizes.set(input.sizes.subarray(it * C, (it + 1) * C), j * C);
      meter.add(C);
    }
    const conflicts: number[] = [];
    for (let j = 0; j < list.length; j++) {
      const it = list[j];
      for (let k = adj.start[it]; k < adj.start[it + 1]; k++) {
        const o = localOf.get(adj.list[k]);
        if (o !== undefined && o > j) conflicts.push(j, o);
      }
      meter.add(PER_ENTRY);
    }
    const sub: PackInput = {
      coords: C,
      itemCount: list.length,
      sizes,
      binTypes: input.binTypes,
      conflicts: Int32Array.from(conflicts),
      ...(input.itemProducts ? { itemProducts: list.map((it) => input.itemProducts?.[it] ?? []) } : {}),
      ...(input.productCost ? { productCost: input.productCost } : {}),
    };
    return { sub, list };
  }

  /** Empty-a-host moves across the groups, then hosts renumbered (pinned first) and pools relabelled. */
  function finish(): ClassSolution {
    const bins: MergeBins = { binOf, count, window: [], load: [], prods: [], items };
    for (let g = 0; g < count; g++) {
      bins.window.push(g < P ? -1 : keyOf(g)[0]);
      const load = new Float64Array(C);
      const prods = new Set<number>();
      for (const it of items[g]) {
        for (let x = 0; x < C; x++) load[x] += input.sizes[it * C + x];
        for (const p of input.itemProducts?.[it] ?? []) prods.add(p);
      }
      bins.load.push(load);
      bins.prods.push(prods);
      meter.add(C * (items[g].length + 1));
    }
    const pool = pooled ? Array.from({ length: count }, (_, g) => poolOf(g)) : null;
    emptyHosts(bins, { input, windowOf: c.windowOf, adj, pinned: P, isPinned: (it) => (input.fixed?.get(it) ?? -1) >= 0, pool, sig, tries: MERGE_TRIES_SEARCH }, () =>
      report({ phase: 'improve', fraction: 1, bestCost: Number.NaN, bestBins: count }),
    );
    const keep: number[] = [];
    for (let g = 0; g < count; g++) if (g < P || items[g].length > 0) keep.push(g);
    const renum = new Int32Array(count).fill(-1);
    keep.forEach((g, k) => (renum[g] = k));
    for (let it = 0; it < n; it++) if (binOf[it] >= 0) binOf[it] = renum[binOf[it]];
    const out: ClassSolution = { binOf, binType: new Int32Array(keep.length), cost: classCost(input, binOf, keep.length, P), unplaced: current.unplaced.slice() };
    if (pooled) out.binPool = keep.map((g) => (g < P ? (current.binPool?.[g] ?? '') : poolOf(g)));
    return out;
  }

  /** Licence pool of a host: the signature of its licensed items ('' = none). */
  function poolOf(g: number): string {
    for (const it of items[g]) if (sig[it] !== '') return sig[it];
    return '';
  }
}
