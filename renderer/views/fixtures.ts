/** A tiny hand-made estate and plan for the views' tests (deterministic, no engine run). */
import { DEFAULT_RULES, type DataCentre, type Estate, type Server } from '../../core/model/schema.ts';
import type { HostPlan, LinkLoad, Plan } from '../../core/engine/plan.ts';

const dc = (id: string, name: string, city: string, latitude: number | null, longitude: number | null, status: DataCentre['status'], costPerMonth: number): DataCentre => ({
  id, name, city, latitude, longitude, timeZone: 'UTC', tier: 3, powerKw: 500, rackCapacity: 100, racksUsed: 10, status, costPerMonth,
});

const server = (id: string, dataCentreId: string, applicationId: string | null): Server => ({
  id, name: `${id}-name`, dataCentreId, departmentId: 'dept', applicationId, tier: null, environment: 'prod', os: 'Linux',
  sourceKind: 'physical', sourceHost: null, sourceCluster: null, cores: 4, ratingPerCore: 10, memoryGiB: 16, storageGiB: 100,
  iops: 500, networkMbps: 100, virtualisable: true, blocker: null, zoneId: null, maintenanceWindow: null, drPartnerId: null,
  affinityGroups: [], antiAffinityGroups: [], licensedProductIds: [], rackUnits: 2, powerW: 300,
});

const flat = (v: number, n = 168) => new Float32Array(n).fill(v);

export function tinyEstate(withCoordinates = true): Estate {
  const c = (lat: number, lon: number): [number | null, number | null] => (withCoordinates ? [lat, lon] : [null, null]);
  return {
    name: 'Tiny', client: '', description: '', currency: 'USD', defaultRules: DEFAULT_RULES,
    dataCentres: [
      dc('dc-chi', 'Chicago DC', 'Chicago, IL', ...c(41.8781, -87.6298), 'keep', 10_000),
      dc('dc-dal', 'Dallas DC', 'Dallas, TX', ...c(32.7767, -96.797), 'close', 8_000),
      dc('dc-phx', 'Phoenix DC', 'Phoenix, AZ', ...c(33.4484, -112.074), 'candidate', 6_000),
    ],
    userSites: [{ id: 'site-nyc', name: 'HQ', city: 'New York, NY', latitude: c(40.71, -74.0)[0], longitude: c(40.71, -74.0)[1], timeZone: 'UTC', users: 500 }],
    wanLinks: [
      { id: 'l-chi-dal', a: 'dc-chi', b: 'dc-dal', bandwidthMbps: 1000, latencyMs: 18, costPerMonth: 100, measuredPeakUtilisationPct: null },
      { id: 'l-chi-nyc', a: 'dc-chi', b: 'site-nyc', bandwidthMbps: 500, latencyMs: 16, costPerMonth: 100, measuredPeakUtilisationPct: null },
      { id: 'l-dal-phx', a: 'dc-dal', b: 'dc-phx', bandwidthMbps: 200, latencyMs: 20, costPerMonth: 100, measuredPeakUtilisationPct: null },
    ],
    departments: [{ id: 'dept', name: 'IT', refusesSharing: false }],
    applications: [],
    zones: [],
    products: [],
    servers: [server('s1', 'dc-dal', null), server('s2', 'dc-dal', null), server('s3', 'dc-chi', null), server('s4', 'dc-phx', null)],
    flows: [
      // s1 (Dallas) to HQ: Dallas - Chicago - NYC. 300 Mbps at every hour, 700 at hour 62 (Tue 14:00).
      { id: 'f1', from: { kind: 'server', id: 's1' }, to: { kind: 'userSite', id: 'site-nyc' }, hourlyMbps: Array.from({ length: 168 }, (_, h) => (h === 62 ? 700 : 300)) },
      { id: 'f2', from: { kind: 'server', id: 's4' }, to: { kind: 'server', id: 's3' }, hourlyMbps: Array.from({ length: 24 }, () => 50) },
    ],
    hostModels: [{ id: 'hm', name: 'Host 2S', sockets: 2, cores: 32, ratingPerCore: 10, memoryGiB: 512, storageGiB: 4000, iops: 50_000, networkMbps: 20_000, price: 20_000, costPerMonth: 300, powerW: 600, rackUnits: 1 }],
    licenceModels: [],
    scenarios: [{ id: 'sc-1', name: 'Into Chicago', description: '', keptDataCentreIds: ['dc-chi'], defaultHostModelId: 'hm', hostModelByDataCentre: {}, rules: {}, licenceModelIds: [], pins: [], seed: 1 }],
  };
}

