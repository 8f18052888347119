/**
 * The estate model: every entity a consolidation project knows, as zod schemas with types derived from them.
 * Units are in the field names (Mbps, GiB, Ms, Kw, Pct) so values of different units are never mixed up.
 * CPU capacity is compared in rating units: cores x ratingPerCore (SPECint-like), so different CPUs compare.
 * The hourly utilisation series are not here: they live in a columnar SeriesSet (series.ts).
 */
import { z } from 'zod';
import { Effort } from './effort.ts';
import { Id, Latitude, Longitude, NonNeg, Pct, Pos, TimeZone } from './scalars.ts';
import { ServerUsage, SizingMode, UnmeasuredProfile } from './usage-schema.ts';

export { Id, TimeZone } from './scalars.ts';
export { SizingBasis, UsageSummary, UsageSnapshot, ServerUsage, SizingMode, UnmeasuredProfile } from './usage-schema.ts';

export const DataCentreStatus = z.enum(['keep', 'close', 'candidate']);

export const DataCentre = z.object({
  id: Id,
  name: z.string().min(1),
  city: z.string(),
  /** null when coordinates are unknown: the topology view then lays the site out as a graph. */
  latitude: Latitude.nullable(),
  longitude: Longitude.nullable(),
  timeZone: TimeZone,
  /** Uptime Institute tier, 1 to 4. */
  tier: z.number().int().min(1).max(4),
  /** Power available to IT load; 0 = unknown (imports): not enforced. */
  powerKw: NonNeg,
  /** Racks the site holds; 0 = unknown (imports): not enforced. */
  rackCapacity: z.number().int().nonnegative(),
  /** Racks already taken by equipment that stays (network, storage, non-virtualisable servers). */
  racksUsed: z.number().int().nonnegative().default(0),
  status: DataCentreStatus,
  costPerMonth: NonNeg,
});

export const UserSite = z.object({
  id: Id,
  name: z.string().min(1),
  city: z.string(),
  latitude: Latitude.nullable(),
  longitude: Longitude.nullable(),
  timeZone: TimeZone,
  users: z.number().int().nonnegative(),
});

/** A WAN link between two endpoints, each a data centre or a user site. Links are bidirectional. */
export const WanLink = z.object({
  id: Id,
  a: Id,
  b: Id,
  bandwidthMbps: Pos,
  /** Round-trip latency. */
  latencyMs: NonNeg,
  costPerMonth: NonNeg,
  /** Measured utilisation at peak, where the client has it (percent of bandwidth). */
  measuredPeakUtilisationPct: Pct.nullable().default(null),
});

export const Department = z.object({
  id: Id,
  name: z.string().min(1),
  /** The department refuses to share hosts with other departments. */
  refusesSharing: z.boolean().default(false),
});

export const Criticality = z.enum(['low', 'medium', 'high', 'mission-critical']);

export const Application = z.object({
  id: Id,
  name: z.string().min(1),
  departmentId: Id,
  /** Tier names in call order, the first is the front tier users reach (e.g. ["web", "app", "db"]). */
  tiers: z.array(z.string().min(1)).min(1),
  criticality: Criticality,
  /** Availability target, e.g. 99.9. */
  availabilityTargetPct: z.number().min(0).max(100),
  /** Latency budget from user sites to the front tier (round trip), null when none. */
  userLatencyBudgetMs: Pos.nullable().default(null),
  /** Latency budget between tiers of this application (round trip), null when none. */
  tierLatencyBudgetMs: Pos.nullable().default(null),
});

export const ZoneKind = z.enum(['pci', 'dmz', 'internal', 'other']);

/** A security / compliance zone. Servers in a zone with dedicatedHosts only share hosts with their zone. */
export const Zone = z.object({
  id: Id,
  name: z.string().min(1),
  kind: ZoneKind,
  dedicatedHosts: z.boolean(),
  /** Residency: data centres the zone's workloads may run in; null means any kept site. */
  allowedDataCentreIds: z.array(Id).nullable().default(null),
});

export const Product = z.object({
  id: Id,
  name: z.string().min(1),
  vendor: z.string().default(''),
});

/** Day 0 is Sunday. A window [startHour, startHour + durationHours) in its own time zone, on each listed day. */
export const MaintenanceWindow = z.object({
  days: z.array(z.number().int().min(0).max(6)).min(1),
  startHour: z.number().int().min(0).max(23),
  durationHours: z.number().int().min(1).max(24),
  timeZone: TimeZone,
});

export const BlockerKind = z.enum([
  'usb-dongle',
  'raw-device-mapping',
  'shared-disk',
  'pci-passthrough',
  'fault-tolerance',
  'appliance',
  'licence-bound',
  'special-hardware',
  'other',
]);

