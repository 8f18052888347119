/**
 * Long pure steps run as generators that yield between slices of counted work, so a worker can answer a cancel
 * and post progress at every yield while where a step yields never depends on the clock (core/ has none).
 */

/**
 * Work between two yields of a set-up step (building problems, bounds, loads): about a million coordinate
 * operations, a few milliseconds. Counted, not timed, so where a step yields never depends on the clock.
 */
export const SLICE_WORK = 1 << 20;

/**
 * Counts the work of a long step that runs inside a generator: `add(units)` is true once a slice's worth
 * has been done since the last true, and the caller then yields (the engine's host checks its clock and its
 * stop flag at every yield, so a cancel is seen within a slice).
 */
export class WorkMeter {
  private done = 0;

  constructor(private readonly quantum: number = SLICE_WORK) {}

  add(units: number): boolean {
    this.done += units;
    if (this.done < this.quantum) return false;
    this.done = 0;
    return true;
  }
}

/** Work units of one entry's bookkeeping in maps, sets, small arrays or strings (up to a microsecond or so). */
export const PER_ENTRY = 1024;

/** Pass on a sliced step's yields as `event(value)` values and return its result. */
export function* relay<V, Y, T>(gen: Generator<V, T>, event: (value: V) => Y): Generator<Y, T> {
  let r = gen.next();
  while (!r.done) {
    yield event(r.value);
    r = gen.next();
  }
  return r.value;
}

/** Run a generator to its end and return its value (for callers that do not slice). */
export function drain<T>(gen: Generator<unknown, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}
