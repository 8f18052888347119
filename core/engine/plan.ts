/**
 * The placement plan: what the engine returns and what the UI, the CLI and the exports read. Plain data
 * (structured-clone friendly); the hourly series are Float32Arrays so a worker can transfer them.
 * Dimensions are always in DIMENSIONS order; series are dims x hours (row-major) over the folded timeline.
 */
import type { EffortLevel } from '../model/effort.ts';

export const DIMENSIONS = ['cpu', 'memory', 'storage', 'iops', 'network'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Units per dimension: CPU in rating units (cores x ratingPerCore), memory and storage GiB, IOPS, Mbps. */
export const DIMENSION_UNITS: Record<Dimension, string> = { cpu: 'rating', memory: 'GiB', storage: 'GiB', iops: 'IOPS', network: 'Mbps' };

/** Months of running cost added to a host's purchase price when comparing plans. */
export const COST_HORIZON_MONTHS = 36;
/** The estate's cost horizon in months: its own setting, else COST_HORIZON_MONTHS. */
export const horizonMonthsOf = (estate: { horizonMonths?: number }): number => estate.horizonMonths ?? COST_HORIZON_MONTHS;
/** Rack units per rack when converting host rack units to racks. */
export const RACK_UNITS_PER_RACK = 42;

export type PlacementReason =
  | 'cheapest-feasible'
  | 'forced-by-dr'
  | 'forced-by-zone'
  | 'forced-by-affinity'
  | 'forced-by-latency'
  | 'pinned'
  | 'stays-physical'
  | 'unplaced';

export type Assignment = {
  serverId: string;
  sourceDataCentreId: string;
  /** null when unplaced. */
  targetDataCentreId: string | null;
  /** Host label like "dc-chi-h001"; null when physical or unplaced. */
  hostLabel: string | null;
  reason: PlacementReason;
  /** One line a consultant can read, e.g. "zone pci may only run in dc-a". */
  detail: string;
};

export type HostPlan = {
  label: string;
  dataCentreId: string;
  hostModelId: string;
  /** Compatibility class (zone/department/environment), plus `|pool:<licence model ids>` on a licence-pool host. */
  classKey: string;
  serverIds: string[];
  /** The N+1 spare: no servers. */
  spare: boolean;
  /** Peak over the hours of the summed demand, per dimension. */
  peak: Record<Dimension, number>;
  /** Usable capacity per dimension (after headroom). */
  capacity: Record<Dimension, number>;
  /** vCPUs placed and the vCPU limit (host cores x overcommit). */
  vcpus: number;
  vcpuLimit: number;
  /** Summed demand, dims x hours. */
  load: Float32Array;
};

export type SiteSummary = {
  dataCentreId: string;
  hostModelId: string;
  servers: number;
  physicalServers: number;
  hosts: number;
  spareHosts: number;
  bound: number;
  gapPct: number;
  powerKw: number;
  powerLimitKw: number;
  racks: number;
  rackLimit: number;
  cost: number;
};

export type LinkOverload = {
  /** Hours (0-based on the 168 h week, Sunday 00:00 UTC) when the load exceeds the bandwidth. */
  hours: number[];
  peakMbps: number;
  /** Flows on the link in its worst hour, heaviest first (at most 10). */
  topFlows: { flowId: string; mbps: number }[];
};

export type LinkLoad = {
  linkId: string;
  bandwidthMbps: number;
  /** Load per hour of the week (168 values, both directions summed). */
  before: Float32Array;
  after: Float32Array;
  overloadBefore: LinkOverload | null;
  overloadAfter: LinkOverload | null;
};

/** The search settings a plan ran with, and what ended the search. */
export type SearchSettings = {
  /** The effort asked for: a level, or 'custom' for a number of work units (core/model/effort.ts). Absent in plans saved before effort levels. */
  effort?: EffortLevel | 'custom';
  /** Work units of that effort (null: first plan only, no search). */
  iterations: number | null;
  /**
   * Work units (as allotted, in the search's fixed order) by which this plan's packing had been found: a run
   * at that effort (`cwb plan --effort <foundAt>`) gives the same plan. 0 = the first plan's packing. Absent in
   * plans saved before effort levels.
   */
  foundAt?: number;
  /** Always 0: the clock no longer bounds a search (kept for plans saved before effort levels). */
  budgetMs: number;
  /**
   * first-plan: no search (or this is the first plan of a run that goes on); iterations: the work units were
   * spent; done: every class finished early (at its bound or stalled). budget and cancelled: older plans only.
   */
  stoppedBy: 'first-plan' | 'budget' | 'iterations' | 'done' | 'cancelled';
};

export type Bounds = {
  /**
   * Per site: the best of the bounds below (plus the N+1 spare). `classes` sums the class bounds, which
   * respect maintenance windows, anti-affinity cliques and, for classes packed in licence pools, the pools.
   * `hardRules` is the same bound without the licence-pool structure (what any plan obeying the rules needs).
   * `ownPools` bounds this plan's own structure: every class it keeps in licence pools with its pools apart.
   */
  perSite: Record<string, { peakOfSum: number; classes: number; antiAffinity: number; bound: number; hardRules?: number; ownPools?: number }>;
  total: number;
  /** Sum of the sites' `hardRules` bounds (<= total). */
  hardRules?: number;
  /**
   * Sum of the sites' `ownPools` bounds (>= total): a lower bound on the hosts of any plan that keeps this
   * plan's licence pools apart. A class packed both ways keeps the cheaper, so `total` counts its pools only when it
   * is always pooled (a bound for every plan of a run); this one is for this plan, and says how well the
   * packing fills the structure the cost chose (licence pools spend hosts to save per-host licences).
   */
  ownPools?: number;
  /**
   * Lower bound on `cost.total` for the servers placed (cost-bound.ts): the objective's own gap, where the
   * host gap also counts hosts a plan spends on purpose to save licences.
   */
  cost?: number;
};

export type CostBreakdown = {
  horizonMonths: number;
  hostPurchase: number;
  hostRunning: number;
  /** Per licence model: cost over the plan. */
  /** boundUnits: lower bound on per-host licence units (hosts that must carry the product), when per host. */
  licences: { licenceModelId: string; metric: string; units: number; cost: number; boundUnits?: number }[];
  licenceTotal: number;
  total: number;
};

export type Unplaced = { serverId: string; blockedBy: string[] };

export type Violation = {
  kind: 'pin' | 'dr' | 'zone' | 'latency' | 'facility' | 'affinity' | 'anti-affinity' | 'capacity';
  serverIds: string[];
  message: string;
};

export type GapFill = {
  serverId: string;
  /** Hours with at least one missing metric in the source series. */
  gapHours: number;
  /** Folded hour buckets that had no sample and were filled. */
  filledBuckets: number;
  method: 'hour-of-day max' | 'p95' | 'nameplate';
};

export type Plan = {
  scenarioId: string;
  seed: number;
  /** Hours of the folded timeline (24 or 168). */
  hours: number;
  assignments: Assignment[];
  hosts: HostPlan[];
  sites: SiteSummary[];
  links: LinkLoad[];
  bounds: Bounds;
  hostsUsed: number;
  gapPct: number;
  cost: CostBreakdown;
  unplaced: Unplaced[];
  violations: Violation[];
  gapFills: GapFill[];
  /** false for the first (constructive) plan, true once the search budget is spent or stopped. */
  final: boolean;
  /** The search settings the plan ran with (set by the engine). */
  search?: SearchSettings;
};

/** The Float32Array buffers in a plan, for postMessage transfer lists. */
export function planTransferables(plan: Plan): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: Float32Array) => {
    if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  for (const h of plan.hosts) add(h.load);
  for (const l of plan.links) {
    add(l.before);
    add(l.after);
  }
  return out;
}

export function gapPercent(used: number, bound: number): number {
  if (bound <= 0) return used > 0 ? 100 : 0;
  return ((used - bound) / bound) * 100;
}
