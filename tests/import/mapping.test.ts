import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/import/apply.ts';
import { parseCsv } from '../../core/import/csv.ts';
import { guessKind, guessMapping } from '../../core/import/mapping.ts';
import type { QualityReport } from '../../core/import/report.ts';
import type { Table } from '../../core/import/table.ts';
import { fixtures } from './helpers.ts';

async function csvTable(name: string): Promise<Table> {
  const { records, rowNumbers } = parseCsv(await readFile(path.join(fixtures, name), 'utf8'));
  return { file: name, sheet: null, headers: records[0], rows: records.slice(1), rowNumbers: rowNumbers.slice(1) };
}
const issue = (r: QualityReport, text: string) => r.issues.find((i) => i.message.includes(text));
const servers = [
  { id: 'srv-web-01', name: 'web-01' },
  { id: 'srv-db-01', name: 'db-01' },
];

describe('guessMapping', () => {
  it('proposes a column per field with a confidence, and leaves the rest unmapped', async () => {
    const t = await csvTable('inventory.csv');
    const g = guessMapping('inventory', t.headers);
    expect(g.columns).toMatchObject({ name: 'Hostname', dataCentre: 'Site', department: 'Dept', application: 'App', environment: 'Env', os: 'OS', cores: 'CPUs', memory: 'RAM', storage: 'Disk (GB)', iops: 'IOPS', virtualisable: 'Virtualisable', blocker: 'Reason', networkMbps: null, zone: null });
    expect(g.confidence.name).toBe(1);
    expect(guessMapping('inventory', ['Primary Hostname']).confidence.name).toBe(0.6);
    expect(guessMapping('inventory', ['Memory (TB)']).confidence.memory).toBe(0.9);
    expect(g.missingRequired).toEqual([]);
  });

  it('tells the kinds apart from headers alone', async () => {
    for (const [file, kind] of [['inventory.csv', 'inventory'], ['series.csv', 'series'], ['flows.csv', 'flows'], ['sites.csv', 'sites'], ['links.csv', 'links']] as const) {
      expect(guessKind((await csvTable(file)).headers).kind).toBe(kind);
    }
    expect(guessMapping('series', ['foo', 'bar']).missingRequired).toEqual(['server', 'timestamp', 'metric', 'value']);
  });

  it('a confirmed mapping that names a missing column is a clear error', async () => {
    const t = await csvTable('inventory.csv');
    expect(() => applyMapping('inventory', t, { kind: 'inventory', columns: { name: 'Server' } })).toThrow(/inventory\.csv: the mapping sends column "Server" to Server name, but the file has no such column/);
    expect(() => applyMapping('inventory', t, { kind: 'inventory', columns: {} })).toThrow(/needs a column for Server name/);
  });
});

describe('inventory', () => {
  it('imports servers with units converted, duplicates and bad cells reported by row and column', async () => {
    const t = await csvTable('inventory.csv');
    const r = applyMapping('inventory', t, guessMapping('inventory', t.headers));
    expect(r.servers.map((s) => s.id)).toEqual(['srv-web-01', 'srv-db-01', 'srv-fax-01', 'srv-web-01-2']);
    expect(r.servers[0]).toMatchObject({ memoryGiB: 16, storageGiB: 100, cores: 4, environment: 'prod', applicationId: 'app-erp', tier: 'web', departmentId: 'dept-finance', dataCentreId: 'dc-london', iops: 200 });
    expect(r.servers[1].memoryGiB).toBe(128);
    expect(r.servers[2]).toMatchObject({ virtualisable: false, blocker: { kind: 'special-hardware', detail: 'Fax modem card' }, environment: 'test', departmentId: 'unassigned' });
    expect(r.servers[3]).toMatchObject({ cores: 1, environment: 'dev', departmentId: 'dept-sales' });
    expect(r.applications).toEqual([expect.objectContaining({ id: 'app-erp', tiers: ['web', 'db'], departmentId: 'dept-finance' })]);
    expect(r.departments.map((d) => d.id).sort()).toEqual(['dept-finance', 'dept-sales', 'unassigned']);
    expect(r.report.tables[0]).toEqual({ file: 'inventory.csv', sheet: null, rowsRead: 5, rowsUsed: 4, rowsSkipped: 1 });
    expect(issue(r.report, 'memory column "RAM" names no unit; values (median 8192) look like MB')).toBeDefined();
    expect(issue(r.report, 'duplicate server name "web-01"')?.at).toEqual([
      { file: 'inventory.csv', sheet: null, row: 2, column: 'Hostname' },
      { file: 'inventory.csv', sheet: null, row: 5, column: 'Hostname' },
    ]);
    expect(issue(r.report, 'cores is not a number')?.at).toEqual([{ file: 'inventory.csv', sheet: null, row: 5, column: 'CPUs' }]);
    expect(issue(r.report, 'without a server name')?.at[0].row).toBe(6);
  });
});

describe('inventory CPU speed', () => {
  it('rates cores from the CPU speed column, warns about one outside 0.1-10 GHz and uses the default rating', () => {
    // (GHz: no value is above 100, which would make the column MHz)
    const t = { file: 'inv.csv', sheet: null, headers: ['name', 'cpus', 'cpu ghz'], rows: [['a', 2, 2.3], ['b', 2, 0.0001], ['c', 2, 45]], rowNumbers: [2, 3, 4] };
    const r = applyMapping('inventory', t, guessMapping('inventory', t.headers));
    expect(r.servers.map((s) => s.ratingPerCore)).toEqual([46, 40, 40]);
    expect(issue(r.report, 'CPU speed outside 0.1-10 GHz')?.at.map((a) => a.row)).toEqual([3, 4]);
  });
});

