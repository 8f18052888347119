/**
 * One field description per editable entity kind of the estate. The generic editor (ui/entities/) renders a
 * table and a form from these, and entity-validate.ts checks what was typed against them and the schema.
 */
import {
  Application,
  Criticality,
  DataCentre,
  DataCentreStatus,
  Department,
  HostModel,
  LicenceMetric,
  LicenceModel,
  Product,
  UserSite,
  WanLink,
  Zone,
  ZoneKind,
  type Estate,
} from '../../core/model/schema.ts';
import type { EditableCollection } from '../store/edits.ts';
import type { FieldSpec } from './entity-fields.ts';

export type SpecCollection = Extract<
  EditableCollection,
  'dataCentres' | 'userSites' | 'wanLinks' | 'departments' | 'applications' | 'zones' | 'products' | 'hostModels' | 'licenceModels'
>;

/** A schema that checks a whole entity (the model's zod schema). */
type Checker = { safeParse: (v: unknown) => { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } };

export type EntitySpec = {
  collection: SpecCollection;
  singular: string;
  plural: string;
  /** Test ids: `<testId>-row` for table rows, `<testId>-editor` for the form. */
  testId: string;
  /** New ids are `<idPrefix>-<slug of the name>`. */
  idPrefix: string;
  fields: readonly FieldSpec[];
  schema: Checker;
  /** A new entity's starting values (every field of the schema), given its id. */
  blank: (id: string, estate: Estate) => Record<string, unknown>;
  /** Rules across fields or entities, as errors by field key. */
  check?: (value: Record<string, unknown>, estate: Estate, currentId: string | null) => Record<string, string>;
  /** Has city, latitude, longitude and time zone: the gazetteer can fill them from the city. */
  geo?: boolean;
};

const name: FieldSpec = { key: 'name', label: 'Name', kind: 'text', required: true, maxLength: 200, column: true };
const city: FieldSpec = { key: 'city', label: 'City', kind: 'text', column: true };
const latitude: FieldSpec = { key: 'latitude', label: 'Latitude', kind: 'number', min: -90, max: 90, nullable: true, hint: 'degrees, empty if unknown' };
const longitude: FieldSpec = { key: 'longitude', label: 'Longitude', kind: 'number', min: -180, max: 180, nullable: true, hint: 'degrees, empty if unknown' };
const timeZone: FieldSpec = { key: 'timeZone', label: 'Time zone', kind: 'timeZone', column: true };
const money = (key: string, label: string, column = false): FieldSpec => ({ key, label, kind: 'number', min: 0, column });
const positive = (key: string, label: string, integer = false, column = false): FieldSpec => ({ key, label, kind: 'number', positive: true, integer, column });

const firstId = (list: readonly { id: string }[]): string => list[0]?.id ?? '';

/** Latitude and longitude come together or not at all. */
function bothCoordinates(v: Record<string, unknown>): Record<string, string> {
  if ((v.latitude === null) !== (v.longitude === null)) {
    return v.latitude === null ? { latitude: 'must be given with the longitude (or both left empty)' } : { longitude: 'must be given with the latitude (or both left empty)' };
  }
  return {};
}

export const DATA_CENTRES: EntitySpec = {
  collection: 'dataCentres',
  testId: 'dc',
  singular: 'data centre',
  plural: 'Data centres',
  idPrefix: 'dc',
  geo: true,
  schema: DataCentre,
  fields: [
    name,
    city,
    latitude,
    longitude,
    timeZone,
    { key: 'status', label: 'Status', kind: 'choice', options: DataCentreStatus.options, column: true },
    { key: 'tier', label: 'Tier', kind: 'number', integer: true, min: 1, max: 4, column: true },
    { key: 'powerKw', label: 'Power (kW)', kind: 'number', min: 0, column: true, hint: '0 = unknown' },
    { key: 'rackCapacity', label: 'Rack capacity', kind: 'number', min: 0, integer: true, column: true, hint: '0 = unknown' },
    { key: 'racksUsed', label: 'Racks used', kind: 'number', min: 0, integer: true, hint: 'by equipment that stays' },
    money('costPerMonth', 'Cost per month'),
  ],
  blank: (id) => ({ id, name: '', city: '', latitude: null, longitude: null, timeZone: 'UTC', tier: 3, powerKw: 0, rackCapacity: 0, racksUsed: 0, status: 'candidate', costPerMonth: 0 }),
  check: (v) => {
    const out = bothCoordinates(v);
    if (typeof v.rackCapacity === 'number' && typeof v.racksUsed === 'number' && v.rackCapacity > 0 && v.racksUsed > v.rackCapacity) {
      out.racksUsed = 'must not exceed the rack capacity';
    }
    return out;
  },
};

