/**
 * Constructive heuristics: item-centric first/best fit decreasing under several size orderings, and
 * bin-centric filling (Panigrahy et al.'s dot-product and L2-norm rules over sizes normalised by the bin
 * capacity); the cover construction for mixed bin types is in cover.ts. All work on a PackState with the pinned items already placed, and slice their work with
 * `ctx.ctl.due()` (counted) and `ctx.ctl.timeUp()` (clock only, between counted checks that are far apart).
 */
import { expired, type Ctx } from './control.ts';
import type { PackState } from './state.ts';

export type Ordering = 'sum' | 'max' | 'sq';

/**
 * Coordinate operations (candidates scanned x coordinates) between clock checks in the constructive loops:
 * their counted checks (`due()`, every 8th placement) can be far apart when each placement scans many items
 * or bins, so they also read the clock (`timeUp()`, not a work unit) after about this much scanning.
 */
export const CLOCK_WORK = 1 << 16;

/** Items by decreasing size under the ordering (ties by index, so it is deterministic). */
export function orderItems(st: PackState, ordering: Ordering): Int32Array {
  const { n, C, sizes, ref, weight } = st.p;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (ordering === 'sum') key[i] = weight[i];
    else {
      let v = 0;
      for (let c = 0; c < C; c++) {
        const x = sizes[i * C + c] / ref[c];
        v = ordering === 'max' ? Math.max(v, x) : v + x * x;
      }
      key[i] = v;
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => key[b] - key[a] || a - b);
}

/** Put pinned items into their fixed bins; a pin that would break a capacity or a conflict stays unplaced. */
export function placeFixed(st: PackState): void {
  const { n, fixedOf } = st.p;
  for (let i = 0; i < n; i++) if (fixedOf[i] >= 0 && st.fits(i, fixedOf[i])) st.add(i, fixedOf[i]);
}

/** The bin type to open for item i: lowest (cost + the item's licences) per unit of size; -1 if none. */
export function chooseNewType(st: PackState, i: number): number {
  const p = st.p;
  let best = -1;
  let bestKey = Infinity;
  for (let t = 0; t < p.T; t++) {
    if (p.fitsType[i * p.T + t] === 0 || !st.canOpen(t)) continue;
    let cost = p.costs[t];
    for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) cost += p.productCost[t][p.prod[k]];
    const key = cost / Math.max(p.typeSize[t], 1e-12);
    if (key < bestKey - 1e-12 || (Math.abs(key - bestKey) <= 1e-12 && p.costs[t] < p.costs[best])) {
      bestKey = key;
      best = t;
    }
  }
  return best;
}

/** Place item i into a new bin of the best type, if any may still be opened. */
export function openFor(st: PackState, i: number): boolean {
  const t = chooseNewType(st, i);
  if (t < 0) return false;
  st.add(i, st.openBin(t));
  return true;
}

/**
 * For each position k of `order`, the least size per coordinate over the items still to place at positions
 * >= k (row k of `min`, C values; Infinity past the end), and the least summed size (`sum`). Per coordinate
 * only for few coordinates (vector packing) and when n x C stays small, else `min` is null and only the sums
 * are kept: with time series (C = dims x hours) testing every coordinate of every live bin that misses an
 * item cost more than it saved (first plan at 50k servers 8 s -> 15 s).
 */
function suffixMinima(st: PackState, order: Int32Array): { min: Float64Array | null; sum: Float64Array } {
  const p = st.p;
  const { C, sizes } = p;
  const L = order.length;
  const sum = new Float64Array(L + 1).fill(Infinity);
  const min = C <= 16 && (L + 1) * C <= 2e6 ? new Float64Array((L + 1) * C).fill(Infinity) : null;
  for (let k = L - 1; k >= 0; k--) {
    const i = order[k];
    const todo = st.binOf[i] < 0 && p.fixedOf[i] < 0;
    sum[k] = todo ? Math.min(sum[k + 1], p.itemSum[i]) : sum[k + 1];
    if (min !== null) {
      for (let c = 0; c < C; c++) {
        const next = min[(k + 1) * C + c];
        min[k * C + c] = todo ? Math.min(next, sizes[i * C + c]) : next;
      }
    }
  }
  return { min, sum };
}

