/**
 * Makes tests/fixtures/project-file/v1-small.cwb, a project as format 1 (app 0.0.x) saved it: server memory
 * as memoryMB, the series as JSON arrays per server (null = gap) in series.json, no series.bin, a manifest
 * with savedUtc only. Written with fflate's own zip writer (not the app's), with a fixed timestamp, so the
 * output is reproducible; v1-fixture.test.ts checks the committed file holds exactly what this makes.
 *
 * Run: npx tsx tests/project-file/make-v1-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

export const V1_FIXTURE_PATH = path.join(import.meta.dirname, '..', 'fixtures', 'project-file', 'v1-small.cwb');

const server = (n: number, memoryMB: number, extra: Record<string, unknown> = {}) => ({
  id: `srv-${n}`,
  name: `fin-app-0${n}`,
  dataCentreId: 'dc-ord',
  departmentId: 'finance',
  applicationId: 'app-ledger',
  tier: n === 3 ? 'db' : 'app',
  environment: 'prod',
  os: 'RHEL 8',
  cores: 4 * n,
  ratingPerCore: 42.5,
  memoryMB,
  storageGiB: 200 * n,
  iops: 500 * n,
  networkMbps: 1000,
  virtualisable: n !== 3,
  blocker: n === 3 ? { kind: 'shared-disk', detail: 'Oracle RAC quorum disk' } : null,
  zoneId: null,
  maintenanceWindow: null,
  drPartnerId: null,
  ...extra,
});

export const V1_ESTATE = {
  name: 'Ledger pilot',
  client: 'Northwind',
  currency: 'EUR',
  defaultRules: {
    headroomPct: { cpu: 20, memory: 10, storage: 15, iops: 20, network: 25 },
    cpuOvercommit: 4,
    policy: 'p95',
    foldOver: 'week',
    growthPct: 10,
    nPlusOne: true,
    segregateDepartments: false,
    segregateEnvironments: false,
  },
  dataCentres: [
    { id: 'dc-ord', name: "O'Hare DC", city: 'Chicago', latitude: 41.97, longitude: -87.9, timeZone: 'America/Chicago', tier: 3, powerKw: 250, rackCapacity: 80, status: 'keep', costPerMonth: 30000 },
  ],
  userSites: [],
  wanLinks: [],
  departments: [{ id: 'finance', name: 'Finance' }],
  applications: [{ id: 'app-ledger', name: 'General ledger', departmentId: 'finance', tiers: ['app', 'db'], criticality: 'high', availabilityTargetPct: 99.9 }],
  zones: [],
  products: [],
  servers: [server(1, 16384), server(2, 512, { sourceKind: 'vm', sourceHost: 'esx-07' }), server(3, 65536, { drPartnerId: null })],
  flows: [],
  hostModels: [
    { id: 'hm-r760', name: 'R760', sockets: 2, cores: 48, ratingPerCore: 50, memoryGiB: 768, storageGiB: 7680, iops: 150000, networkMbps: 25000, price: 31000, powerW: 800, rackUnits: 2 },
  ],
  licenceModels: [],
  scenarios: [{ id: 'sc-1', name: 'One site', keptDataCentreIds: ['dc-ord'], defaultHostModelId: 'hm-r760' }],
};

const hours = 24;
const curve = (base: number, gapAt: number[]) => Array.from({ length: hours }, (_, h) => (gapAt.includes(h) ? null : base + (h % 6) * 0.25));

export const V1_SERIES = {
  startUtc: '2025-06-02T00:00:00Z',
  hours,
  servers: [1, 2, 3].map((n) => ({
    id: `srv-${n}`,
    cpuPct: curve(10 * n, n === 2 ? [5, 6, 7] : []),
    memPct: curve(50 + n, n === 2 ? [5, 6, 7] : []),
    iops: curve(100 * n, n === 2 ? [5, 6, 7] : []),
    netMbps: curve(3 * n, n === 2 ? [5, 6, 7] : [0]),
  })),
};

export const V1_MANIFEST = { format: 'cwb', formatVersion: 1, appVersion: '0.0.9', savedUtc: '2025-06-09T16:45:00Z' };

export function buildV1Fixture(): Uint8Array {
  const json = (v: unknown) => strToU8(JSON.stringify(v, null, 1));
  return zipSync(
    { 'manifest.json': json(V1_MANIFEST), 'estate.json': json(V1_ESTATE), 'series.json': json(V1_SERIES) },
    // fflate stamps local time fields: a local-time Date makes the stamp the same in every time zone.
    { level: 9, mtime: new Date(2025, 5, 9, 16, 45, 0) },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = buildV1Fixture();
  writeFileSync(V1_FIXTURE_PATH, bytes);
  console.log(`wrote ${V1_FIXTURE_PATH} (${bytes.length} bytes)`);
}
