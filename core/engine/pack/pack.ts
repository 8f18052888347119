/**
 * The packer's entry point. `pack` is a plain function: it reports progress through `onProgress` at least every
 * `progressEveryMs` (the clock only paces the reports) and returns the best packing found. Order of work: pinned
 * items; a fast best-fit-decreasing pass (the first feasible solution); then, within `budgetMs`, other
 * constructive rules (the best is kept), bin elimination by consistent neighbourhood search, licence
 * sharing, and load balancing. It stops early at the cost lower bound or when `shouldStop()` turns true.
 */
import { costLowerBound } from './bounds.ts';
import { binCentric, finishFast, itemCentric, orderItems, placeFixed, type Ordering } from './construct.ts';
import { coverFirst } from './cover.ts';
import { Control, expired, lessCost, type Ctx } from './control.ts';
import { eliminate } from './improve.ts';
import { balance, downsize, shareLicences } from './polish.ts';
import { prepareProblem, type Problem } from './problem.ts';
import { Heartbeat } from '../../util/progress.ts';
import { PackState } from './state.ts';
import type { PackInput, PackOptions, PackProgress, PackSolution } from './types.ts';

type Variant =
  | { kind: 'item'; ordering: Ordering; bestFit: boolean }
  | { kind: 'bin'; rule: 'dot' | 'l2' }
  | { kind: 'cover'; slack: number };

/** Summed squared normalised load: lower is better balanced (for equal cost). */
function imbalance(st: PackState): number {
  const { C } = st.p;
  let s = 0;
  for (let b = 0; b < st.nb; b++) {
    const cap = st.p.input.binTypes[st.type[b]].capacity;
    const load = st.loads[b];
    for (let c = 0; c < C; c++) {
      const f = cap[c] > 0 ? load[c] / cap[c] : 0;
      s += f * f;
    }
  }
  return s;
}

function unplacedCount(st: PackState): number {
  let u = 0;
  for (let i = 0; i < st.p.n; i++) if (st.binOf[i] < 0) u++;
  return u;
}

/** Bin-centric rules run only when n^2 x C x min(T, 16) stays within this (work of a scan per placement). */
export const BIN_CENTRIC_MAX_WORK = 2e8;
/**
 * ... and, with a time budget, within the budget's ms times this: on time-series items (hundreds of
 * coordinates) in large stages the two O(n^2 x C) rules would eat the stage's budget that the bin
 * elimination search uses better (50k estate: -0.5% cost); small problems and short vectors keep them.
 */
export const BIN_CENTRIC_WORK_PER_MS = 1e5;

/** The constructive rules the search tries, in order (exported for tests). */
export function variants(p: Problem, budgetMs: number, iterations: number): Variant[] {
  const list: Variant[] = [
    ...(p.T > 1 ? [0, 0.02, 0.05].map((slack): Variant => ({ kind: 'cover', slack })) : []),
    { kind: 'bin', rule: 'dot' },
    { kind: 'bin', rule: 'l2' },
    { kind: 'item', ordering: 'max', bestFit: true },
    { kind: 'item', ordering: 'sq', bestFit: true },
  ];
  // Bin-centric rules cost O(n^2 x C), times the trial fills that pick each bin's type: keep them for
  // inputs where that stays small.
  const work = p.n * p.n * p.C * Math.min(p.T, 16);
  const affordable = work <= BIN_CENTRIC_MAX_WORK && (iterations > 0 || work <= budgetMs * BIN_CENTRIC_WORK_PER_MS);
  return affordable ? list : list.filter((v) => v.kind !== 'bin');
}

/** Build a packing with one constructive rule; false when cut short by the deadline or a stop. */
function build(st: PackState, ctx: Ctx, v: Variant): boolean {
  if (v.kind === 'item') return itemCentric(st, ctx, orderItems(st, v.ordering), v.bestFit);
  if (v.kind === 'cover') return coverFirst(st, ctx, v.slack);
  return binCentric(st, ctx, v.rule);
}

