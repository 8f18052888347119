/**
 * Types the engine's stages share (the packer they are given, phases, progress, run options), so the stages
 * import these rather than each other: engine.ts drives class-pack.ts, class-improve.ts and assemble.ts, and
 * none of them imports engine.ts.
 */
import type { PackInput, PackOptions, PackSolution } from './pack/types.ts';
import type { Plan } from './plan.ts';
import type { Effort } from '../model/effort.ts';

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
  /** Monotonic milliseconds: only paces progress reports; it never changes the plan. */
  now: () => number;
  /**
   * How hard to search after the first plan: a level or a number of work units (core/model/effort.ts; 0 = the
   * first plan only; Infinity = until every class converges, for "Keep improving"). The search runs rounds of
   * ROUND_UNITS in a fixed order and stops after this many units, so the same project, seed and effort give the
   * same plan on any machine, and a smaller effort is a prefix of a larger one.
   */
  effort: Effort;
  /** Progress, often (the host paces what it posts by its clock). */
  onProgress?: (progress: EngineProgress) => void;
  /** The first plan, as soon as it exists, while the search goes on. */
  onPlan?: (plan: Plan) => void;
  /**
   * Each better plan at the end of a search round (assembling a plan costs time, so only when asked): its
   * `search.foundAt` is the effort that replays it.
   */
  onBest?: (plan: Plan) => void;
  /** Work units per search round (default ROUND_UNITS; tests use small rounds to stay quick). */
  roundUnits?: number;
  /** How often the packer reports progress (ms of `now`). Default 20. */
  progressEveryMs?: number;
};
