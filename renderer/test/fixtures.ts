/** Deterministic test estates for renderer tests (no clock, no Math.random). */
import type { DataCentre, Server, Application, WanLink } from '../../core/model/schema.ts';
import type { Project } from '../../core/model/project.ts';
import { newProject } from '../app/new-project.ts';

const ENVS = ['prod', 'test', 'dev'] as const;
const STATUSES = ['keep', 'close', 'candidate'] as const;

export function makeDataCentre(i: number): DataCentre {
  return {
    id: `dc-${i}`,
    name: `DC ${String.fromCharCode(65 + (i % 26))}${i}`,
    city: ['Chicago', 'Dallas', 'Denver', 'Boston'][i % 4],
    latitude: null,
    longitude: null,
    timeZone: 'UTC',
    tier: 1 + (i % 4),
    powerKw: 500 + i * 10,
    rackCapacity: 100,
    racksUsed: 10,
    status: STATUSES[i % 3],
    costPerMonth: 1000,
  };
}

export function makeServer(i: number, dcCount: number, appCount: number): Server {
  const virtualisable = i % 7 !== 0;
  return {
    id: `srv-${String(i).padStart(6, '0')}`,
    // names not in id order, so sorting by name differs from sorting by id
    name: `host-${String((i * 7919) % 1000003).padStart(7, '0')}`,
    dataCentreId: `dc-${i % dcCount}`,
    departmentId: 'dept-1',
    applicationId: appCount > 0 && i % 5 !== 0 ? `app-${i % appCount}` : null,
    tier: null,
    environment: ENVS[i % 3],
    os: i % 2 ? 'Linux' : 'Windows',
    sourceKind: 'physical',
    sourceHost: null,
    sourceCluster: null,
    cores: 2 + (i % 31),
    ratingPerCore: 10,
    memoryGiB: 4 + ((i * 13) % 509),
    storageGiB: 100,
    iops: 100,
    networkMbps: 100,
    virtualisable,
    blocker: virtualisable ? null : { kind: 'usb-dongle', detail: '' },
    zoneId: null,
    maintenanceWindow: null,
    drPartnerId: null,
    affinityGroups: [],
    antiAffinityGroups: [],
    licensedProductIds: [],
    rackUnits: 2,
    powerW: 350,
  };
}

export function makeApplication(i: number): Application {
  return {
    id: `app-${i}`,
    name: `Payroll ${i}`,
    departmentId: 'dept-1',
    tiers: ['web', 'db'],
    criticality: 'medium',
    availabilityTargetPct: 99.9,
    userLatencyBudgetMs: null,
    tierLatencyBudgetMs: null,
  };
}

export function makeProject(servers: number, dcs = 3, apps = 4): Project {
  const base = newProject(new Date(Date.UTC(2026, 2, 4)));
  const dataCentres = Array.from({ length: dcs }, (_, i) => makeDataCentre(i));
  const wanLinks: WanLink[] =
    dcs >= 2
      ? [{ id: 'wan-0-1', a: 'dc-0', b: 'dc-1', bandwidthMbps: 1000, latencyMs: 12, costPerMonth: 900, measuredPeakUtilisationPct: 40 }]
      : [];
  return {
    ...base,
    estate: {
      ...base.estate,
      name: 'Fixture',
      dataCentres,
      wanLinks,
      departments: [{ id: 'dept-1', name: 'IT', refusesSharing: false }],
      applications: Array.from({ length: apps }, (_, i) => makeApplication(i)),
      servers: Array.from({ length: servers }, (_, i) => makeServer(i, dcs, apps)),
    },
  };
}
