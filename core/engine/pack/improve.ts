/**
 * Improvement by emptying bins, after the consistent neighbourhood search of Buljubasic & Vasquez (and
 * Gabay & Zaourar for vector packing): take the least efficient bin out, put its items in a pool, and run a
 * tabu search over exchanges between the pool and the bins (0..2 items out for 1..2 items in, bins always
 * feasible) that pushes large items into bins and small ones into the pool, until the pool can be
 * inserted. Success saves the bin's cost; failure repairs greedily and keeps the result when it is no worse.
 */
import { chooseNewType } from './construct.ts';
import { expired, lessCost, type Ctx } from './control.ts';
import { downsize } from './polish.ts';
import { sigCovers } from './room-sig.ts';
import { selectKth } from '../../util/select.ts';
import { restore, snapshot } from './snapshot.ts';
import type { PackState } from './state.ts';

/** Bins examined per tabu iteration (from a random start): keeps an iteration cheap on large packings. */
const SCAN_BINS = 64;

/** Best bin (fullest that fits, least licence first) for item i, or -1. */
export function bestBinFor(st: PackState, i: number): number {
  let chosen = -1;
  let bestLic = Infinity;
  let bestFill = -Infinity;
  const lics = st.p.hasLicences;
  const size = st.p.itemSum[i];
  const slack = st.slackSum;
  // The room signatures (mixed types, few coordinates) reject most bins without reading their loads.
  const sig = st.roomSig;
  const isig = st.sizeSig === null ? 0 : st.sizeSig[i];
  const guard = st.sigGuard;
  for (let b = 0; b < st.nb; b++) {
    if (sig !== null && !sigCovers(sig[b], isig, guard)) continue;
    // Most bins are too full by the summed size alone: the cheapest test first (fits() makes it too).
    if (size > slack[b]) continue;
    // Without licences only a fuller bin can win: test the fill before the (dearer) fit.
    const fill = st.fill(b);
    if (!lics && fill <= bestFill) continue;
    if (!st.fits(i, b)) continue;
    const lic = st.licenceDelta(i, b);
    if (lic < bestLic || (lic === bestLic && fill > bestFill)) {
      bestLic = lic;
      bestFill = fill;
      chosen = b;
    }
  }
  return chosen;
}

/** Insert every pool item that fits somewhere (largest first); returns the items left. */
function insertDirect(st: PackState, pool: number[], byWeight: (x: number, y: number) => number): number[] {
  pool.sort(byWeight);
  const left: number[] = [];
  for (const i of pool) {
    const b = bestBinFor(st, i);
    if (b >= 0) st.add(i, b);
    else left.push(i);
  }
  return left;
}

/**
 * Per-search scratch: pool weights (an item's mean normalised size: the search minimises the pool's total),
 * tabu stamps (kept across calls), in-set buffers. */
export type Workspace = {
  pw: Float64Array;
  tabu: Float64Array;
  iter: number;
  inA: Int32Array;
  inB: Int32Array;
  inW: Float64Array;
  /** Summed sizes of each in-set (nIn x C). */
  inS: Float64Array;
  /** Room of the bin being scanned with a rounding margin; plus the first out item; plus the second (C each). */
  room: Float64Array;
  avail1: Float64Array;
  avail: Float64Array;
  /** Victim selection scratch: bin indices and their keys. */
  vIdx: Int32Array;
  vKey: Float64Array;
};

export function workspace(st: PackState): Workspace {
  return {
    pw: st.p.weight,
    tabu: new Float64Array(st.p.n),
    iter: 0,
    inA: new Int32Array(0),
    inB: new Int32Array(0),
    inW: new Float64Array(0),
    inS: new Float64Array(0),
    room: new Float64Array(st.p.C),
    avail1: new Float64Array(st.p.C),
    avail: new Float64Array(st.p.C),
    vIdx: new Int32Array(0),
    vKey: new Float64Array(0),
  };
}

/** Insert (a, b, w) into the first n in-sets, kept by decreasing w (the lists are short); returns n + 1. */
function insertSorted(ws: Workspace, n: number, a: number, b: number, w: number): number {
  const { inA, inB, inW } = ws;
  let k = n;
  while (k > 0 && inW[k - 1] < w) {
    inA[k] = inA[k - 1];
    inB[k] = inB[k - 1];
    inW[k] = inW[k - 1];
    k--;
  }
  inA[k] = a;
  inB[k] = b;
  inW[k] = w;
  return n + 1;
}

/** Pool items (and non-conflicting pairs of them when the pool is small) by decreasing weight. */
function buildInSets(st: PackState, ws: Workspace, left: number[]): number {
  const L = left.length;
  const cap = L + (L <= 24 ? (L * (L - 1)) / 2 : 0);
  if (ws.inA.length < cap) {
    ws.inA = new Int32Array(cap * 2);
    ws.inB = new Int32Array(cap * 2);
    ws.inW = new Float64Array(cap * 2);
  }
  const pw = ws.pw;
  let n = 0;
  for (let x = 0; x < L; x++) {
    n = insertSorted(ws, n, left[x], -1, pw[left[x]]);
    if (L <= 24) {
      for (let y = x + 1; y < L; y++) if (!st.conflicts(left[x], left[y])) n = insertSorted(ws, n, left[x], left[y], pw[left[x]] + pw[left[y]]);
    }
  }
  return n;
}

