/**
 * Lower bounds. On the number of bins: the peak-of-sums bound max_c ceil(sum_i s_ic / W_c), Martello &
 * Toth's L2 on each coordinate's one-dimensional projection, and a greedy clique of items that pairwise
 * cannot share a bin (too big together in some coordinate, or in conflict). On the cost: those bins at the
 * cheapest price, a per-coordinate fractional cover by the cheapest capacity (heterogeneous bins), plus
 * every used product's cheapest licence. W_c is the largest capacity over the bin types, so the bounds
 * hold for heterogeneous bins too (weaker there).
 */
import { prepareProblem, type Problem } from './problem.ts';
import { Heartbeat } from '../../util/progress.ts';
import type { PackInput } from './types.ts';

const SLACK = 1e-9;
/** Candidates the greedy clique bound looks at (the biggest items and those with conflicts first). */
export const CLIQUE_MAX_CANDIDATES = 1000;

function placeable(p: Problem): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) {
    for (let t = 0; t < p.T; t++) {
      if (p.fitsType[i * p.T + t] === 1) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/** Martello-Toth L2 for one coordinate: sizes x (any order), capacity W. */
export function l2Bound(x: Float64Array, W: number): number {
  const s = Float64Array.from(x).sort().reverse();
  const n = s.length;
  const prefix = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) prefix[k + 1] = prefix[k] + s[k];
  // first index with s[k] <= v (s is descending)
  const firstAtMost = (v: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] <= v) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // first index with s[k] < v
  const firstBelow = (v: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] < v) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const half = firstAtMost(W / 2);
  let best = Math.ceil(prefix[n] / W - SLACK);
  const alphas = new Set<number>([0]);
  for (let k = half; k < n; k++) alphas.add(s[k]);
  for (const a of alphas) {
    const j1 = firstAtMost(W - a);
    const j2 = half - j1;
    const j3end = firstBelow(a);
    const sumJ2 = prefix[half] - prefix[j1];
    const sumJ3 = prefix[j3end] - prefix[half];
    const rest = Math.max(0, Math.ceil((sumJ3 - (j2 * W - sumJ2)) / W - SLACK));
    best = Math.max(best, j1 + j2 + rest);
  }
  return best;
}

/** Greedy clique of placeable items that pairwise cannot share any bin (O(m x clique x C)). */
function cliqueBound(p: Problem, items: number[], meter: Heartbeat): number {
  const { C, sizes } = p;
  const cap = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let m = 0;
    for (let t = 0; t < p.T; t++) if (p.avail[t] > 0) m = Math.max(m, p.caps[t][c]);
    cap[c] = m;
  }
  const big = (i: number): number => {
    let m = 0;
    for (let c = 0; c < C; c++) m = Math.max(m, sizes[i * C + c] / p.ref[c]);
    return m;
  };
  // Two items at most half the capacity in every coordinate always fit together, so a capacity clique
  // holds at most one of them: search among the big items and those with conflicts. Items fixed to a bin
  // are left out: their bins are counted as they are (the bound is never below the fixed bins), and in a
  // stage that folds earlier hosts into fixed items, pairing those hosts cost more than the search it serves.
  const free = p.fixedBins.length > 0 ? items.filter((i) => p.fixedOf[i] < 0) : items;
  const key = new Map(free.map((i) => [i, big(i)]));
  // Any subset gives a valid clique: the largest CLIQUE_MAX_CANDIDATES keep the greedy O(m x clique x C).
  const order = free
    .filter((i) => key.get(i)! > 0.5 || p.adjStart[i + 1] > p.adjStart[i])
    .sort((a, b) => key.get(b)! - key.get(a)! || a - b)
    .slice(0, CLIQUE_MAX_CANDIDATES);
  // Largest share of the capacity per candidate: two whose shares add up to at most 1 fit together anywhere,
  // which settles most pairs without the O(C) scan.
  const share = new Map<number, number>();
  const shareOf = (i: number): number => {
    let v = share.get(i);
    if (v === undefined) {
      v = 0;
      for (let c = 0; c < C; c++) v = Math.max(v, cap[c] > 0 ? sizes[i * C + c] / cap[c] : sizes[i * C + c] > 0 ? Infinity : 0);
      share.set(i, v);
    }
    return v;
  };
  const incompatible = (i: number, j: number): boolean => {
    for (let k = p.adjStart[i]; k < p.adjStart[i + 1]; k++) if (p.adj[k] === j) return true;
    if (shareOf(i) + shareOf(j) <= 1 - 1e-9) return false;
    for (let c = 0; c < C; c++) if (sizes[i * C + c] + sizes[j * C + c] > cap[c]) return true;
    return false;
  };
  const rest = free.filter((i) => !(key.get(i)! > 0.5 || p.adjStart[i + 1] > p.adjStart[i])).sort((a, b) => key.get(b)! - key.get(a)! || a - b);
  function grow(ordered: number[]): number {
    const clique: number[] = [];
    for (const i of ordered) {
      if (clique.every((j) => incompatible(i, j))) clique.push(i);
      meter.add(clique.length * C);
    }
    // ... plus at most one of the others.
    for (const i of rest.slice(0, 200)) {
      if (clique.every((j) => incompatible(i, j))) {
        clique.push(i);
        break;
      }
      meter.add(clique.length * C);
    }
    return clique.length;
  }
  let best = grow(order);
  // Greedy again in order of incompatibility degree, when the pairwise table stays cheap.
  const m = order.length;
  if (m > 1 && m * m * C <= 5e7) {
    const degree = new Int32Array(m);
    for (let x = 0; x < m; x++) {
      for (let y = x + 1; y < m; y++) {
        if (incompatible(order[x], order[y])) {
          degree[x]++;
          degree[y]++;
        }
      }
      meter.add((m - x) * C);
    }
    const byDegree = Array.from({ length: m }, (_, x) => x).sort((a, b) => degree[b] - degree[a] || a - b);
    best = Math.max(best, grow(byDegree.map((x) => order[x])));
  }
  return best;
}

