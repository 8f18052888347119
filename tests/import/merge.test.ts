import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyResult } from '../../core/import/result.ts';
import { DEFAULT_HOST_MODEL } from '../../core/model/defaults.ts';
import { KEEP_ALL_SCENARIO_ID, mergeImport } from '../../core/import/merge.ts';
import { emptyCounts, formatReport } from '../../core/import/report.ts';
import { mapRvtools } from '../../core/import/rvtools.ts';
import { emptySeries } from '../../core/model/series.ts';
import { validateProject } from '../../core/model/validate.ts';
import { writeFile } from 'node:fs/promises';
import { importFiles, previewFiles } from '../../electron/services/import/import-files.ts';
import { fixtures, withTmp } from './helpers.ts';

const vinfo = (names: string[], dc = 'DC1') => mapRvtools([{ file: 'x.xlsx', sheet: 'vInfo', headers: ['VM', 'CPUs', 'Memory', 'Datacenter'], rows: names.map((n) => [n, 2, 4096, dc]), rowNumbers: names.map((_, i) => i + 2) }]);

describe('mergeImport', () => {
  it('builds a fresh, valid project with defaults from one import', () => {
    const { project, report } = mergeImport(null, vinfo(['a', 'b']), { name: 'Acme' });
    expect(validateProject(project.estate, project.series).ok).toBe(true);
    expect(project.estate.name).toBe('Acme');
    expect(project.estate.hostModels).toEqual([DEFAULT_HOST_MODEL]);
    expect(project.estate.scenarios).toEqual([expect.objectContaining({ id: KEEP_ALL_SCENARIO_ID, keptDataCentreIds: ['dc-dc1'], defaultHostModelId: DEFAULT_HOST_MODEL.id })]);
    expect(project.estate.departments.map((d) => d.id)).toEqual(['unassigned']);
    expect(report.counts.serversImported).toBe(2);
    expect(formatReport(report)).toMatch(/^2 servers imported/);
  });

  it('notes that imported data centres have no known power or racks (the engine does not enforce a 0 limit)', () => {
    const { project, report } = mergeImport(null, vinfo(['a']));
    expect(project.estate.dataCentres[0]).toMatchObject({ powerKw: 0, rackCapacity: 0 });
    expect(report.issues.some((i) => i.kind === 'assumption' && /power and rack capacity unknown for 1 new data centre\(s\) \(DC1\)/.test(i.message))).toBe(true);
  });

  it('adds to a base project: replaces servers with the same id, extends keep-all scenarios', () => {
    const base = mergeImport(null, vinfo(['a', 'b'])).project;
    const { project, report } = mergeImport(base, vinfo(['b', 'c'], 'DC2'));
    expect(project.estate.servers.map((s) => s.id)).toEqual(['vm-a', 'vm-b', 'vm-c']);
    expect(project.estate.servers[1].dataCentreId).toBe('dc-dc2');
    expect(project.estate.scenarios[0].keptDataCentreIds).toEqual(['dc-dc1', 'dc-dc2']);
    expect(report.issues.some((i) => /1 servers already in the project were replaced/.test(i.message))).toBe(true);
    expect(base.estate.servers).toHaveLength(2); // the base is not changed: the UI can undo by keeping it
  });

  it('merges series hour by hour over the union of both timelines', () => {
    const base = mergeImport(null, vinfo(['a', 'b'])).project;
    const s1 = emptySeries('2026-03-02T00:00:00Z', 2, ['vm-a']);
    s1.cpuPct.set([10, 20]);
    const withS1 = mergeImport(base, { ...emptyResult({ files: [], counts: emptyCounts(), tables: [], issues: [] }), series: s1 }).project;
    const s2 = emptySeries('2026-03-02T01:00:00Z', 2, ['vm-a', 'vm-b']);
    s2.cpuPct.set([99, NaN, 5, 6]);
    const merged = mergeImport(withS1, { ...emptyResult({ files: [], counts: emptyCounts(), tables: [], issues: [] }), series: s2 }).project.series;
    expect(merged.startUtc).toBe('2026-03-02T00:00:00Z');
    expect(merged.hours).toBe(3);
    expect(merged.serverIds).toEqual(['vm-a', 'vm-b']);
    expect([...merged.cpuPct]).toEqual([10, 99, NaN, NaN, 5, 6]);
  });
});

describe('importFiles: inventory, sites, links, series and flows together', () => {
  it('imports in dependency order into one valid project, and reports every file', async () => {
    const files = ['series.csv', 'flows.csv', 'links.csv', 'sites.csv', 'inventory.csv'].map((f) => path.join(fixtures, f));
    const { project, report } = await importFiles(files, { name: 'Fixture' });
    const e = project.estate;
    expect(validateProject(e, project.series).ok).toBe(true);
    expect(e.servers).toHaveLength(4);
    const london = e.dataCentres.find((d) => d.id === 'dc-london');
    expect(london).toMatchObject({ latitude: 51.5, timeZone: 'Europe/London', rackCapacity: 40 }); // the sites file completed the inventory's site
    expect(e.userSites.map((s) => s.id)).toEqual(['site-leeds-office']);
    expect(e.wanLinks).toHaveLength(2);
    // "web-01" names two servers in the inventory: series and flow rows naming it are listed, not guessed.
    expect(report.issues.some((i) => /shared by several servers/.test(i.message) && i.at.some((a) => a.file === 'series.csv'))).toBe(true);
    expect(project.series.serverIds).toEqual(['srv-db-01']);
    expect(report.files.sort()).toEqual(['flows.csv', 'inventory.csv', 'links.csv', 'series.csv', 'sites.csv']);
    for (const t of report.tables) expect(t.rowsUsed + t.rowsSkipped).toBe(t.rowsRead);
    expect(formatReport(report).split('\n')[0]).toMatch(/^4 servers imported from 5 files/);
  });

  it('previews files for the mapping step and imports with the confirmed mapping', async () => {
    await withTmp(async (dir) => {
      const odd = path.join(dir, 'odd.csv');
      await writeFile(odd, 'Box;Cores#;Gig\nalpha;4;16\nbeta;8;32\n');
      const [unknown] = await previewFiles([odd]);
      expect(unknown.kind).toBeNull();
      expect(unknown.error).toMatch(/odd\.csv: cannot tell what this CSV holds \(columns: Box, Cores#, Gig\)/);
      const [preview] = await previewFiles([odd], { kinds: { [odd]: 'inventory' } });
      expect(preview).toMatchObject({ kind: 'inventory', headers: ['Box', 'Cores#', 'Gig'], error: null });
      const mapping = { kind: 'inventory' as const, columns: { ...preview.guess?.columns, name: 'Box', cores: 'Cores#', memory: 'Gig' } };
      const { project } = await importFiles([odd], { kinds: { [odd]: 'inventory' }, mappings: { [odd]: mapping } });
      expect(project.estate.servers.map((s) => [s.name, s.cores, s.memoryGiB])).toEqual([['alpha', 4, 16], ['beta', 8, 32]]);
    });
  });

  it('refuses a CSV it cannot classify, naming its columns', async () => {
    await expect(importFiles([path.join(fixtures, 'rvtools-csv', '..', 'unknown.txt')])).rejects.toThrow(/unknown\.txt: cannot tell what this CSV holds \(columns: colour, size\)/);
  });
});
