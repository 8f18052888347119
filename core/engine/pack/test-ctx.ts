/** A search context for the packer's unit tests: the given clock, seed 1, no deadline, offers ignored. */
import { createRng } from '../../util/random.ts';
import { Control, type Ctx } from './control.ts';
import type { PackProgress } from './types.ts';

export function testCtx(now: () => number, onProgress?: (p: PackProgress) => void): Ctx {
  return {
    ctl: new Control(now, 50, undefined),
    rng: createRng(1),
    deadline: Infinity,
    lbCost: 0,
    offer: () => false,
    best: () => ({ unplaced: 0, cost: Infinity }),
    progress: (phase, fraction) => onProgress?.({ phase, fraction, bestCost: 0, bestBins: 0 }),
  };
}