/**
 * Tabu search that tries to absorb the pool into the open bins. Returns true when the pool is empty; on
 * false the pool array holds the items still out.
 */
export function absorb(st: PackState, ctx: Ctx, ws: Workspace, pool: number[], maxStall: number): boolean {
  const p = st.p;
  const { C, sizes } = p;
  const { pw, tabu } = ws;
  const quick = p.T > 1;
  const rng = ctx.rng;
  const byWeight = (x: number, y: number): number => pw[y] - pw[x] || x - y;
  let left = insertDirect(st, pool, byWeight);
  let bestW = Infinity;
  let stall = 0;
  while (left.length > 0) {
    const iter = ++ws.iter;
    let poolW = 0;
    for (const i of left) poolW += pw[i];
    if (poolW < bestW - 1e-12) {
      bestW = poolW;
      stall = 0;
    } else if (++stall > maxStall) break;
    if (ctx.ctl.due()) ctx.progress('improve', 0);
    if (expired(ctx)) break;

    const nIn = buildInSets(st, ws, left);
    const { inA, inB, inW, room, avail1, avail } = ws;
    if (ws.inS.length < nIn * C) ws.inS = new Float64Array(ws.inA.length * C);
    const inS = ws.inS;
    for (let q = 0; quick && q < nIn; q++) {
      const a1 = inA[q] * C;
      const a2 = inB[q] * C;
      for (let c = 0; c < C; c++) inS[q * C + c] = sizes[a1 + c] + (a2 >= 0 ? sizes[a2 + c] : 0);
    }
    let bestGain = -Infinity;
    let mBin = -1;
    let mO1 = -1;
    let mO2 = -1;
    let mQ = -1;
    const start = rng.int(0, Math.max(0, st.nb - 1));
    const scan = Math.min(st.nb, SCAN_BINS);
    let work = 0;
    for (let k = 0; k < scan; k++) {
      // Big bins or long rows make one iteration slow: hand control back between bins when due.
      if (work > 4096) {
        work = 0;
        if (ctx.ctl.due()) {
          ctx.progress('improve', 0);
          if (expired(ctx)) break;
        }
      }
      const b = (start + k) % st.nb;
      const mem = st.members[b];
      const m = mem.length;
      const pairs = m <= 20;
      const h = st.hint[b];
      // For the quick test: room per coordinate with a margin for rounding (so it never rejects an exchange
      // that fits), then plus each out item; each computed when first needed (most out-sets end on the gain).
      const cap = p.caps[st.type[b]];
      const load = st.loads[b];
      let roomReady = false;
      for (let x = 0; x < m; x++) {
        const o1 = mem[x];
        if (tabu[o1] > iter || p.fixedOf[o1] >= 0) continue;
        let avail1Ready = false;
        for (let y = pairs ? x : m - 1; y < m; y++) {
          const o2 = y === x ? -1 : mem[y];
          if (o2 >= 0 && (tabu[o2] > iter || p.fixedOf[o2] >= 0)) continue;
          const wOut = pw[o1] + (o2 >= 0 ? pw[o2] : 0);
          let ready = false;
          for (let q = 0; q < nIn; q++) {
            work += 1 + (C >> 5);
            const gain = inW[q] - wOut;
            if (gain <= bestGain) break;
            if (gain < 1e-12 && gain > -1e-12) continue;
            // Mixed types: a quick necessary test before the exact one, the in-set's summed sizes against the
            // bin's room plus the out-set. (With one type the exact test alone is as fast: it often accepts on
            // the bin's least room or rejects on the coordinate that failed last.)
            if (quick && !ready) {
              ready = true;
              if (!avail1Ready) {
                avail1Ready = true;
                if (!roomReady) {
                  roomReady = true;
                  for (let c = 0; c < C; c++) room[c] = cap[c] - load[c] + 1e-9 * (Math.abs(cap[c]) + Math.abs(load[c]));
                }
                const b1 = o1 * C;
                for (let c = 0; c < C; c++) avail1[c] = room[c] + sizes[b1 + c];
              }
              if (o2 >= 0) {
                const b2 = o2 * C;
                for (let c = 0; c < C; c++) avail[c] = avail1[c] + sizes[b2 + c];
              } else avail.set(avail1);
            }
            if (quick) {
              const off = q * C;
              if (inS[off + h] > avail[h]) continue;
              let c = 0;
              while (c < C && inS[off + c] <= avail[c]) c++;
              if (c < C) continue;
            }
            if (!st.fitsExchange(b, o1, o2, inA[q], inB[q])) continue;
            bestGain = gain;
            mBin = b;
            mO1 = o1;
            mO2 = o2;
            mQ = q;
            break;
          }
        }
      }
    }
    if (mQ < 0 || expired(ctx)) break;
    const a = inA[mQ];
    const b2 = inB[mQ];
    st.remove(mO1);
    if (mO2 >= 0) st.remove(mO2);
    st.add(a, mBin);
    if (b2 >= 0) st.add(b2, mBin);
    const tenure = iter + rng.int(3, 6 + left.length);
    tabu[a] = tenure;
    if (b2 >= 0) tabu[b2] = tenure;
    // Items already in the pool fitted no bin before this move, and only mBin changed since: try them
    // there; the items just taken out try every bin.
    const next: number[] = [];
    for (const i of left) {
      if (i === a || i === b2) continue;
      if (st.fits(i, mBin)) st.add(i, mBin);
      else next.push(i);
    }
    const out = mO2 >= 0 ? [mO1, mO2] : [mO1];
    for (const i of insertDirect(st, out, byWeight)) next.push(i);
    left = next;
  }
  pool.length = 0;
  pool.push(...left);
  return left.length === 0;
}

