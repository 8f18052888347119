/**
 * Cover construction for mixed bin types: choose bins greedily by useful capacity per cost until the demand
 * is covered, open them largest first and fill them one at a time by the L2 rule over groups of identical
 * items; items left over get a cover of their own. Slices its work like construct.ts.
 */
import { CLOCK_WORK, openFor } from './construct.ts';
import { expired, type Ctx } from './control.ts';
import type { PackState } from './state.ts';

/**
 * Pick bin types greedily by useful capacity per cost until `need` (per coordinate, updated in place) is
 * covered: a coordinate's capacity counts only up to the demand still uncovered, relative to `total`. Only
 * types `usable` accepts are taken, at most `limit` bins and never more than a type's availability. Returns
 * the types chosen (not opened).
 */
export function pickCover(st: PackState, need: Float64Array, total: Float64Array, usable: (t: number) => boolean, limit: number): number[] {
  const p = st.p;
  const { C } = p;
  const taken = new Float64Array(p.T);
  const types: number[] = [];
  while (types.length < limit) {
    let bestT = -1;
    let bestValue = 0;
    for (let t = 0; t < p.T; t++) {
      if (st.used[t] + taken[t] >= p.avail[t] || !usable(t)) continue;
      const cap = p.input.binTypes[t].capacity;
      let useful = 0;
      for (let c = 0; c < C; c++) if (need[c] > 0 && total[c] > 0) useful += Math.min(cap[c], need[c]) / total[c];
      const value = useful / Math.max(p.costs[t], 1e-12);
      if (value > bestValue) {
        bestValue = value;
        bestT = t;
      }
    }
    if (bestT < 0) break;
    taken[bestT]++;
    types.push(bestT);
    const cap = p.input.binTypes[bestT].capacity;
    for (let c = 0; c < C; c++) need[c] -= cap[c];
  }
  return types;
}

/**
 * Items in classes of interchangeable ones (same sizes and products, no conflicts), each class's items in
 * index order, classes by decreasing weight. Filling by class scans one entry per distinct item.
 */
function itemClasses(st: PackState, items: readonly number[]): number[][] {
  const p = st.p;
  const { C, sizes } = p;
  const byKey = new Map<string, number[]>();
  const out: number[][] = [];
  for (const i of items) {
    if (p.adjStart[i + 1] > p.adjStart[i]) {
      out.push([i]);
      continue;
    }
    let key = '';
    for (let c = 0; c < C; c++) key += `${sizes[i * C + c]},`;
    for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) key += `p${p.prod[k]},`;
    const g = byKey.get(key);
    if (g) g.push(i);
    else {
      const list = [i];
      byKey.set(key, list);
      out.push(list);
    }
  }
  // Stacks: the lowest index is taken first.
  for (const g of out) g.reverse();
  return out.sort((a, b) => p.weight[b[0]] - p.weight[a[0]] || a[a.length - 1] - b[b.length - 1]);
}

/**
 * Fill the open bins from `from` on, one bin at a time: keep adding the fitting item (least added licence
 * first) that leaves the smallest normalised residual in L2 (Panigrahy et al.'s L2 rule, over classes of
 * interchangeable items). Returns the items that fit none of them, or null when cut short.
 */
