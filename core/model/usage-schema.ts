/**
 * Sizing evidence (issue 12): what each server's demand can be sized from, besides hourly series.
 * Everything here is optional so projects written before it stay valid and code building servers need not
 * change. See core/engine/sizing/sizing-basis.ts for how the engine uses it and core/model/cpu-catalogue.ts for CPUs.
 */
import { z } from 'zod';
import { NonNeg, Pct } from './scalars.ts';

/** How a server's demand was sized, best first: hourly series, imported summary, RVTools snapshot, allocation. */
export const SizingBasis = z.enum(['measured', 'summary', 'snapshot', 'allocation']);

/** An imported per-server performance summary (the anchors' import templates): percent of allocation. */
export const UsageSummary = z.object({
  cpuAvgPct: Pct.nullable().default(null),
  cpuPeakPct: Pct.nullable().default(null),
  /** A percentile (e.g. the 95th) when the source gives one. */
  cpuPercentilePct: Pct.nullable().default(null),
  memPct: Pct.nullable().default(null),
  iops: NonNeg.nullable().default(null),
  networkMbps: NonNeg.nullable().default(null),
  /** Where it came from, e.g. "perf-summary.csv row 12". */
  source: z.string().default(''),
});

/** One instant's usage from an RVTools export, as percent of the VM's allocation, with what it was read from. */
export const UsageSnapshot = z.object({
  cpuPct: Pct.nullable().default(null),
  memPct: Pct.nullable().default(null),
  /** e.g. "vCPU Overall 3304 MHz", "vInfo CPU Usage %". */
  cpuSource: z.string().default(''),
  memSource: z.string().default(''),
  /** Factors that scale the snapshot so a host's VMs sum to its measured vHost use (1 = not calibrated). */
  cpuCalibration: z.number().finite().positive().default(1),
  memCalibration: z.number().finite().positive().default(1),
  /** The host or cluster the calibration came from, null when none. */
  calibratedBy: z.string().nullable().default(null),
});

export const ServerUsage = z.object({
  snapshot: UsageSnapshot.nullable().default(null),
  summary: UsageSummary.nullable().default(null),
  /** The source host's CPU model text (vHost "CPU Model"), for the rating per core. */
  sourceCpuModel: z.string().nullable().default(null),
});

/** Sizing mode: from usage evidence (default) or like-for-like as allocated. */
export const SizingMode = z.enum(['performance', 'allocated']);
/** What an allocation-only server is assumed to use: a stated utilisation, or the profile of similar servers. */
export const UnmeasuredProfile = z.enum(['assumed', 'similar']);

export type SizingBasis = z.infer<typeof SizingBasis>;
export type UsageSummary = z.infer<typeof UsageSummary>;
export type UsageSnapshot = z.infer<typeof UsageSnapshot>;
export type ServerUsage = z.infer<typeof ServerUsage>;
export type SizingMode = z.infer<typeof SizingMode>;
