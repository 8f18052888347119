/**
 * Everything the engine phases share about one (estate, scenario) pair: lookups, the effective rules, the
 * host model and usable capacity per kept site, and the WAN topology.
 */
import {
  effectiveRules,
  type Application,
  type Department,
  type Estate,
  type HostModel,
  type Pin,
  type Scenario,
  type Server,
  type SizingRules,
  type Zone,
} from '../model/schema.ts';
import { DIMENSIONS, horizonMonthsOf } from './plan.ts';
import { buildTopology, type Topology } from './sites/topology.ts';

export type SiteModel = {
  dataCentreId: string;
  model: HostModel;
  /** Usable capacity per dimension after headroom (DIMENSIONS order). */
  capacity: Float64Array;
  vcpuLimit: number;
  /** Purchase plus running cost over the horizon. */
  hostCost: number;
};

export type EngineContext = {
  estate: Estate;
  scenario: Scenario;
  rules: SizingRules;
  servers: Server[];
  serverIndex: Map<string, number>;
  kept: string[];
  siteModels: Map<string, SiteModel>;
  zoneById: Map<string, Zone>;
  deptById: Map<string, Department>;
  appById: Map<string, Application>;
  pinOf: Map<string, Pin>;
  topology: Topology;
};

export class EngineInputError extends Error {
  override name = 'EngineInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export function siteModel(estate: Estate, scenario: Scenario, rules: SizingRules, dataCentreId: string): SiteModel {
  const id = scenario.hostModelByDataCentre[dataCentreId] ?? scenario.defaultHostModelId;
  const model = estate.hostModels.find((h) => h.id === id);
  if (!model) throw new EngineInputError(`scenarios.${scenario.id}.defaultHostModelId`, `host model ${id} does not exist`);
  const raw = [model.cores * model.ratingPerCore, model.memoryGiB, model.storageGiB, model.iops, model.networkMbps];
  const capacity = Float64Array.from(DIMENSIONS.map((d, i) => raw[i] * (1 - rules.headroomPct[d] / 100)));
  return {
    dataCentreId,
    model,
    capacity,
    vcpuLimit: model.cores * rules.cpuOvercommit,
    hostCost: model.price + model.costPerMonth * horizonMonthsOf(estate),
  };
}

export function buildContext(estate: Estate, scenarioId: string): EngineContext {
  const scenario = estate.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    throw new EngineInputError('scenarioId', `no scenario with id ${JSON.stringify(scenarioId)} (have: ${estate.scenarios.map((s) => s.id).join(', ') || 'none'})`);
  }
  const rules = effectiveRules(estate, scenario);
  const dcIds = new Set(estate.dataCentres.map((d) => d.id));
  const kept = scenario.keptDataCentreIds.filter((d) => dcIds.has(d));
  const siteModels = new Map(kept.map((d) => [d, siteModel(estate, scenario, rules, d)]));
  return {
    estate,
    scenario,
    rules,
    servers: estate.servers,
    serverIndex: new Map(estate.servers.map((s, i) => [s.id, i])),
    kept,
    siteModels,
    zoneById: new Map(estate.zones.map((z) => [z.id, z])),
    deptById: new Map(estate.departments.map((d) => [d.id, d])),
    appById: new Map(estate.applications.map((a) => [a.id, a])),
    pinOf: new Map(scenario.pins.map((p) => [p.serverId, p])),
    topology: buildTopology(estate),
  };
}

/** Union-find over indices. */
export function createUnionFind(n: number): { find: (i: number) => number; union: (a: number, b: number) => void } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) {
      const next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  };
  return {
    find,
    union: (a, b) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    },
  };
}