function fillBins(st: PackState, ctx: Ctx, from: number, items: readonly number[]): number[] | null {
  const p = st.p;
  const { C, sizes } = p;
  const classes = itemClasses(st, items);
  // Classes that may still fit the bin being filled: one that does not fit it now never will (it only
  // gets fuller), so each addition rescans just the survivors of the previous scan.
  const cand = new Int32Array(classes.length);
  let steps = 0;
  let scanned = 0;
  for (let b = from; b < st.nb; b++) {
    const t = st.type[b];
    const cap = p.caps[t];
    const load = st.loads[b];
    let nc = 0;
    for (let k = 0; k < classes.length; k++) if (classes[k].length > 0) cand[nc++] = k;
    for (;;) {
      let bestK = -1;
      let bestLic = Infinity;
      let bestScore = -Infinity;
      let w = 0;
      for (let x = 0; x < nc; x++) {
        const k = cand[x];
        const g = classes[k];
        if (g.length === 0) continue;
        scanned += C;
        const i = g[g.length - 1];
        if (!st.fits(i, b)) continue;
        cand[w++] = k;
        const lic = st.licenceDelta(i, b);
        if (lic > bestLic) continue;
        let score = 0;
        const off = i * C;
        for (let c = 0; c < C; c++) {
          const d = (cap[c] - load[c] - sizes[off + c]) / cap[c];
          score -= d * d;
        }
        if (lic < bestLic || score > bestScore) {
          bestLic = lic;
          bestScore = score;
          bestK = k;
        }
      }
      nc = w;
      if (bestK < 0) break;
      st.add(classes[bestK].pop()!, b);
      let ready = false;
      if ((++steps & 7) === 0) ready = ctx.ctl.due();
      else if (scanned >= CLOCK_WORK) ready = ctx.ctl.timeUp();
      if ((steps & 7) === 0 || scanned >= CLOCK_WORK) scanned = 0;
      if (ready) {
        ctx.progress('construct', b / Math.max(1, st.nb));
        if (expired(ctx)) return null;
      }
    }
  }
  const left: number[] = [];
  for (const g of classes) for (let k = g.length - 1; k >= 0; k--) left.push(g[k]);
  return left;
}

/** Open bins of the given types, largest (by scarcity-weighted size) first; returns the first new bin. */
function openSorted(st: PackState, types: number[]): number {
  const p = st.p;
  const first = st.nb;
  types.sort((a, b) => p.typeSize[b] - p.typeSize[a] || a - b);
  for (const t of types) st.openBin(t);
  return first;
}

/**
 * Cover first (heterogeneous bins): choose bins greedily by useful capacity per cost, where a coordinate's
 * capacity counts only up to the demand still uncovered, until the demand (plus `slack`) is covered; open
 * them largest first and fill them one at a time by the L2 rule (bin-centric, so each bin gets items that
 * suit its shape). Items left over get a cover of their own from the types that hold the largest of them,
 * and so on; bins left empty are closed after each round.
 */
export function coverFirst(st: PackState, ctx: Ctx, slack: number): boolean {
  const p = st.p;
  const { C, sizes } = p;
  const need = new Float64Array(C);
  let rest: number[] = [];
  for (let i = 0; i < p.n; i++) {
    if (st.binOf[i] >= 0 || p.fixedOf[i] >= 0) continue;
    rest.push(i);
    for (let c = 0; c < C; c++) need[c] += sizes[i * C + c];
  }
  for (let b = 0; b < st.nb; b++) {
    const cap = p.input.binTypes[st.type[b]].capacity;
    for (let c = 0; c < C; c++) need[c] -= cap[c] - st.loads[b][c];
  }
  const total = Float64Array.from(need, (v) => Math.max(v * (1 + slack), 0));
  need.set(total);
  const types = pickCover(st, need, total, () => true, rest.length);
  for (let round = 0; rest.length > 0 && round < 32; round++) {
    const firstNew = openSorted(st, round === 0 ? types : coverFor(st, rest, slack));
    if (round > 0 && firstNew === st.nb) break;
    // The first round also tops up the bins open before (pinned ones); later ones fill only their own bins.
    const left = fillBins(st, ctx, round === 0 ? 0 : firstNew, rest);
    if (left === null) return false;
    rest = left;
    // An empty bin is of a type no left-over item fits: closing it keeps the bin count within the items.
    st.closeEmpty();
  }
  for (const i of rest) if (st.binOf[i] < 0) openFor(st, i);
  st.closeEmpty();
  return true;
}

/** Cover for the items left over: their demand, from the types that can hold the largest of them. */
function coverFor(st: PackState, rest: number[], slack: number): number[] {
  const p = st.p;
  const { C, sizes } = p;
  let first = rest[0];
  for (const i of rest) if (p.weight[i] > p.weight[first]) first = i;
  const need = new Float64Array(C);
  for (const i of rest) for (let c = 0; c < C; c++) need[c] += sizes[i * C + c] * (1 + slack);
  const total = Float64Array.from(need);
  return pickCover(st, need, total, (t) => p.fitsType[first * p.T + t] === 1, rest.length);
}
