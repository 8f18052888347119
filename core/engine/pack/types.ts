/**
 * The generic packing problem the placement engine solves inside one site (and the benchmarks solve on their
 * own): items with sizes over C coordinates (dimensions x time steps, flattened) go into bins; a bin fits
 * when, in every coordinate, the sum of its items' sizes is at most the bin type's capacity (peak of sums,
 * not sum of peaks). Objective: lowest total cost = sum of bin type costs + licence costs, then balance.
 */
import type { Rng } from '../../util/random.ts';

export type BinType = {
  /** Capacity per coordinate (length = coords). */
  capacity: Float64Array;
  /** Cost of opening one bin of this type. */
  cost: number;
  /** How many bins of this type may be opened (Infinity = unlimited). */
  available: number;
};

export type PackInput = {
  /** Coordinates per item: dimensions x time steps, flattened. */
  coords: number;
  itemCount: number;
  /** Item sizes, itemCount x coords, row-major. */
  sizes: Float64Array;
  binTypes: BinType[];
  /** Pairs of item indices that must not share a bin (anti-affinity), flattened [a0, b0, a1, b1, ...]. */
  conflicts?: Int32Array;
  /** Licensing: products used by each item (indices into productCost's columns). */
  itemProducts?: readonly (readonly number[])[];
  /** Licensing: cost a bin of type t pays once for product p when any of its items uses p: productCost[t][p]. */
  productCost?: readonly (readonly number[])[];
  /** Items fixed to a bin before packing (pinned): itemIndex -> bin index among `fixedBins`. */
  fixed?: ReadonlyMap<number, number>;
  /** Bins that exist before packing (for pins), by bin type index. */
  fixedBins?: readonly number[];
};

/** Progress of a search, as the packer and the engine report it (each adds its phase and what it counts). */
export type SearchProgress = {
  /** 0..1 of the work asked for. */
  fraction: number;
  /** Best cost so far (NaN before the first solution). */
  bestCost: number;
};

/** How a search reports progress: the packer's options and the engine's run options both take these. */
export type Reporting<P> = {
  /** Monotonic milliseconds (injected: core has no clock). It only paces progress reports, never the result. */
  now: () => number;
  /** Progress, at least every `progressEveryMs` of `now`. */
  onProgress?: (progress: P) => void;
  /** How often progress is reported (ms of `now`). */
  progressEveryMs?: number;
};

export type PackProgress = SearchProgress & {
  /** fraction: of the time budget or work units (improve) or of the items (construct). */
  phase: 'construct' | 'improve';
  bestBins: number;
};

/** progressEveryMs defaults to 50 here. */
export type PackOptions = Reporting<PackProgress> & {
  rng: Rng;
  /** Time for the improvement search after the first solution; 0 = constructive only. */
  budgetMs: number;
  /**
   * Work units for the improvement search instead of time: when set (> 0) the search runs for that many
   * units and the clock never ends it (budgetMs is ignored), so a seed gives the same packing anywhere.
   */
  iterations?: number;
  /** Called with each better solution as it is found. */
  onImprove?: (solution: PackSolution) => void;
  /** Checked often; true stops the search and returns the best so far. */
  shouldStop?: () => boolean;
  /**
   * A packing to improve instead of building one (warm start): bin per item (fixed bins first, -1 = to be
   * placed) and bin types. Items it does not place, or that no longer fit, are placed by best fit. With it
   * the search skips the other constructive rules and goes straight to bin elimination.
   */
  initial?: Pick<PackSolution, 'binOf' | 'binType'>;
};

export type PackSolution = {
  /** Bin index of each item (-1 when an item fits no bin type at all). */
  binOf: Int32Array;
  /** Bin type of each bin. */
  binType: Int32Array;
  /** Total cost: bins plus licences. */
  cost: number;
  /** Items that fit no bin (too big for every bin type, or in conflict with everything). */
  unplaced: number[];
};