/**
 * Item-centric decreasing fit: each item in `order` goes to the first fitting bin (first fit) or the
 * fullest fitting bin with the least added licence cost (best fit), else to a new bin. Bins only fill up
 * here, so a bin that has no room for the least remaining size in some coordinate is dropped from the scan
 * for good (the choices are the same as scanning every bin, only cheaper once bins are full).
 */
export function itemCentric(st: PackState, ctx: Ctx, order: Int32Array, bestFit: boolean): boolean {
  const p = st.p;
  const lics = p.hasLicences;
  const suffix = suffixMinima(st, order);
  const active = new Int32Array(st.type.length);
  let na = 0;
  for (let b = 0; b < st.nb; b++) active[na++] = b;
  let scanned = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (st.binOf[i] >= 0 || p.fixedOf[i] >= 0) continue;
    let chosen = -1;
    let bestLic = Infinity;
    let bestFill = -Infinity;
    // Dead bins are compacted out as the scan goes (w trails j); a first-fit break keeps the rest as is.
    let w = 0;
    let j = 0;
    for (; j < na; j++) {
      const b = active[j];
      // Without licences only a fuller bin can win: test the fill before the (dearer) fit.
      const fill = st.fill(b);
      if (bestFit && !lics && fill <= bestFill) {
        active[w++] = b;
        continue;
      }
      if (!st.fits(i, b)) {
        if (!isDead(st, b, suffix, k + 1)) active[w++] = b;
        continue;
      }
      active[w++] = b;
      if (!bestFit && !lics) {
        chosen = b;
        break;
      }
      const lic = st.licenceDelta(i, b);
      if (lic < bestLic || (lic === bestLic && fill > bestFill)) {
        bestLic = lic;
        bestFill = fill;
        chosen = b;
        if (!bestFit && lic === 0) break;
      }
    }
    scanned += (j + 1) * p.C;
    if (j < na) {
      for (j++; j < na; j++) active[w++] = active[j];
    }
    na = w;
    if (chosen >= 0) st.add(i, chosen);
    else if (openFor(st, i)) active[na++] = st.binOf[i];
    // Every 8th item is a counted check; in between, the clock alone after a long scan.
    let ready = false;
    if ((k & 7) === 0) ready = ctx.ctl.due();
    else if (scanned >= CLOCK_WORK) ready = ctx.ctl.timeUp();
    if ((k & 7) === 0 || scanned >= CLOCK_WORK) scanned = 0;
    if (ready) {
      ctx.progress('construct', k / order.length);
      if (expired(ctx)) return false;
    }
  }
  return true;
}

/** True when no item at position >= k of the order can fit bin b any more (capacity only). */
function isDead(st: PackState, b: number, suffix: { min: Float64Array | null; sum: Float64Array }, k: number): boolean {
  if (suffix.sum[k] > st.slackSum[b]) return true;
  const min = suffix.min;
  if (min === null) return false;
  const p = st.p;
  const C = p.C;
  const cap = p.caps[st.type[b]];
  const load = st.loads[b];
  for (let c = 0; c < C; c++) if (min[k * C + c] > cap[c] - load[c]) return true;
  return false;
}

/** Finish a packing cut short by a stop: next fit, O(n x C). */
export function finishFast(st: PackState): void {
  const p = st.p;
  let last = -1;
  for (let i = 0; i < p.n; i++) {
    if (st.binOf[i] >= 0 || p.fixedOf[i] >= 0) continue;
    if (last >= 0 && st.fits(i, last)) st.add(i, last);
    else if (openFor(st, i)) last = st.binOf[i];
  }
}