function host(label: string, serverIds: string[], cpuLoad: number[], hours = 168): HostPlan {
  const load = new Float32Array(5 * hours);
  for (let d = 0; d < 5; d++) for (let h = 0; h < hours; h++) load[d * hours + h] = (cpuLoad[h % cpuLoad.length] ?? 0) * (d + 1);
  const cap = { cpu: 256, memory: 460, storage: 3400, iops: 40_000, network: 15_000 };
  return {
    label, dataCentreId: 'dc-chi', hostModelId: 'hm', classKey: 'prod', serverIds, spare: serverIds.length === 0,
    peak: { cpu: Math.max(...cpuLoad), memory: 0, storage: 0, iops: 0, network: 0 }, capacity: cap, vcpus: 16, vcpuLimit: 256, load,
  };
}

function link(linkId: string, bandwidthMbps: number, before: number, after: number, afterOverHours: number[] = []): LinkLoad {
  const a = flat(after);
  for (const h of afterOverHours) a[h] = bandwidthMbps * 1.4;
  return {
    linkId, bandwidthMbps, before: flat(before), after: a, overloadBefore: null,
    overloadAfter: afterOverHours.length ? { hours: afterOverHours, peakMbps: bandwidthMbps * 1.4, topFlows: [{ flowId: 'f1', mbps: 700 }, { flowId: 'f2', mbps: 50 }] } : null,
  };
}

export function tinyPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    scenarioId: 'sc-1', seed: 1, hours: 168,
    assignments: [
      { serverId: 's1', sourceDataCentreId: 'dc-dal', targetDataCentreId: 'dc-chi', hostLabel: 'dc-chi-h001', reason: 'cheapest-feasible', detail: 'lowest WAN traffic' },
      { serverId: 's2', sourceDataCentreId: 'dc-dal', targetDataCentreId: 'dc-chi', hostLabel: 'dc-chi-h001', reason: 'forced-by-dr', detail: 'DR partner in dc-chi' },
      { serverId: 's3', sourceDataCentreId: 'dc-chi', targetDataCentreId: 'dc-chi', hostLabel: 'dc-chi-h002', reason: 'pinned', detail: 'pinned by the user' },
      { serverId: 's4', sourceDataCentreId: 'dc-phx', targetDataCentreId: null, hostLabel: null, reason: 'unplaced', detail: 'no host fits' },
    ],
    hosts: [host('dc-chi-h001', ['s1', 's2'], [100, 300]), host('dc-chi-h002', ['s3'], [50]), host('dc-chi-h003', [], [0])],
    sites: [{ dataCentreId: 'dc-chi', hostModelId: 'hm', servers: 3, physicalServers: 0, hosts: 3, spareHosts: 1, bound: 2, gapPct: 50, powerKw: 1.8, powerLimitKw: 500, racks: 1, rackLimit: 90, cost: 900_000 }],
    links: [link('l-chi-dal', 1000, 350, 600, [62, 63, 64]), link('l-chi-nyc', 500, 300, 300), link('l-dal-phx', 200, 50, 0)],
    bounds: { perSite: { 'dc-chi': { peakOfSum: 1, classes: 1, antiAffinity: 1, bound: 2 } }, total: 2, cost: 87_000 },
    hostsUsed: 3, gapPct: 50,
    cost: { horizonMonths: 36, hostPurchase: 60_000, hostRunning: 32_400, licences: [{ licenceModelId: 'lic', metric: 'per-host-core', units: 96, cost: 12_000 }], licenceTotal: 12_000, total: 104_400 },
    unplaced: [{ serverId: 's4', blockedBy: ['capacity'] }],
    violations: [], gapFills: [], final: true,
    ...overrides,
  };
}