export const Blocker = z.object({
  kind: BlockerKind,
  detail: z.string().default(''),
});


export const Environment = z.enum(['prod', 'test', 'dev']);

export const Server = z
  .object({
    id: Id,
    name: z.string().min(1),
    dataCentreId: Id,
    departmentId: Id,
    applicationId: Id.nullable(),
    /** One of the application's tier names, null when the server has no application. */
    tier: z.string().min(1).nullable(),
    environment: Environment,
    os: z.string(),
    /** Physical machine or a VM already (RVTools). */
    sourceKind: z.enum(['physical', 'vm']).default('physical'),
    /** Source host and cluster names where known (RVTools), for reference. */
    sourceHost: z.string().nullable().default(null),
    sourceCluster: z.string().nullable().default(null),
    cores: z.number().int().positive(),
    ratingPerCore: Pos,
    memoryGiB: Pos,
    storageGiB: NonNeg,
    /** Rated peak IOPS of the server (the hourly series stay at or below it). */
    iops: NonNeg,
    /** Rated peak network throughput, Mbps (the hourly series stay at or below it). */
    networkMbps: NonNeg,
    virtualisable: z.boolean(),
    /** Why the server cannot be virtualised (or is hard to move); required when virtualisable is false. */
    blocker: Blocker.nullable(),
    zoneId: Id.nullable(),
    maintenanceWindow: MaintenanceWindow.nullable(),
    /** The DR partner server: the two must run in different data centres and on different hosts. */
    drPartnerId: Id.nullable(),
    affinityGroups: z.array(z.string().min(1)).default([]),
    antiAffinityGroups: z.array(z.string().min(1)).default([]),
    licensedProductIds: z.array(Id).default([]),
    /** Rack units and power the physical server draws today (for facility planning of what stays physical). */
    rackUnits: z.number().int().nonnegative().default(2),
    powerW: NonNeg.default(350),
    /** Usage evidence besides hourly series (issue 12); absent = allocation only. */
    usage: ServerUsage.optional(),
  })
  .refine((s) => s.virtualisable || s.blocker !== null, {
    message: 'a non-virtualisable server needs a blocker naming the reason',
    path: ['blocker'],
  });

export const Endpoint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('server'), id: Id }),
  z.object({ kind: z.literal('userSite'), id: Id }),
]);

/** A traffic flow with its hourly profile in UTC: 24 values (a day) or 168 (a week, Sunday 00:00 UTC first). */
export const Flow = z.object({
  id: Id,
  from: Endpoint,
  to: Endpoint,
  hourlyMbps: z
    .array(NonNeg)
    .refine((a) => a.length === 24 || a.length === 168, { message: 'must have 24 or 168 hourly values' }),
});

export const HostModel = z.object({
  id: Id,
  name: z.string().min(1),
  sockets: z.number().int().positive(),
  cores: z.number().int().positive(),
  ratingPerCore: Pos,
  memoryGiB: Pos,
  storageGiB: Pos,
  iops: Pos,
  networkMbps: Pos,
  /** Purchase price, in the project currency. */
  price: NonNeg,
  /** Running cost per month (power, support), in the project currency. */
  costPerMonth: NonNeg.default(0),
  powerW: NonNeg,
  rackUnits: z.number().int().positive(),
  /** The CPU model from the catalogue (core/model/cpu-catalogue.ts) that rated this host, when chosen there. */
  cpuModel: z.string().optional(),
});

export const LicenceMetric = z.enum(['per-host-core', 'per-socket', 'per-vm']);

export const LicenceModel = z.object({
  id: Id,
  productId: Id,
  name: z.string().min(1),
  metric: LicenceMetric,
  /** Price per unit of the metric (core, socket or VM). */
  price: NonNeg,
  /** Minimum billable cores per host (per-host-core only), e.g. 16. */
  minCoresPerHost: z.number().int().nonnegative().default(0),
});

export const SizingPolicy = z.enum(['average', 'p80', 'p95', 'peak']);

const PerDimension = z.object({ cpu: Pct, memory: Pct, storage: Pct, iops: Pct, network: Pct });

