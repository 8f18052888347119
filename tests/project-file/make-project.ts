/**
 * A seeded, realistic, valid project of any size for the .cwb tests and benchmark: a few data centres,
 * departments, applications with tiers, zones, servers with every field set, flows, host and licence models,
 * scenarios, and hourly series with daily shapes and NaN gaps. Same seed, same project.
 */
import { createRng } from '../../core/util/random.ts';
import { DEFAULT_RULES, type Estate, type Server } from '../../core/model/schema.ts';
import { emptySeries, type SeriesSet } from '../../core/model/series.ts';
import type { Project } from '../../core/model/project.ts';

export type MakeProjectOptions = { servers: number; hours?: number; seed?: number | string; startUtc?: string };

const SITES = [
  { id: 'dc-chi', name: 'Chicago DC', city: 'Chicago', latitude: 41.88, longitude: -87.63, timeZone: 'America/Chicago' },
  { id: 'dc-dal', name: 'Dallas DC', city: 'Dallas', latitude: 32.78, longitude: -96.8, timeZone: 'America/Chicago' },
  { id: 'dc-nyc', name: 'Secaucus DC', city: 'Secaucus', latitude: 40.79, longitude: -74.06, timeZone: 'America/New_York' },
  { id: 'dc-lon', name: 'Slough DC', city: 'Slough', latitude: null, longitude: null, timeZone: 'Europe/London' },
] as const;
const DEPARTMENTS = ['finance', 'hr', 'sales', 'engineering', 'operations', 'legal'] as const;
const OSES = ['Windows Server 2019', 'Windows Server 2022', 'RHEL 8', 'RHEL 9', 'Ubuntu 22.04'] as const;

