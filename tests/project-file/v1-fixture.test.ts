/** The committed format 1 file opens through the migration, checked field by field. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeProject, encodeProject } from '../../core/project-file/codec.ts';
import { readProjectFile } from '../../electron/services/project-store.ts';
import { unpack } from './hostile-zip.ts';
import { V1_FIXTURE_PATH, buildV1Fixture } from './make-v1-fixture.ts';

describe('format 1 fixture (tests/fixtures/project-file/v1-small.cwb)', () => {
  it('holds exactly what make-v1-fixture.ts makes', () => {
    const committed = unpack(readFileSync(V1_FIXTURE_PATH));
    const rebuilt = unpack(buildV1Fixture());
    expect(Object.keys(committed)).toEqual(['manifest.json', 'estate.json', 'series.json']);
    for (const name of Object.keys(rebuilt)) expect(Buffer.from(committed[name]).equals(Buffer.from(rebuilt[name])), name).toBe(true);
  });

  it('opens as the current format, migrated from 1, field by field', async () => {
    const result = await readProjectFile(V1_FIXTURE_PATH);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.migratedFrom).toBe(1);
    expect(result.manifest).toEqual({
      format: 'cwb',
      formatVersion: 3,
      appVersion: '0.0.9',
      createdUtc: '2025-06-09T16:45:00Z',
      modifiedUtc: '2025-06-09T16:45:00Z',
      counts: { dataCentres: 1, servers: 3, applications: 1, scenarios: 1, seriesRows: 3, seriesHours: 24 },
    });
    const { estate, series } = result.project;
    expect(estate.name).toBe('Ledger pilot');
    expect(estate.currency).toBe('EUR');
    expect(estate.description).toBe(''); // default filled
    expect(estate.dataCentres[0]).toMatchObject({ id: 'dc-ord', name: "O'Hare DC", racksUsed: 0, timeZone: 'America/Chicago' });
    expect(estate.servers.map((s) => s.memoryGiB)).toEqual([16, 0.5, 64]);
    for (const s of estate.servers) expect(s).not.toHaveProperty('memoryMB');
    expect(estate.servers.map((s) => s.cores)).toEqual([4, 8, 12]);
    expect(estate.servers.map((s) => s.sourceKind)).toEqual(['physical', 'vm', 'physical']);
    expect(estate.servers[1].sourceHost).toBe('esx-07');
    expect(estate.servers[2].blocker).toEqual({ kind: 'shared-disk', detail: 'Oracle RAC quorum disk' });
    expect(estate.servers[0]).toMatchObject({ rackUnits: 2, powerW: 350, affinityGroups: [], licensedProductIds: [] });
    expect(estate.applications[0]).toMatchObject({ userLatencyBudgetMs: null, tierLatencyBudgetMs: null });
    expect(estate.hostModels[0].costPerMonth).toBe(0);
    expect(estate.scenarios[0]).toMatchObject({ description: '', hostModelByDataCentre: {}, rules: {}, licenceModelIds: [], pins: [], seed: 1 });

    expect(series.startUtc).toBe('2025-06-02T00:00:00Z');
    expect(series.hours).toBe(24);
    expect(series.serverIds).toEqual(['srv-1', 'srv-2', 'srv-3']);
    expect(Array.from(series.cpuPct.subarray(0, 7))).toEqual([10, 10.25, 10.5, 10.75, 11, 11.25, 10]);
    expect(Array.from(series.cpuPct.subarray(24, 32))).toEqual([20, 20.25, 20.5, 20.75, 21, NaN, NaN, NaN]);
    expect(series.memPct[48 + 1]).toBe(53.25);
    expect(series.iops[48 + 23]).toBe(300 + (23 % 6) * 0.25);
    expect(Number.isNaN(series.netMbps[0])).toBe(true);
    expect(series.netMbps[1]).toBe(3.25);
    for (const m of ['cpuPct', 'memPct', 'iops', 'netMbps'] as const) expect(series[m].length).toBe(72);
  });

  it('saves in the current format and reopens the same project', async () => {
    const v1 = await readProjectFile(V1_FIXTURE_PATH);
    if (!v1.ok) throw new Error(v1.error.message);
    const v2 = decodeProject(encodeProject(v1.project, { appVersion: '0.1.0', nowUtc: '2026-11-22T12:00:00Z', createdUtc: v1.manifest.createdUtc }));
    if (!v2.ok) throw new Error(v2.error.message);
    expect(v2.migratedFrom).toBeNull();
    expect(v2.manifest.createdUtc).toBe('2025-06-09T16:45:00Z');
    expect(v2.project.estate).toEqual(v1.project.estate);
    expect(Array.from(v2.project.series.netMbps)).toEqual(Array.from(v1.project.series.netMbps));
  });
});