/**
 * The non-fixed bin to empty next: little weight per unit of cost, chosen with a bias to the worst (the
 * bin of rank floor(u^3 x count) by that key, found by selection rather than a sort).
 */
function pickVictim(st: PackState, ctx: Ctx, ws: Workspace): number {
  const count = st.nb - st.F;
  if (count <= 0) return -1;
  if (ws.vIdx.length < st.nb) {
    ws.vIdx = new Int32Array(st.type.length);
    ws.vKey = new Float64Array(st.type.length);
  }
  const { vIdx, vKey } = ws;
  for (let b = st.F; b < st.nb; b++) {
    vIdx[b - st.F] = b;
    vKey[b] = st.wsum[b] / Math.max(1e-12, st.binCost(b));
  }
  const u = ctx.rng.next();
  return selectKth(vIdx, count, vKey, Math.floor(u * u * u * count));
}

/** Repack what is left of a pool greedily (existing bins first, then new ones). */
function repair(st: PackState, pool: number[]): void {
  pool.sort((x, y) => st.p.weight[y] - st.p.weight[x] || x - y);
  for (const i of pool) {
    const b = bestBinFor(st, i);
    if (b >= 0) st.add(i, b);
    else {
      const t = chooseNewType(st, i);
      if (t >= 0) st.add(i, st.openBin(t));
    }
  }
}

function unplacedCount(st: PackState): number {
  let u = 0;
  for (let i = 0; i < st.p.n; i++) if (st.binOf[i] < 0) u++;
  return u;
}

/** Failed elimination steps in a row after which the absorb stall limit doubles (mixed bin types). */
const STALL_FAILS = 3;

/**
 * The absorb stall limit for mixed bin types: it starts at 1, doubles after STALL_FAILS failed steps in a
 * row and goes back to 1 after a gain (cheap attempts pay again after the packing changed; a search that
 * only finds gains in deep attempts climbs back within a few steps). Updates `s` for a step's outcome.
 */
export function nextEffort(s: { effort: number; fails: number }, better: boolean): void {
  if (better) {
    s.effort = 1;
    s.fails = 0;
  } else if (++s.fails >= STALL_FAILS) {
    s.fails = 0;
    s.effort *= 2;
  }
}

/** Run bin elimination until the deadline, a stop, or the lower bound. */
export function eliminate(st: PackState, ctx: Ctx, fraction: () => number): void {
  const ws = workspace(st);
  let curUnplaced = unplacedCount(st);
  let curCost = st.totalCost();
  const adaptive = st.p.T > 1;
  const stall = { effort: 1, fails: 0 };
  while (!expired(ctx)) {
    const best = ctx.best();
    if (best.unplaced === 0 && !lessCost(ctx.lbCost, best.cost)) return;
    const v = pickVictim(st, ctx, ws);
    if (v < 0) return;
    const snap = snapshot(st);
    const pool = [...st.members[v]];
    const victimType = st.type[v];
    for (const i of pool) st.remove(i);
    st.closeBin(v);
    // Heterogeneous bins: half the time, replace the bin by an empty one of a cheaper type instead.
    if (st.p.T > 1 && ctx.rng.chance(0.5)) {
      const cheaper: number[] = [];
      for (let t = 0; t < st.p.T; t++) if (st.p.costs[t] < st.p.costs[victimType] && st.canOpen(t)) cheaper.push(t);
      if (cheaper.length > 0) st.openBin(ctx.rng.pick(cheaper));
    }
    const full = 20 + 4 * pool.length;
    const maxStall = adaptive ? Math.min(full, stall.effort) : full;
    const firstNew = st.nb;
    const ok = absorb(st, ctx, ws, pool, maxStall);
    if (!ok) repair(st, pool);
    st.closeEmpty();
    // Price the bins opened by the repair at their cheapest fitting type (a full pass is too slow here).
    downsize(st, firstNew - 1);
    const u = unplacedCount(st);
    const cost = st.totalCost();
    nextEffort(stall, u < curUnplaced || (u === curUnplaced && lessCost(cost, curCost)));
    if (u < curUnplaced || (u === curUnplaced && !lessCost(curCost, cost))) {
      curUnplaced = u;
      curCost = cost;
      ctx.offer(st);
    } else restore(st, snap);
    if (ctx.ctl.due()) ctx.progress('improve', fraction());
  }
}