/** Lower bound on the number of bins (fixed bins included) of any packing that places every placeable item. */
export function binLowerBound(input: PackInput): number {
  const p = prepareProblem(input);
  return binBound(p, new Heartbeat());
}

function binBound(p: Problem, meter: Heartbeat): number {
  const items = placeable(p);
  const { C, sizes } = p;
  const total = new Float64Array(C);
  for (const i of items) {
    for (let c = 0; c < C; c++) total[c] += sizes[i * C + c];
    meter.add(C);
  }
  let lb = 0;
  for (let c = 0; c < C; c++) lb = Math.max(lb, Math.ceil(total[c] / p.ref[c] - SLACK));
  // L2 on the most loaded coordinates (all of them when there are few).
  const coords = Array.from({ length: C }, (_, c) => c).sort((a, b) => total[b] / p.ref[b] - total[a] / p.ref[a]);
  const x = new Float64Array(items.length);
  for (const c of coords.slice(0, C <= 64 ? C : 16)) {
    items.forEach((i, k) => (x[k] = sizes[i * C + c]));
    lb = Math.max(lb, l2Bound(x, p.ref[c]));
    // A sort and a scan of the items.
    meter.add(32 * items.length);
  }
  lb = Math.max(lb, cliqueBound(p, items, meter), p.fixedBins.length);
  return items.length === 0 ? p.fixedBins.length : lb;
}

/** Lower bound on the total cost (bins plus licences). */
export function lowerBound(input: PackInput): number {
  return costLowerBound(prepareProblem(input));
}

/** On a large input it costs as much as a first packing: `beat` is called every so often (progress). */
export function costLowerBound(p: Problem, beat?: () => void): number {
  const meter = new Heartbeat(beat);
  const items = placeable(p);
  const F = p.fixedBins.length;
  let fixedCost = 0;
  const fixedUsed = new Float64Array(p.T);
  for (const t of p.fixedBins) {
    fixedCost += p.costs[t];
    fixedUsed[t]++;
  }
  const bins = binBound(p, meter);
  let cheapest = Infinity;
  for (let t = 0; t < p.T; t++) if (p.avail[t] - fixedUsed[t] > 0) cheapest = Math.min(cheapest, p.costs[t]);
  let binPart = fixedCost + (bins > F && Number.isFinite(cheapest) ? (bins - F) * cheapest : 0);
  if (p.T > 1) {
    const { C, sizes } = p;
    for (let c = 0; c < C; c++) {
      let need = 0;
      for (const i of items) need += sizes[i * C + c];
      meter.add(items.length);
      for (const t of p.fixedBins) need -= p.input.binTypes[t].capacity[c];
      if (need <= 0) continue;
      const types = Array.from({ length: p.T }, (_, t) => t)
        .filter((t) => p.avail[t] - fixedUsed[t] > 0 && p.input.binTypes[t].capacity[c] > 0)
        .sort((a, b) => p.costs[a] / p.input.binTypes[a].capacity[c] - p.costs[b] / p.input.binTypes[b].capacity[c]);
      let cost = fixedCost;
      for (const t of types) {
        if (need <= 0) break;
        const capC = p.input.binTypes[t].capacity[c];
        const take = Math.min(p.avail[t] - fixedUsed[t], need / capC);
        cost += take * p.costs[t];
        need -= take * capC;
      }
      binPart = Math.max(binPart, cost);
    }
  }
  let licence = 0;
  if (p.hasLicences) {
    const usedProducts = new Set<number>();
    for (const i of items) for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) usedProducts.add(p.prod[k]);
    for (const q of usedProducts) {
      let m = Infinity;
      for (let t = 0; t < p.T; t++) if (p.avail[t] > 0) m = Math.min(m, p.productCost[t][q]);
      if (Number.isFinite(m)) licence += m;
    }
  }
  return binPart + licence;
}
