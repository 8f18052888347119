/**
 * What a project starts with before the consultant fills it in: File > New and a fresh import both use these,
 * so the two never drift apart.
 */
import { rateCpuModel } from './cpu-catalogue.ts';
import { DEFAULT_RULES, type Estate, type HostModel } from './schema.ts';

const DEFAULT_CPU = 'Intel Xeon Gold 6548Y+';

/**
 * A generic two-socket host, to be edited. Its CPU comes from the catalogue (core/model/cpu-catalogue.ts), the
 * same table that rates source hosts, so old and new cores compare fairly (a 2 x 32-core current Xeon).
 */
export const DEFAULT_HOST_MODEL: HostModel = {
  id: 'host-default',
  name: 'Default 2-socket host, 2 x Xeon Gold 6548Y+ (edit me)',
  sockets: 2,
  cores: 64,
  cpuModel: DEFAULT_CPU,
  ratingPerCore: rateCpuModel(DEFAULT_CPU)?.ratingPerCore ?? 84,
  memoryGiB: 1024,
  storageGiB: 20000,
  iops: 100000,
  networkMbps: 25000,
  price: 30000,
  costPerMonth: 500,
  powerW: 800,
  rackUnits: 2,
};

/** An estate with no sites, servers or scenarios yet: default sizing rules and the default host model. */
export function emptyEstate(name: string, description = ''): Estate {
  return {
    name,
    client: '',
    description,
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
    scenarios: [],
  };
}
