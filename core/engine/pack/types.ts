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

export type PackProgress = {
  phase: 'construct' | 'improve';
  /** 0..1 of the time budget (improve) or of the items (construct). */
  fraction: number;
  bestCost: number;
  bestBins: number;
};

export type PackOptions = {
  rng: Rng;
  /** Monotonic milliseconds (injected: core has no clock). */
  now: () => number;
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
  /** Progress, at least every `progressEveryMs` of the injected clock (the clock never changes the packing). */
  onProgress?: (progress: PackProgress) => void;
  /** How often progress is reported (ms). Default 50. */
  progressEveryMs?: number;
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