describe('series', () => {
  it('resamples to hourly means with gaps, honouring offsets; lists unusable rows', async () => {
    const t = await csvTable('series.csv');
    const r = applyMapping('series', t, guessMapping('series', t.headers), { servers });
    const s = r.series;
    expect(s).not.toBeNull();
    if (!s) return;
    expect(s.startUtc).toBe('2026-03-02T00:00:00Z');
    expect(s.hours).toBe(4);
    expect(s.serverIds).toEqual(['srv-web-01', 'srv-db-01']);
    expect([...s.cpuPct.subarray(0, 4)]).toEqual([20, 50, NaN, NaN]);
    expect([...s.memPct.subarray(0, 4)]).toEqual([NaN, NaN, NaN, 40]);
    expect([...s.cpuPct.subarray(4, 8)]).toEqual([80, NaN, NaN, NaN]);
    expect(r.report.counts).toMatchObject({ seriesServers: 2, seriesSamples: 5 });
    expect(r.report.tables[0]).toMatchObject({ rowsRead: 9, rowsUsed: 5, rowsSkipped: 4 });
    expect(issue(r.report, 'not in the project')?.at).toEqual([{ file: 'series.csv', sheet: null, row: 7, column: 'server' }]);
    expect(issue(r.report, 'time stamp is not a date')?.at[0]).toMatchObject({ row: 8, column: 'timestamp' });
    expect(issue(r.report, 'value is not a number')?.at[0]).toMatchObject({ row: 9, column: 'value' });
    expect(issue(r.report, 'metric is not one of')?.at[0]).toMatchObject({ row: 10, column: 'metric' });
  });

  it('reads times without an offset in the chosen zone, and 0..1 fractions as percent', () => {
    const table: Table = { file: 's.csv', sheet: null, headers: ['host', 'time', 'counter', 'avg'], rows: [['db-01', '2026-03-02 00:00', 'cpu', '0.5'], ['db-01', '2026-03-02 01:00', 'cpu', '0.25']], rowNumbers: [2, 3] };
    const r = applyMapping('series', table, guessMapping('series', table.headers), { servers, timeZone: 'America/New_York' });
    expect(r.series?.startUtc).toBe('2026-03-02T05:00:00Z');
    expect([...(r.series?.cpuPct ?? [])]).toEqual([50, 25]);
    expect(issue(r.report, 'read as fractions')).toBeDefined();
  });
});

describe('flows, sites and links', () => {
  it('builds hourly flow profiles, filling hours without samples with the mean', async () => {
    const t = await csvTable('flows.csv');
    const r = applyMapping('flows', t, guessMapping('flows', t.headers), { servers });
    expect(r.flows).toHaveLength(2);
    const f = r.flows[0];
    expect(f).toMatchObject({ id: 'flow-srv-web-01-srv-db-01', from: { kind: 'server', id: 'srv-web-01' }, to: { kind: 'server', id: 'srv-db-01' } });
    expect(f.hourlyMbps).toHaveLength(24);
    expect(f.hourlyMbps.slice(0, 3)).toEqual([20, 5, 12.5]);
    expect(r.flows[1].hourlyMbps.every((x) => x === 2)).toBe(true);
    expect(issue(r.report, 'destination is neither')?.at).toEqual([{ file: 'flows.csv', sheet: null, row: 6, column: 'destination' }]);
  });

  it('reads sites (data centres and user sites) and links between them', async () => {
    const st = await csvTable('sites.csv');
    const sites = applyMapping('sites', st, guessMapping('sites', st.headers));
    expect(sites.dataCentres.map((d) => [d.id, d.latitude, d.timeZone, d.rackCapacity])).toEqual([
      ['dc-london', 51.5, 'Europe/London', 40],
      ['dc-paris', 48.85, 'Europe/Paris', 20],
      ['dc-nowhere', null, 'UTC', 0],
    ]);
    expect(sites.userSites).toEqual([expect.objectContaining({ id: 'site-leeds-office', users: 250 })]);
    expect(issue(sites.report, 'latitude is outside -90 to 90')?.at[0]).toMatchObject({ row: 5, column: 'lat' });
    expect(issue(sites.report, 'time zone is not an IANA name')?.at[0]).toMatchObject({ row: 5, column: 'tz' });
    const lt = await csvTable('links.csv');
    const known = [...sites.dataCentres, ...sites.userSites].map((s) => ({ id: s.id, name: s.name }));
    const links = applyMapping('links', lt, guessMapping('links', lt.headers), { sites: known });
    expect(links.wanLinks.map((l) => [l.a, l.b, l.bandwidthMbps, l.latencyMs, l.costPerMonth])).toEqual([
      ['dc-london', 'dc-paris', 1000, 12, 5000],
      ['dc-london', 'site-leeds-office', 200, 8, 800],
    ]);
    expect(issue(links.report, 'endpoint B is not a known')?.at[0]).toMatchObject({ row: 4, column: 'b' });
  });
});