export function pack(input: PackInput, options: PackOptions): PackSolution {
  // Set-up steps (a large class's problem takes a good part of a second to prepare) report this value until
  // the search's own progress exists.
  const setup: PackProgress = { phase: 'construct', fraction: 0, bestCost: Infinity, bestBins: 0 };
  const report = options.onProgress ?? (() => {});
  const beat = () => report(setup);
  const p = prepareProblem(input, beat);
  const { now, rng } = options;
  const iterations = options.iterations !== undefined && options.iterations > 0 ? options.iterations : 0;
  // With an iteration budget the clock only paces the progress reports.
  const budgetMs = iterations > 0 ? Number.POSITIVE_INFINITY : options.budgetMs;
  const ctl = new Control(now, options.progressEveryMs ?? 50, options.shouldStop);
  const rec: { best: PackSolution | null } = { best: null };
  let bestUnplaced = Infinity;
  let bestCost = Infinity;
  let bestImbalance = Infinity;
  const result = (): PackSolution => {
    if (rec.best === null) throw new Error('packer finished without a solution');
    return rec.best;
  };
  let phaseStart = now();
  let searching = false;

  const offer = (st: PackState): boolean => {
    st.closeEmpty();
    const u = unplacedCount(st);
    const cost = st.totalCost();
    let better = u < bestUnplaced || (u === bestUnplaced && lessCost(cost, bestCost));
    let imb = Infinity;
    if (!better && u === bestUnplaced && !lessCost(bestCost, cost)) {
      imb = imbalance(st);
      better = imb < bestImbalance - 1e-9;
    }
    if (!better) return false;
    rec.best = st.toSolution();
    bestUnplaced = u;
    bestCost = cost;
    bestImbalance = Number.isFinite(imb) ? imb : imbalance(st);
    options.onImprove?.(rec.best);
    return true;
  };
  // The cost bound is only needed once the search runs (it costs as much as the first packing on big inputs).
  let lbCost: number | null = null;
  const ctx: Ctx = {
    ctl,
    rng,
    deadline: Infinity,
    get lbCost() {
      if (lbCost === null) lbCost = costLowerBound(p);
      return lbCost;
    },
    offer,
    best: () => ({ unplaced: bestUnplaced, cost: bestCost }),
    progress: (phase, fraction) => report({
      phase,
      // With a search to come, the fraction is the search's share done (0 while the first packing is built; the
      // other constructive rules count as search), so it never goes back; without one, the items placed.
      fraction: Math.min(1, Math.max(0, phase === 'improve' || searching ? searchFraction() : budgetMs > 0 ? 0 : fraction)),
      bestCost,
      bestBins: rec.best === null ? 0 : rec.best.binType.length,
    }),
  };
  let workStart = 0;
  function searchFraction(): number {
    if (iterations > 0) return (ctl.work - workStart) / iterations;
    return budgetMs > 0 ? (now() - phaseStart) / budgetMs : 0;
  }
  const atBound = (): boolean => bestUnplaced === 0 && !lessCost(ctx.lbCost, bestCost);

  // First feasible solution: the given packing (warm start), else best fit decreasing by summed normalised size.
  let st = new PackState(p);
  placeFixed(st);
  const warm = options.initial !== undefined && options.initial.binOf.length === p.n;
  if (warm) seedPacking(st, options.initial!, beat);
  itemCentric(st, ctx, orderItems(st, 'sum'), true);
  if (ctl.stopped) finishFast(st);
  downsize(st);
  offer(st);
  ctx.progress('construct', 1);
  if (ctl.stopped || budgetMs <= 0 || p.n === 0) return result();

  phaseStart = now();
  workStart = ctl.work;
  searching = true;
  // The cost bound: the search always needs it (lazily before), and on big inputs it takes as long as the first
  // packing, so it is computed here, reporting progress. Not a work unit of the search: iteration budgets are unchanged.
  if (lbCost === null) lbCost = costLowerBound(p, () => ctx.progress('improve', 0));
  const budgetEnd = phaseStart + budgetMs;
  // Leave a twentieth of the budget for the finishing moves when they have work to do.
  ctx.deadline = iterations > 0 ? Number.POSITIVE_INFINITY : budgetEnd - budgetMs * 0.05;
  if (iterations > 0) ctl.workLimit = workStart + Math.max(1, Math.floor(iterations * 0.95));
  for (const v of warm ? [] : variants(p, budgetMs, iterations)) {
    if (expired(ctx) || atBound()) break;
    const next = new PackState(p);
    placeFixed(next);
    const complete = build(next, ctx, v);
    if (!complete) break;
    downsize(next);
    if (offer(next)) st = next;
  }
  if (!ctl.stopped && !atBound()) eliminate(st, ctx, searchFraction);
  if (!ctl.stopped) {
    ctx.deadline = iterations > 0 ? Number.POSITIVE_INFINITY : budgetEnd;
    if (iterations > 0) ctl.workLimit = workStart + Math.max(1, Math.floor(iterations));
    shareLicences(st, ctx);
    downsize(st);
    offer(st);
    if (!ctl.stopped) balance(st, ctx);
    offer(st);
  }
  return result();
}

/** Open the initial packing's bins and put its items back (those that fit; the rest are left out). */
function seedPacking(st: PackState, initial: Pick<PackSolution, 'binOf' | 'binType'>, beat: () => void): void {
  const { p } = st;
  const meter = new Heartbeat(beat);
  const opened = new Int32Array(initial.binType.length).fill(-1);
  for (let b = 0; b < st.F && b < opened.length; b++) opened[b] = b;
  for (let b = st.F; b < initial.binType.length; b++) {
    const t = initial.binType[b];
    if (t >= 0 && t < p.T && st.canOpen(t)) opened[b] = st.openBin(t);
  }
  for (let i = 0; i < p.n; i++) {
    const b = initial.binOf[i];
    if (st.binOf[i] >= 0 || p.fixedOf[i] >= 0 || b < 0 || b >= opened.length) continue;
    const g = opened[b];
    if (g >= 0 && st.fits(i, g)) st.add(i, g);
    meter.add(2 * p.C);
  }
}
