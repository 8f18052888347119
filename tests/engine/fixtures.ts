/**
 * Small hand-built estates for the engine tests: two or three sites, one host model, flat series unless a
 * test gives its own. Every estate goes through the zod schema, so defaults are filled as in a real project.
 */
import { Estate, DEFAULT_RULES, type EstateInput, type Scenario } from '../../core/model/schema.ts';
import { emptySeries, type SeriesSet } from '../../core/model/series.ts';
import type { Project } from '../../core/model/project.ts';
import { planProject } from '../../core/engine/engine.ts';
import type { Packer } from '../../core/engine/types.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { firstFit } from './first-fit.ts';

type ServerIn = EstateInput['servers'][number];
type ScenarioIn = EstateInput['scenarios'][number];

export function server(id: string, over: Partial<ServerIn> = {}): ServerIn {
  return {
    id,
    name: id,
    dataCentreId: 'dc-a',
    departmentId: 'd1',
    applicationId: null,
    tier: null,
    environment: 'prod',
    os: 'linux',
    cores: 4,
    ratingPerCore: 10,
    memoryGiB: 16,
    storageGiB: 100,
    iops: 100,
    networkMbps: 10,
    virtualisable: true,
    blocker: null,
    zoneId: null,
    maintenanceWindow: null,
    drPartnerId: null,
    ...over,
  };
}

const dc = (id: string, over: Partial<EstateInput['dataCentres'][number]> = {}): EstateInput['dataCentres'][number] => ({
  id,
  name: id,
  city: id,
  latitude: null,
  longitude: null,
  timeZone: 'UTC',
  tier: 3,
  powerKw: 1000,
  rackCapacity: 100,
  status: 'keep',
  costPerMonth: 0,
  ...over,
});

/**
 * Host model h1: 10 cores x 10 rating = 100 rating units, 100 GiB, 10 TB, 10k IOPS, 10 Gbps; no headroom by
 * default in these fixtures so capacities are round numbers.
 */
export function estate(over: Partial<EstateInput> & { scenario?: Partial<ScenarioIn> } = {}): Estate {
  const { scenario, ...rest } = over;
  const input: EstateInput = {
    name: 'test',
    defaultRules: { ...DEFAULT_RULES, headroomPct: { cpu: 0, memory: 0, storage: 0, iops: 0, network: 0 }, nPlusOne: false, policy: 'peak', growthPct: 0, cpuOvercommit: 4 },
    dataCentres: [dc('dc-a'), dc('dc-b'), dc('dc-c', { status: 'close' })],
    userSites: [{ id: 'u1', name: 'u1', city: 'x', latitude: null, longitude: null, timeZone: 'UTC', users: 10 }],
    wanLinks: [
      { id: 'l-ab', a: 'dc-a', b: 'dc-b', bandwidthMbps: 100, latencyMs: 10, costPerMonth: 0 },
      { id: 'l-bc', a: 'dc-b', b: 'dc-c', bandwidthMbps: 100, latencyMs: 10, costPerMonth: 0 },
      { id: 'l-ua', a: 'u1', b: 'dc-a', bandwidthMbps: 100, latencyMs: 5, costPerMonth: 0 },
    ],
    departments: [{ id: 'd1', name: 'd1' }, { id: 'd2', name: 'd2' }],
    applications: [],
    zones: [],
    products: [],
    servers: [],
    flows: [],
    hostModels: [
      { id: 'h1', name: 'h1', sockets: 2, cores: 10, ratingPerCore: 10, memoryGiB: 100, storageGiB: 10000, iops: 10000, networkMbps: 10000, price: 1000, costPerMonth: 10, powerW: 500, rackUnits: 2 },
    ],
    licenceModels: [],
    scenarios: [{ id: 's1', name: 's1', keptDataCentreIds: ['dc-a', 'dc-b'], defaultHostModelId: 'h1', ...scenario }],
    ...rest,
  };
  return Estate.parse(input);
}

/** Series over `hours` from a Sunday 00:00 UTC, each metric from a function of (server index, hour). */
export function series(
  e: Estate,
  hours = 168,
  f: (i: number, h: number) => { cpu: number; mem: number; iops?: number; net?: number } = () => ({ cpu: 50, mem: 50 }),
): SeriesSet {
  const s = emptySeries('2026-03-01T00:00:00Z', hours, e.servers.map((x) => x.id));
  e.servers.forEach((_x, i) => {
    for (let h = 0; h < hours; h++) {
      const v = f(i, h);
      s.cpuPct[i * hours + h] = v.cpu;
      s.memPct[i * hours + h] = v.mem;
      s.iops[i * hours + h] = v.iops ?? 10;
      s.netMbps[i * hours + h] = v.net ?? 1;
    }
  });
  return s;
}

export function project(e: Estate, s?: SeriesSet): Project {
  return { estate: e, series: s ?? series(e) };
}

let clock = 0;
/** A fake monotonic clock: every read advances 1 ms, so budgets end deterministically. */
export const fakeNow = (): number => ++clock;

export function run(p: Project, scenarioId = 's1', packer: Packer = firstFit, effort = 0): Plan {
  return planProject(p, scenarioId, { packer, now: fakeNow, effort });
}

export function byServer(plan: Plan): Map<string, Plan['assignments'][number]> {
  return new Map(plan.assignments.map((a) => [a.serverId, a]));
}

export type { Scenario };
