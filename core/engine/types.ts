/**
 * Types the engine's stages share (the packer they are given, phases, progress, run options), so the stages
 * import these rather than each other: engine.ts drives class-pack.ts, class-improve.ts and assemble.ts, and
 * none of them imports engine.ts.
 */
import type { PackInput, PackOptions, PackSolution } from './pack/types.ts';
import type { Plan } from './plan.ts';

/** The packer the engine is given (core/engine/pack implements it; tests inject others). */
export type Packer = {
  pack: (input: PackInput, options: PackOptions) => PackSolution;
  lowerBound?: (input: PackInput) => number;
};

export type EnginePhase = 'sizing' | 'sites' | 'links' | 'pack' | 'improve' | 'done';

export type EngineProgress = {
  phase: EnginePhase;
  /** 0..1 of the whole run. */
  fraction: number;
  /** Best total cost so far (NaN before the first plan). */
  bestCost: number;
  /** Hosts of the best plan so far (0 before the first plan). */
  hosts: number;
};

export type EngineOptions = {
  packer: Packer;
  /** Monotonic milliseconds: only paces progress reports (and a time budget, see budgetMs). */
  now: () => number;
  /** Total time for the improvement search after the first plan (0 = first plan only). */
  budgetMs: number;
  /**
   * Work units for the improvement search instead of time (> 0): shared by classes in proportion to their
   * items, and the clock never ends the search, so the same seed and iterations give the same plan on any
   * machine. budgetMs is then ignored (a stop request still ends the search).
   */
  iterations?: number;
  /** Checked often; true ends the improvement search early (the best plan so far is returned). */
  shouldStop?: () => boolean;
  /** Progress, often (the host paces what it posts by its clock). */
  onProgress?: (progress: EngineProgress) => void;
  /** The first plan, as soon as it exists, while the search goes on. */
  onPlan?: (plan: Plan) => void;
  /** How often the packer reports progress (ms of `now`). Default 20. */
  progressEveryMs?: number;
};
