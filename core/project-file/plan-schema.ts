/**
 * The zod schema of a decoded Plan (core/engine/plan.ts): what a saved plan must hold before the app uses it.
 * Unknown extra fields (added by a later engine) are kept as they are, so an older plan and a newer engine's
 * plan both round-trip; the fields the views read are checked here.
 */
import { z } from 'zod';
import { EffortLevel } from '../model/effort.ts';
import { DIMENSIONS, type Plan } from '../engine/plan.ts';

const Id = z.string().max(512);
const Num = z.number();
const Count = z.number().int().nonnegative();
const PerDim = z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, Num])) as Record<(typeof DIMENSIONS)[number], typeof Num>);
const F32 = z.instanceof(Float32Array);

const Assignment = z.object({
  serverId: Id,
  sourceDataCentreId: Id,
  targetDataCentreId: Id.nullable(),
  hostLabel: Id.nullable(),
  reason: z.enum(['cheapest-feasible', 'forced-by-dr', 'forced-by-zone', 'forced-by-affinity', 'forced-by-latency', 'pinned', 'stays-physical', 'unplaced']),
  detail: z.string(),
});

const Host = z.object({
  label: Id,
  dataCentreId: Id,
  hostModelId: Id,
  classKey: z.string(),
  serverIds: z.array(Id),
  spare: z.boolean(),
  peak: PerDim,
  capacity: PerDim,
  vcpus: Num,
  vcpuLimit: Num,
  load: F32,
});

const Site = z.object({
  dataCentreId: Id,
  hostModelId: Id,
  servers: Count,
  physicalServers: Count,
  hosts: Count,
  spareHosts: Count,
  bound: Num,
  gapPct: Num,
  powerKw: Num,
  powerLimitKw: Num,
  racks: Num,
  rackLimit: Num,
  cost: Num,
});

const Overload = z.object({ hours: z.array(Count), peakMbps: Num, topFlows: z.array(z.object({ flowId: Id, mbps: Num })) }).nullable();
const Link = z.object({ linkId: Id, bandwidthMbps: Num, before: F32, after: F32, overloadBefore: Overload, overloadAfter: Overload });

const SiteBound = z.object({ peakOfSum: Num, classes: Num, antiAffinity: Num, bound: Num, hardRules: Num.optional(), ownPools: Num.optional() });
const Bounds = z.object({ perSite: z.record(Id, SiteBound), total: Num, hardRules: Num.optional(), ownPools: Num.optional(), cost: Num.optional() });

const Cost = z.object({
  horizonMonths: Num,
  hostPurchase: Num,
  hostRunning: Num,
  licences: z.array(z.object({ licenceModelId: Id, metric: z.string(), units: Num, cost: Num, boundUnits: Num.optional() })),
  licenceTotal: Num,
  total: Num,
});

const Violation = z.object({
  kind: z.enum(['pin', 'dr', 'zone', 'latency', 'facility', 'affinity', 'anti-affinity', 'capacity']),
  serverIds: z.array(Id),
  message: z.string(),
});

const GapFill = z.object({ serverId: Id, gapHours: Count, filledBuckets: Count, method: z.enum(['hour-of-day max', 'p95', 'nameplate']) });

/** Known search fields; a later engine's extra settings (effort, work units) are kept as plain values. */
const Search = z
  .object({
    budgetMs: Num,
    iterations: Num.nullable(),
    stoppedBy: z.enum(['first-plan', 'budget', 'iterations', 'done', 'cancelled']),
    effort: z.union([EffortLevel, z.literal('custom')]).optional(),
    foundAt: Num.optional(),
  })
  .catchall(z.union([z.string().max(200), Num, z.boolean(), z.null()]));

export const PlanSchema = z
  .object({
    scenarioId: Id,
    seed: Num,
    hours: z.union([z.literal(24), z.literal(168)]),
    assignments: z.array(Assignment),
    hosts: z.array(Host),
    sites: z.array(Site),
    links: z.array(Link),
    bounds: Bounds,
    hostsUsed: Count,
    gapPct: Num,
    cost: Cost,
    unplaced: z.array(z.object({ serverId: Id, blockedBy: z.array(z.string()) })),
    violations: z.array(Violation),
    gapFills: z.array(GapFill),
    final: z.boolean(),
    search: Search.optional(),
  })
  .passthrough()
  .superRefine((plan, ctx) => {
    const need = DIMENSIONS.length * plan.hours;
    plan.hosts.forEach((h, i) => {
      if (h.load.length !== need) ctx.addIssue({ code: 'custom', path: ['hosts', i, 'load'], message: `has ${h.load.length} values; ${DIMENSIONS.length} dimensions x ${plan.hours} hours need ${need}` });
    });
    plan.links.forEach((l, i) => {
      if (l.before.length !== l.after.length) ctx.addIssue({ code: 'custom', path: ['links', i, 'after'], message: `has ${l.after.length} hours; before has ${l.before.length}` });
    });
  });

// The schema's output must be usable as a Plan (checked by the compiler, not at run time).
type Assert<T extends Plan> = T;
export type DecodedPlan = Assert<z.infer<typeof PlanSchema>>;