/** Bin type for the next bin of a bin-centric fill: best cost per packed weight over a trial fill. */
function chooseFillType(st: PackState, order: Int32Array, scratch: Float64Array): number {
  const p = st.p;
  const candidates: number[] = [];
  for (let t = 0; t < p.T; t++) if (st.canOpen(t)) candidates.push(t);
  if (candidates.length <= 1) return candidates.length === 1 ? candidates[0] : -1;
  candidates.sort((a, b) => p.costs[a] / p.typeSize[a] - p.costs[b] / p.typeSize[b]);
  let best = -1;
  let bestRatio = Infinity;
  const { C, sizes } = p;
  for (const t of candidates.slice(0, 16)) {
    const cap = p.caps[t];
    scratch.fill(0);
    let packed = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (st.binOf[i] >= 0 || p.fixedOf[i] >= 0 || p.fitsType[i * p.T + t] === 0) continue;
      let ok = true;
      for (let c = 0; c < C && ok; c++) ok = scratch[c] + sizes[i * C + c] <= cap[c];
      if (!ok) continue;
      for (let c = 0; c < C; c++) scratch[c] += sizes[i * C + c];
      packed += p.weight[i];
    }
    if (packed <= 0) continue;
    const ratio = p.costs[t] / packed;
    if (ratio < bestRatio) {
      bestRatio = ratio;
      best = t;
    }
  }
  return best;
}

/**
 * Bin-centric fill: open one bin at a time and keep adding the fitting item that scores best, with the
 * least added licence cost first. 'dot': largest dot product of the item's size with the bin's residual
 * capacity, weighted by the remaining demand per coordinate; 'l2': smallest distance between the two.
 */
export function binCentric(st: PackState, ctx: Ctx, rule: 'dot' | 'l2'): boolean {
  const p = st.p;
  const { C, sizes } = p;
  const rest: number[] = [];
  for (let i = 0; i < p.n; i++) if (st.binOf[i] < 0 && p.fixedOf[i] < 0) rest.push(i);
  const total = rest.length;
  const order = orderItems(st, 'sum');
  const scratch = new Float64Array(C);
  const demand = new Float64Array(C);
  for (const i of rest) for (let c = 0; c < C; c++) demand[c] += sizes[i * C + c] / p.ref[c];
  const inv = new Float64Array(C);
  const wc = new Float64Array(C);
  let b = 0;
  let steps = 0;
  let scanned = 0;
  while (rest.length > 0) {
    if (b >= st.nb) {
      const t = chooseFillType(st, order, scratch);
      if (t < 0) break;
      st.openBin(t);
    }
    const cap = p.caps[st.type[b]];
    const load = st.loads[b];
    let dsum = 0;
    for (let c = 0; c < C; c++) {
      inv[c] = 1 / cap[c];
      dsum += demand[c];
    }
    for (let c = 0; c < C; c++) wc[c] = dsum > 0 ? (demand[c] / dsum) * C : 1;
    for (;;) {
      let bestK = -1;
      let bestLic = Infinity;
      let bestScore = -Infinity;
      for (let k = 0; k < rest.length; k++) {
        // One placement scans every remaining item: a long scan hands control back when the clock says so.
        scanned += C;
        if (scanned >= CLOCK_WORK) {
          scanned = 0;
          if (ctx.ctl.timeUp()) {
            ctx.progress('construct', (total - rest.length) / Math.max(1, total));
            if (expired(ctx)) return false;
          }
        }
        const i = rest[k];
        if (!st.fits(i, b)) continue;
        const lic = st.licenceDelta(i, b);
        if (lic > bestLic) continue;
        let score = 0;
        const off = i * C;
        if (rule === 'dot') {
          for (let c = 0; c < C; c++) score += wc[c] * sizes[off + c] * (cap[c] - load[c]) * inv[c] * inv[c];
        } else {
          for (let c = 0; c < C; c++) {
            const d = (cap[c] - load[c] - sizes[off + c]) * inv[c];
            score -= d * d;
          }
        }
        if (lic < bestLic || score > bestScore) {
          bestLic = lic;
          bestScore = score;
          bestK = k;
        }
      }
      if (bestK < 0) break;
      const i = rest[bestK];
      rest[bestK] = rest[rest.length - 1];
      rest.pop();
      st.add(i, b);
      for (let c = 0; c < C; c++) demand[c] -= sizes[i * C + c] / p.ref[c];
      if ((++steps & 7) === 0 && ctx.ctl.due()) {
        ctx.progress('construct', (total - rest.length) / Math.max(1, total));
        if (expired(ctx)) return false;
      }
    }
    if (st.members[b].length === 0 && b >= st.F) {
      // Nothing left fits this type: drop it and let the remaining items open their own bins.
      st.closeBin(b);
      for (const i of rest) if (st.binOf[i] < 0) openFor(st, i);
      break;
    }
    b++;
  }
  return true;
}