export const SizingRules = z.object({
  /** Capacity kept free on every host, percent per dimension. */
  headroomPct: PerDimension,
  /** vCPU : physical core ratio allowed. */
  cpuOvercommit: z.number().min(1).max(32),
  /** Which statistic of each hour's samples sizes the demand. */
  policy: SizingPolicy,
  /** Fold the series onto one day (24 h) or one week (168 h) before sizing. */
  foldOver: z.enum(['day', 'week']),
  /** Expected growth over the planning horizon, percent. */
  growthPct: z.number().min(0).max(1000),
  /** Keep one spare host per site. */
  nPlusOne: z.boolean(),
  /** Each department on its own hosts. */
  segregateDepartments: z.boolean(),
  /** prod / test / dev on separate hosts. */
  segregateEnvironments: z.boolean(),
  /** Performance-based (default) or as-allocated sizing (issue 12). */
  sizing: SizingMode.optional(),
  /** Utilisation assumed for allocation-only servers in performance mode, percent (default 100). */
  assumedCpuPct: Pct.optional(),
  assumedMemPct: Pct.optional(),
  /** Allocation-only servers: the assumed utilisation, or the profile of similar measured servers (seeded). */
  unmeasuredProfile: UnmeasuredProfile.optional(),
});

export const Pin = z.object({
  serverId: Id,
  dataCentreId: Id.nullable(),
  /** A host label within the site (e.g. "dc-chi-h003"), null for "any host in the site". */
  hostLabel: z.string().nullable().default(null),
});

export const Scenario = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string().default(''),
  keptDataCentreIds: z.array(Id),
  defaultHostModelId: Id,
  /** Host model per data centre, overriding the default. */
  hostModelByDataCentre: z.record(Id, Id).default({}),
  /** Overrides of the project's default sizing rules (headroom per dimension too). */
  rules: SizingRules.extend({ headroomPct: PerDimension.partial() }).partial().default({}),
  /** Licence models in force; products without one are not charged. */
  licenceModelIds: z.array(Id).default([]),
  pins: z.array(Pin).default([]),
  /** Seed for the engine's randomised search, so a run can be reproduced. */
  seed: z.number().int().default(1),
  /** How hard the engine searches (core/model/effort.ts); absent = DEFAULT_EFFORT ('standard'). */
  effort: Effort.optional(),
});

export const Estate = z.object({
  name: z.string().min(1),
  client: z.string().default(''),
  description: z.string().default(''),
  currency: z.string().length(3).default('USD'),
  /** Months over which host purchase, running costs and licences are summed; absent = 36. */
  horizonMonths: z.number().int().min(1).max(240).optional(),
  defaultRules: SizingRules,
  dataCentres: z.array(DataCentre),
  userSites: z.array(UserSite),
  wanLinks: z.array(WanLink),
  departments: z.array(Department),
  applications: z.array(Application),
  zones: z.array(Zone),
  products: z.array(Product),
  servers: z.array(Server),
  flows: z.array(Flow),
  hostModels: z.array(HostModel),
  licenceModels: z.array(LicenceModel),
  scenarios: z.array(Scenario),
});

export type DataCentre = z.infer<typeof DataCentre>;
export type UserSite = z.infer<typeof UserSite>;
export type WanLink = z.infer<typeof WanLink>;
export type Department = z.infer<typeof Department>;
export type Application = z.infer<typeof Application>;
export type Zone = z.infer<typeof Zone>;
export type Product = z.infer<typeof Product>;
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;
export type Blocker = z.infer<typeof Blocker>;
export type BlockerKind = z.infer<typeof BlockerKind>;
export type Server = z.infer<typeof Server>;
export type Endpoint = z.infer<typeof Endpoint>;
export type Flow = z.infer<typeof Flow>;
export type HostModel = z.infer<typeof HostModel>;
export type LicenceModel = z.infer<typeof LicenceModel>;
export type SizingPolicy = z.infer<typeof SizingPolicy>;
export type SizingRules = z.infer<typeof SizingRules>;
export type Pin = z.infer<typeof Pin>;
export type Scenario = z.infer<typeof Scenario>;
export type Estate = z.infer<typeof Estate>;
/** What a caller may pass in before defaults are filled (e.g. a generator or an importer). */
export type EstateInput = z.input<typeof Estate>;

export const DEFAULT_RULES: SizingRules = {
  headroomPct: { cpu: 20, memory: 10, storage: 15, iops: 20, network: 25 },
  cpuOvercommit: 4,
  policy: 'p95',
  foldOver: 'week',
  growthPct: 10,
  nPlusOne: true,
  segregateDepartments: false,
  segregateEnvironments: false,
};

/** The scenario's rules: the project defaults with the scenario's overrides on top. */
export function effectiveRules(estate: Pick<Estate, 'defaultRules'>, scenario: Pick<Scenario, 'rules'>): SizingRules {
  return {
    ...estate.defaultRules,
    ...scenario.rules,
    headroomPct: { ...estate.defaultRules.headroomPct, ...(scenario.rules.headroomPct ?? {}) },
  };
}