export function makeEstate(serverCount: number, seed: number | string = 1): Estate {
  const rng = createRng(`estate:${seed}`);
  const applications = Array.from({ length: Math.max(1, Math.ceil(serverCount / 8)) }, (_, i) => ({
    id: `app-${i + 1}`,
    name: `Application ${i + 1}`,
    departmentId: DEPARTMENTS[i % DEPARTMENTS.length],
    tiers: i % 3 === 0 ? ['web', 'app', 'db'] : ['app', 'db'],
    criticality: rng.pick(['low', 'medium', 'high', 'mission-critical'] as const),
    availabilityTargetPct: rng.pick([99, 99.5, 99.9, 99.95]),
    userLatencyBudgetMs: rng.chance(0.5) ? rng.int(20, 120) : null,
    tierLatencyBudgetMs: rng.chance(0.3) ? rng.int(1, 10) : null,
  }));
  const servers: Server[] = [];
  for (let i = 0; i < serverCount; i++) {
    const app = rng.chance(0.9) ? applications[i % applications.length] : null;
    const virtualisable = rng.chance(0.93);
    servers.push({
      id: `srv-${String(i + 1).padStart(5, '0')}`,
      name: `${app ? app.id : 'util'}-${rng.pick(['w', 'a', 'd'])}${String(i + 1).padStart(5, '0')}`,
      dataCentreId: SITES[i % SITES.length].id,
      departmentId: app ? app.departmentId : DEPARTMENTS[i % DEPARTMENTS.length],
      applicationId: app ? app.id : null,
      tier: app ? rng.pick(app.tiers) : null,
      environment: rng.pick(['prod', 'prod', 'test', 'dev'] as const),
      os: rng.pick(OSES),
      sourceKind: rng.chance(0.6) ? 'vm' : 'physical',
      sourceHost: rng.chance(0.6) ? `esx-${rng.int(1, 80)}` : null,
      sourceCluster: rng.chance(0.5) ? `cl-${rng.int(1, 8)}` : null,
      cores: rng.pick([2, 4, 8, 16, 32]),
      ratingPerCore: Math.max(5, Math.round(rng.normal(40, 6) * 10) / 10),
      memoryGiB: rng.pick([4, 8, 16, 32, 64, 128]),
      storageGiB: rng.int(40, 4000),
      iops: rng.int(50, 8000),
      networkMbps: rng.pick([100, 1000, 10000]),
      virtualisable,
      blocker: virtualisable ? null : { kind: rng.pick(['usb-dongle', 'shared-disk', 'appliance'] as const), detail: 'found in discovery' },
      zoneId: rng.chance(0.1) ? 'zone-pci' : rng.chance(0.1) ? 'zone-dmz' : null,
      maintenanceWindow: rng.chance(0.3) ? { days: [0, 6], startHour: 2, durationHours: 4, timeZone: 'America/Chicago' } : null,
      drPartnerId: null,
      affinityGroups: rng.chance(0.05) ? ['grp-a'] : [],
      antiAffinityGroups: rng.chance(0.05) ? ['anti-b'] : [],
      licensedProductIds: rng.chance(0.2) ? ['prod-sql'] : [],
      rackUnits: rng.pick([1, 2, 4]),
      powerW: rng.int(150, 900),
    });
  }
  for (let i = 0; i + 1 < servers.length; i += 50) {
    servers[i].drPartnerId = servers[i + 1].id;
    servers[i + 1].drPartnerId = servers[i].id;
  }
  return {
    name: `Consolidation ${serverCount} servers`,
    client: 'Contoso Manufacturing',
    description: 'Four-site estate; two sites close in year one.',
    currency: 'USD',
    defaultRules: DEFAULT_RULES,
    dataCentres: SITES.map((s, i) => ({
      ...s,
      tier: (i % 4) + 1,
      powerKw: 400 + i * 100,
      rackCapacity: 200,
      racksUsed: 20 + i,
      status: i < 2 ? 'keep' : 'candidate',
      costPerMonth: 50_000 + i * 5_000,
    })),
    userSites: [
      { id: 'us-hq', name: 'Headquarters', city: 'Chicago', latitude: 41.9, longitude: -87.6, timeZone: 'America/Chicago', users: 1200 },
      { id: 'us-plant', name: 'Plant', city: 'Gary', latitude: null, longitude: null, timeZone: 'America/Chicago', users: 300 },
    ],
    wanLinks: [
      { id: 'wan-1', a: 'dc-chi', b: 'dc-dal', bandwidthMbps: 10_000, latencyMs: 22, costPerMonth: 9000, measuredPeakUtilisationPct: 41 },
      { id: 'wan-2', a: 'dc-chi', b: 'us-hq', bandwidthMbps: 1000, latencyMs: 2, costPerMonth: 1500, measuredPeakUtilisationPct: null },
    ],
    departments: DEPARTMENTS.map((d) => ({ id: d, name: d[0].toUpperCase() + d.slice(1), refusesSharing: d === 'legal' })),
    applications,
    zones: [
      { id: 'zone-pci', name: 'PCI', kind: 'pci', dedicatedHosts: true, allowedDataCentreIds: ['dc-chi'] },
      { id: 'zone-dmz', name: 'DMZ', kind: 'dmz', dedicatedHosts: false, allowedDataCentreIds: null },
    ],
    products: [{ id: 'prod-sql', name: 'SQL Server Enterprise', vendor: 'Microsoft' }],
    servers,
    flows:
      servers.length === 0
        ? []
        : [
            {
              id: 'flow-1',
              from: { kind: 'userSite', id: 'us-hq' },
              to: { kind: 'server', id: servers[0].id },
              hourlyMbps: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 40 : 5)),
            },
          ],
    hostModels: [
      { id: 'hm-2s64', name: '2-socket 64-core', sockets: 2, cores: 64, ratingPerCore: 55, memoryGiB: 1024, storageGiB: 20_000, iops: 200_000, networkMbps: 50_000, price: 42_000, costPerMonth: 600, powerW: 900, rackUnits: 2 },
    ],
    licenceModels: [{ id: 'lic-sql', productId: 'prod-sql', name: 'SQL per core', metric: 'per-host-core', price: 7000, minCoresPerHost: 16 }],
    scenarios: [
      {
        id: 'sc-2site',
        name: 'Two sites',
        description: 'Keep Chicago and Dallas',
        keptDataCentreIds: ['dc-chi', 'dc-dal'],
        defaultHostModelId: 'hm-2s64',
        hostModelByDataCentre: { 'dc-dal': 'hm-2s64' },
        rules: { cpuOvercommit: 3, headroomPct: { cpu: 25 } },
        licenceModelIds: ['lic-sql'],
        pins: [],
        seed: 7,
      },
    ],
  };
}

/** Hourly series with a daily shape per server, noise, and about 2% NaN gaps (whole gap hours). */
export function makeSeries(serverIds: readonly string[], hours: number, seed: number | string = 1, startUtc = '2026-03-01T00:00:00Z'): SeriesSet {
  const rng = createRng(`series:${seed}`);
  const s = emptySeries(startUtc, hours, serverIds);
  for (let r = 0; r < serverIds.length; r++) {
    const base = rng.next() * 40 + 5;
    const swing = rng.next() * 30;
    const mem = rng.next() * 50 + 30;
    const iopsBase = rng.int(50, 3000);
    const net = rng.next() * 200;
    for (let h = 0; h < hours; h++) {
      const i = r * hours + h;
      if (rng.chance(0.02)) continue; // a gap: every metric stays NaN
      const day = Math.sin(((h % 24) - 6) * (Math.PI / 12));
      s.cpuPct[i] = Math.min(100, Math.max(0, base + swing * day + rng.normal(0, 3)));
      s.memPct[i] = Math.min(100, Math.max(0, mem + rng.normal(0, 1)));
      s.iops[i] = Math.max(0, iopsBase * (1 + 0.5 * day) + rng.normal(0, 20));
      s.netMbps[i] = Math.max(0, net * (1 + 0.6 * day) + rng.normal(0, 2));
    }
  }
  return s;
}

export function makeProject(options: MakeProjectOptions): Project {
  const seed = options.seed ?? 1;
  const estate = makeEstate(options.servers, seed);
  const series = makeSeries(estate.servers.map((s) => s.id), options.hours ?? 168, seed, options.startUtc);
  return { estate, series };
}
