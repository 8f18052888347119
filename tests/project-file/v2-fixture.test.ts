/** The committed format 2 file (before kept plans) opens through the migration to format 3 and saves as 3. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeProject, encodeProject } from '../../core/project-file/codec.ts';
import { projectHashes, inputsOf } from '../../core/project-file/input-hashes.ts';
import { readProjectFile } from '../../electron/services/project-store.ts';
import { tinyPlan } from '../../renderer/views/fixtures.ts';
import { jsonOf, unpack } from './hostile-zip.ts';
import { V2_FIXTURE_PATH, V2_HOURS, buildV2Fixture, v2Value } from './make-v2-fixture.ts';

describe('format 2 fixture (tests/fixtures/project-file/v2-small.cwb)', () => {
  it('holds exactly what make-v2-fixture.ts makes', () => {
    const committed = unpack(readFileSync(V2_FIXTURE_PATH));
    const rebuilt = unpack(buildV2Fixture());
    expect(Object.keys(committed)).toEqual(['manifest.json', 'estate.json', 'series.json', 'series.bin']);
    for (const name of Object.keys(rebuilt)) expect(Buffer.from(committed[name]).equals(Buffer.from(rebuilt[name])), name).toBe(true);
  });

  it('opens as format 3, migrated from 2, with no kept plans', async () => {
    const result = await readProjectFile(V2_FIXTURE_PATH);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.migratedFrom).toBe(2);
    expect(result.manifest).toEqual({
      format: 'cwb',
      formatVersion: 3,
      appVersion: '0.1.4',
      createdUtc: '2026-03-02T09:00:00Z',
      modifiedUtc: '2026-03-04T17:30:00Z',
      counts: { dataCentres: 1, servers: 3, applications: 1, scenarios: 2, seriesRows: 3, seriesHours: 24 },
    });
    expect(result.plans).toEqual({ plans: [], hashes: null, warnings: [] });
    const { estate, series } = result.project;
    expect(estate.name).toBe('Ledger pilot (format 2)');
    expect(estate.servers.map((s) => s.memoryGiB)).toEqual([16, 0.5, 64]);
    expect(estate.scenarios.map((s) => [s.id, s.seed, s.rules.headroomPct?.cpu ?? null])).toEqual([
      ['sc-1', 7, null],
      ['sc-2', 7, 40],
    ]);
    expect(series.hours).toBe(V2_HOURS);
    expect(series.cpuPct[2]).toBe(v2Value(0, 0, 2));
    expect(series.memPct[V2_HOURS * 2 + 11]).toBe(v2Value(1, 2, 11));
    expect(Number.isNaN(series.iops[V2_HOURS + 6])).toBe(true);
  });

  it('saves as format 3 with a kept plan and reopens both', async () => {
    const v2 = await readProjectFile(V2_FIXTURE_PATH);
    if (!v2.ok) throw new Error(v2.error.message);
    const hashes = projectHashes(v2.project);
    const inputs = inputsOf(hashes, 'sc-1');
    if (!inputs) throw new Error('no sc-1');
    const plan = tinyPlan({ scenarioId: 'sc-1' });
    const bytes = encodeProject(v2.project, { appVersion: '0.2.0', nowUtc: '2026-12-02T12:00:00Z', createdUtc: v2.manifest.createdUtc }, { plans: { saved: [{ id: 'latest:sc-1', scenarioId: 'sc-1', name: null, plan, inputs }], hashes } });
    expect(jsonOf(bytes, 'manifest.json')).toMatchObject({ formatVersion: 3, createdUtc: '2026-03-02T09:00:00Z' });
    const v3 = decodeProject(bytes);
    if (!v3.ok) throw new Error(v3.error.message);
    expect(v3.migratedFrom).toBeNull();
    expect(v3.project.estate).toEqual(v2.project.estate);
    expect(v3.plans.plans.map((p) => [p.scenarioId, p.changed, p.plan.hostsUsed])).toEqual([['sc-1', [], plan.hostsUsed]]);
  });
});
