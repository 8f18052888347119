/**
 * Progress of long pure steps. A step is an ordinary function; it reports how far it got through an optional
 * callback, and the host (a worker posting progress messages, paced by its own clock) decides what to do with
 * it. Nothing here changes what a step computes: where it reports never depends on the clock (core/ has none).
 */

/** How far a step got (0..1 of the step, or any value the step documents); hosts may ignore it. */
export type Tick = (fraction: number) => void;

/** A no-op tick, the default where nobody listens. */
export const noTick: Tick = () => {};

/**
 * Work between two beats of a set-up step (building problems, bounds, loads): about a million coordinate
 * operations, a few milliseconds, so a host can post progress often enough without reading its clock per item.
 */
export const BEAT_WORK = 1 << 20;

/** Work units of one entry's bookkeeping in maps, sets, small arrays or strings (up to a microsecond or so). */
export const PER_ENTRY = 1024;

/**
 * Counts the work of a long step and calls `tick` once per `quantum` units of it, with the step's fraction
 * as last given (steps that report no fraction pass a callback that ignores it).
 */
export class Heartbeat {
  private done = 0;
  private at = 0;

  constructor(
    private readonly tick: Tick = noTick,
    private readonly quantum: number = BEAT_WORK,
  ) {}

  add(units: number, fraction: number = this.at): void {
    this.at = fraction;
    this.done += units;
    if (this.done < this.quantum) return;
    this.done = 0;
    this.tick(fraction);
  }

  /** Beat now (between sub-steps). */
  now(fraction: number = this.at): void {
    this.at = fraction;
    this.done = 0;
    this.tick(fraction);
  }
}
