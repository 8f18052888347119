/**
 * Types the engine's stages share (the packer they are given, phases, progress, run options), so the stages
 * import these rather than each other: engine.ts drives classes/class-pack.ts, classes/class-improve.ts and
 * plan/assemble.ts, and none of them imports engine.ts. The progress and pacing shape comes from pack/types.ts.
 */
import type { PackInput, PackOptions, PackSolution, Reporting, SearchProgress } from './pack/types.ts';
import type { Plan } from './plan.ts';
import type { Effort } from '../model/effort.ts';

/** The packer the engine is given (core/engine/pack implements it; tests inject others). */
export type Packer = {
  pack: (input: PackInput, options: PackOptions) => PackSolution;
  lowerBound?: (input: PackInput) => number;
};

export type EnginePhase = 'sizing' | 'sites' | 'links' | 'pack' | 'improve' | 'done';

export type EngineProgress = SearchProgress & {
  /** fraction: of the whole run; bestCost: total cost of the best plan so far. */
  phase: EnginePhase;
  /** Hosts of the best plan so far (0 before the first plan). */
  hosts: number;
};

/** progressEveryMs (how often the packer reports) defaults to 20 here. */
export type EngineOptions = Reporting<EngineProgress> & {
  packer: Packer;
  /**
   * How hard to search after the first plan: a level or a number of work units (core/model/effort.ts; 0 = the
   * first plan only; Infinity = until every class converges, for "Keep improving"). The search runs rounds of
   * ROUND_UNITS in a fixed order and stops after this many units, so the same project, seed and effort give the
   * same plan on any machine, and a smaller effort is a prefix of a larger one.
   */
  effort: Effort;
  /** The first plan, as soon as it exists, while the search goes on. */
  onPlan?: (plan: Plan) => void;
  /**
   * Each better plan at the end of a search round (assembling a plan costs time, so only when asked): its
   * `search.foundAt` is the effort that replays it.
   */
  onBest?: (plan: Plan) => void;
  /** Work units per search round (default ROUND_UNITS; tests use small rounds to stay quick). */
  roundUnits?: number;
};
