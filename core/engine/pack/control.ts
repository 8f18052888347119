/**
 * The search's pacing and shared context: the clock is injected and only paces progress reports (one is due
 * every `progressEveryMs`), and a stop request is sampled on every check. Every check is also one work unit: with a
 * work limit (an iteration budget) the search ends after that many checks whatever the clock says, so the
 * same seed and limit give the same packing on any machine.
 */
import type { Rng } from '../../util/random.ts';
import type { PackState } from './state.ts';
import type { PackProgress } from './types.ts';

export class Control {
  stopped = false;
  private nextYield: number;
  readonly now: () => number;
  private readonly every: number;
  private readonly shouldStop: (() => boolean) | undefined;

  constructor(now: () => number, everyMs: number, shouldStop: (() => boolean) | undefined) {
    this.now = now;
    this.every = everyMs;
    this.shouldStop = shouldStop;
    this.last = now();
    this.nextYield = this.last + everyMs;
  }

  /** The clock as last read by `due()` or `timeUp()`. */
  last: number;
  /** Work units done (calls of `due()`). */
  work = 0;
  /** The search ends when `work` reaches this (Infinity = no iteration budget). */
  workLimit = Number.POSITIVE_INFINITY;

  /** True when the search should report progress now (the clock says so, a stop, or the work limit). */
  due(): boolean {
    if (!this.stopped && this.shouldStop?.() === true) this.stopped = true;
    const t = this.now();
    this.last = t;
    if (++this.work >= this.workLimit) return true;
    if (this.stopped || t >= this.nextYield) {
      this.nextYield = t + this.every;
      return true;
    }
    return false;
  }

  /**
   * True when a progress report is due by the clock or a stop was asked, like `due()` but not a work unit:
   * loops whose work is not counted in checks (a constructive rule's scan over the remaining items) call it to
   * report often enough without changing where an iteration budget ends. A true answer restarts the interval.
   */
  timeUp(): boolean {
    if (!this.stopped && this.shouldStop?.() === true) this.stopped = true;
    const t = this.now();
    this.last = t;
    if (this.stopped || t >= this.nextYield) {
      this.nextYield = t + this.every;
      return true;
    }
    return false;
  }
}

export type Ctx = {
  ctl: Control;
  rng: Rng;
  /** Clock value at which the improvement search ends. */
  deadline: number;
  /** A lower bound on the cost: reaching it ends the search. */
  lbCost: number;
  /** Offer the state's packing; true when it became the new best. */
  offer: (st: PackState) => boolean;
  /** The best (unplaced count, cost) so far, for comparisons. */
  best: () => { unplaced: number; cost: number };
  /** Report progress to the caller (PackOptions.onProgress). */
  progress: (phase: PackProgress['phase'], fraction: number) => void;
};

/** True when the time or work budget is over or a stop was asked (as of the last clock check: no clock read). */
export function expired(ctx: Ctx): boolean {
  return ctx.ctl.stopped || ctx.ctl.work >= ctx.ctl.workLimit || ctx.ctl.last >= ctx.deadline;
}

/** Cost comparison with a relative tolerance (costs are sums of floats). */
export function lessCost(a: number, b: number): boolean {
  return a < b - 1e-9 * Math.max(1, Math.abs(b));
}
