/**
 * Makes tests/fixtures/project-file/v2-small.cwb, a project as format 2 (app 0.1.x, before saved plans) wrote
 * it: manifest.json with formatVersion 2, createdUtc, modifiedUtc and counts; estate.json with memoryGiB;
 * series.json as the columnar index and series.bin as little-endian float32 (NaN = gap); no plans. Written with
 * fflate's own zip writer (not the app's), with a fixed timestamp, so the output is reproducible;
 * v2-fixture.test.ts checks the committed file holds exactly what this makes.
 *
 * Run: npx tsx tests/project-file/make-v2-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { V1_ESTATE } from './make-v1-fixture.ts';

export const V2_FIXTURE_PATH = path.join(import.meta.dirname, '..', 'fixtures', 'project-file', 'v2-small.cwb');

const MEMORY_GIB = [16, 0.5, 64];

export const V2_ESTATE = {
  ...V1_ESTATE,
  name: 'Ledger pilot (format 2)',
  servers: V1_ESTATE.servers.map(({ memoryMB: _mb, ...s }, i) => ({ ...s, memoryGiB: MEMORY_GIB[i] })),
  scenarios: [
    { id: 'sc-1', name: 'One site', keptDataCentreIds: ['dc-ord'], defaultHostModelId: 'hm-r760', seed: 7 },
    { id: 'sc-2', name: 'Same, more headroom', keptDataCentreIds: ['dc-ord'], defaultHostModelId: 'hm-r760', seed: 7, rules: { headroomPct: { cpu: 40, memory: 20, storage: 15, iops: 20, network: 25 } } },
  ],
};

export const V2_HOURS = 24;
const METRICS = ['cpuPct', 'memPct', 'iops', 'netMbps'] as const;
/** Value of metric m for server r at hour h; NaN for the gaps (server 2, hours 5-7). */
export function v2Value(m: number, r: number, h: number): number {
  if (r === 1 && h >= 5 && h <= 7) return Number.NaN;
  return [10, 20, 100, 3][m] * (r + 1) + (h % 6) * 0.25;
}

export const V2_MANIFEST = {
  format: 'cwb',
  formatVersion: 2,
  appVersion: '0.1.4',
  createdUtc: '2026-03-02T09:00:00Z',
  modifiedUtc: '2026-03-04T17:30:00Z',
  counts: { dataCentres: 1, servers: 3, applications: 1, scenarios: 2, seriesRows: 3, seriesHours: V2_HOURS },
};

export function buildV2Fixture(): Uint8Array {
  const rows = V2_ESTATE.servers.length;
  const bin = new Uint8Array(METRICS.length * rows * V2_HOURS * 4);
  const view = new DataView(bin.buffer);
  const metrics = METRICS.map((name, m) => {
    const offset = m * rows * V2_HOURS * 4;
    for (let r = 0; r < rows; r++) for (let h = 0; h < V2_HOURS; h++) view.setFloat32(offset + (r * V2_HOURS + h) * 4, v2Value(m, r, h), true);
    return { name, offset, byteLength: rows * V2_HOURS * 4 };
  });
  const index = { startUtc: '2026-02-02T00:00:00Z', hours: V2_HOURS, serverIds: V2_ESTATE.servers.map((s) => s.id), valueType: 'float32', byteOrder: 'little-endian', metrics };
  return zipSync(
    {
      'manifest.json': [strToU8(`${JSON.stringify(V2_MANIFEST, null, 2)}\n`), { level: 0 }],
      'estate.json': strToU8(JSON.stringify(V2_ESTATE)),
      'series.json': strToU8(JSON.stringify(index)),
      'series.bin': [bin, { level: 0 }],
    },
    // fflate stamps local time fields: a local-time Date makes the stamp the same in every time zone.
    { level: 6, mtime: new Date(2026, 2, 4, 17, 30, 0) },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = buildV2Fixture();
  writeFileSync(V2_FIXTURE_PATH, bytes);
  console.log(`wrote ${V2_FIXTURE_PATH} (${bytes.length} bytes)`);
}