export const USER_SITES: EntitySpec = {
  collection: 'userSites',
  testId: 'site',
  singular: 'user site',
  plural: 'User sites',
  idPrefix: 'site',
  geo: true,
  schema: UserSite,
  fields: [name, city, latitude, longitude, timeZone, { key: 'users', label: 'Users', kind: 'number', min: 0, integer: true, column: true }],
  blank: (id) => ({ id, name: '', city: '', latitude: null, longitude: null, timeZone: 'UTC', users: 0 }),
  check: bothCoordinates,
};

export const WAN_LINKS: EntitySpec = {
  collection: 'wanLinks',
  testId: 'wan',
  singular: 'WAN link',
  plural: 'WAN links',
  idPrefix: 'wan',
  schema: WanLink,
  fields: [
    { key: 'a', label: 'Endpoint A', kind: 'ref', target: 'dataCentres', orUserSite: true, column: true },
    { key: 'b', label: 'Endpoint B', kind: 'ref', target: 'dataCentres', orUserSite: true, column: true },
    positive('bandwidthMbps', 'Bandwidth (Mbps)', false, true),
    { key: 'latencyMs', label: 'Latency (ms, round trip)', kind: 'number', min: 0, column: true },
    money('costPerMonth', 'Cost per month', true),
    { key: 'measuredPeakUtilisationPct', label: 'Measured peak use (%)', kind: 'number', min: 0, max: 100, nullable: true, hint: 'empty if not measured' },
  ],
  blank: (id, e) => ({ id, a: firstId(e.dataCentres), b: e.dataCentres[1]?.id ?? firstId(e.userSites), bandwidthMbps: 1000, latencyMs: 10, costPerMonth: 0, measuredPeakUtilisationPct: null }),
  check: (v): Record<string, string> => (v.a !== undefined && v.a === v.b ? { b: 'must differ from endpoint A' } : {}),
};

export const DEPARTMENTS: EntitySpec = {
  collection: 'departments',
  testId: 'dept',
  singular: 'department',
  plural: 'Departments',
  idPrefix: 'dept',
  schema: Department,
  fields: [name, { key: 'refusesSharing', label: 'Refuses to share hosts with other departments', kind: 'bool', column: true }],
  blank: (id) => ({ id, name: '', refusesSharing: false }),
};

export const APPLICATIONS: EntitySpec = {
  collection: 'applications',
  testId: 'app',
  singular: 'application',
  plural: 'Applications',
  idPrefix: 'app',
  schema: Application,
  fields: [
    name,
    { key: 'departmentId', label: 'Department', kind: 'ref', target: 'departments', column: true },
    { key: 'tiers', label: 'Tiers', kind: 'list', minItems: 1, column: true, hint: 'in call order, front tier first: web, app, db' },
    { key: 'criticality', label: 'Criticality', kind: 'choice', options: Criticality.options, column: true },
    { key: 'availabilityTargetPct', label: 'Availability target (%)', kind: 'number', min: 0, max: 100, column: true },
    { key: 'userLatencyBudgetMs', label: 'User latency budget (ms)', kind: 'number', positive: true, nullable: true, column: true, hint: 'empty for none' },
    { key: 'tierLatencyBudgetMs', label: 'Tier latency budget (ms)', kind: 'number', positive: true, nullable: true, hint: 'empty for none' },
  ],
  blank: (id, e) => ({ id, name: '', departmentId: firstId(e.departments), tiers: ['app'], criticality: 'medium', availabilityTargetPct: 99.5, userLatencyBudgetMs: null, tierLatencyBudgetMs: null }),
  check: (v, e, currentId): Record<string, string> => {
    if (currentId === null || !Array.isArray(v.tiers)) return {};
    const tiers = new Set(v.tiers);
    const used = new Set<string>();
    for (const s of e.servers) if (s.applicationId === currentId && s.tier !== null && !tiers.has(s.tier)) used.add(s.tier);
    return used.size > 0 ? { tiers: `must keep the tiers its servers use (${[...used].join(', ')})` } : {};
  },
};

