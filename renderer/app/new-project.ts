/**
 * File > New: the smallest valid project. No sites or servers yet, the default sizing rules, one generic host
 * model and one baseline scenario that refers to it, and an empty one-week series.
 */
import { DEFAULT_RULES, type Estate, type HostModel, type Scenario } from '../../core/model/schema.ts';
import { emptySeries } from '../../core/model/series.ts';
import type { Project } from '../../core/model/project.ts';

export const DEFAULT_HOST_MODEL: HostModel = {
  id: 'hm-2s-64c',
  name: '2-socket, 64 cores, 1 TiB',
  sockets: 2,
  cores: 64,
  ratingPerCore: 10,
  memoryGiB: 1024,
  storageGiB: 15360,
  iops: 400000,
  networkMbps: 50000,
  price: 38000,
  costPerMonth: 450,
  powerW: 900,
  rackUnits: 2,
};

/** Sunday 00:00 UTC of the week holding `now` (series weeks start on Sunday, like the 168-hour fold). */
export function weekStartUtc(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.toISOString().replace('.000Z', 'Z');
}

export function newProject(now: Date): Project {
  const scenario: Scenario = {
    id: 'scenario-baseline',
    name: 'Baseline',
    description: '',
    keptDataCentreIds: [],
    defaultHostModelId: DEFAULT_HOST_MODEL.id,
    hostModelByDataCentre: {},
    rules: {},
    licenceModelIds: [],
    pins: [],
    seed: 1,
  };
  const estate: Estate = {
    name: 'Untitled',
    client: '',
    description: '',
    currency: 'USD',
    defaultRules: DEFAULT_RULES,
    dataCentres: [],
    userSites: [],
    wanLinks: [],
    departments: [],
    applications: [],
    zones: [],
    products: [],
    servers: [],
    flows: [],
    hostModels: [DEFAULT_HOST_MODEL],
    licenceModels: [],
    scenarios: [scenario],
  };
  return { estate, series: emptySeries(weekStartUtc(now), 168, []) };
}
