/**
 * What a project starts with before the consultant fills it in: File > New and a fresh import both use these,
 * so the two never drift apart.
 */
import { DEFAULT_RULES, type Estate, type HostModel } from './schema.ts';

/** A generic two-socket host, to be edited: rating units are SPECint-like per core, as for servers. */
export const DEFAULT_HOST_MODEL: HostModel = {
  id: 'host-default',
  name: 'Default 2-socket host (edit me)',
  sockets: 2,
  cores: 64,
  ratingPerCore: 50,
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