export const ZONES: EntitySpec = {
  collection: 'zones',
  testId: 'zone',
  singular: 'zone',
  plural: 'Zones',
  idPrefix: 'zone',
  schema: Zone,
  fields: [
    name,
    { key: 'kind', label: 'Kind', kind: 'choice', options: ZoneKind.options, column: true },
    { key: 'dedicatedHosts', label: 'Dedicated hosts (shares hosts only within the zone)', kind: 'bool', column: true },
    { key: 'allowedDataCentreIds', label: 'Allowed data centres', kind: 'refs', target: 'dataCentres', noneMeansNull: 'any kept data centre', column: true },
  ],
  blank: (id) => ({ id, name: '', kind: 'internal', dedicatedHosts: false, allowedDataCentreIds: null }),
};

export const PRODUCTS: EntitySpec = {
  collection: 'products',
  testId: 'product',
  singular: 'product',
  plural: 'Products',
  idPrefix: 'prod',
  schema: Product,
  fields: [name, { key: 'vendor', label: 'Vendor', kind: 'text', column: true }],
  blank: (id) => ({ id, name: '', vendor: '' }),
};

export const HOST_MODELS: EntitySpec = {
  collection: 'hostModels',
  testId: 'host-model',
  singular: 'host model',
  plural: 'Host models',
  idPrefix: 'hm',
  schema: HostModel,
  fields: [
    name,
    positive('sockets', 'Sockets', true, true),
    positive('cores', 'Cores (total)', true, true),
    { key: 'ratingPerCore', label: 'Rating per core', kind: 'number', positive: true, hint: 'SPECint-like; servers use the same scale' },
    positive('memoryGiB', 'Memory (GiB)', false, true),
    positive('storageGiB', 'Storage (GiB)', false, true),
    positive('iops', 'IOPS'),
    positive('networkMbps', 'Network (Mbps)'),
    money('price', 'Price', true),
    money('costPerMonth', 'Running cost per month'),
    { key: 'powerW', label: 'Power (W)', kind: 'number', min: 0, column: true },
    positive('rackUnits', 'Rack units', true, true),
  ],
  blank: (id) => ({ id, name: '', sockets: 2, cores: 32, ratingPerCore: 40, memoryGiB: 512, storageGiB: 4000, iops: 100000, networkMbps: 25000, price: 0, costPerMonth: 0, powerW: 600, rackUnits: 1 }),
};

export const LICENCE_MODELS: EntitySpec = {
  collection: 'licenceModels',
  testId: 'licence',
  singular: 'licence model',
  plural: 'Licence models',
  idPrefix: 'lic',
  schema: LicenceModel,
  fields: [
    name,
    { key: 'productId', label: 'Product', kind: 'ref', target: 'products', column: true },
    { key: 'metric', label: 'Metric', kind: 'choice', options: LicenceMetric.options, column: true },
    { key: 'price', label: 'Price per unit', kind: 'number', min: 0, column: true, hint: 'per core, socket or VM' },
    { key: 'minCoresPerHost', label: 'Minimum cores per host', kind: 'number', min: 0, integer: true, hint: 'per-host-core only' },
  ],
  blank: (id, e) => ({ id, name: '', productId: firstId(e.products), metric: 'per-host-core', price: 0, minCoresPerHost: 0 }),
};

export const ENTITY_SPECS: Record<SpecCollection, EntitySpec> = {
  dataCentres: DATA_CENTRES,
  userSites: USER_SITES,
  wanLinks: WAN_LINKS,
  departments: DEPARTMENTS,
  applications: APPLICATIONS,
  zones: ZONES,
  products: PRODUCTS,
  hostModels: HOST_MODELS,
  licenceModels: LICENCE_MODELS,
};
