/**
 * Performance exports (Get-Stat, perfmon, sadf -d, wide CSV): each fixture of tests/fixtures/import/perf/
 * imported to hourly series whose values are worked out by hand from the fixture (the arithmetic is
 * written next to each expectation), and the quality report naming file, row and column.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/import/apply.ts';
import { parseCsv } from '../../core/import/csv.ts';
import { guessKind } from '../../core/import/mapping.ts';
import type { PerfServer } from '../../core/import/perf/sink.ts';
import type { QualityReport } from '../../core/import/report.ts';
import type { ImportResult } from '../../core/import/result.ts';
import type { Table } from '../../core/import/table.ts';
import type { Metric } from '../../core/model/series.ts';
import { fixtures } from './helpers.ts';

export const PERF_SERVERS: PerfServer[] = [
  { id: 'srv-web', name: 'web-01', cores: 4, mhzPerCore: 2500, memoryGiB: 16 },
  { id: 'srv-db', name: 'db-01.corp.local', cores: 2, mhzPerCore: 3000, memoryGiB: 8 },
];

export function tableOf(name: string, text: string): Table {
  const { records, rowNumbers } = parseCsv(text);
  return { file: name, sheet: null, headers: records[0].map((h) => h.trim()), rows: records.slice(1), rowNumbers: rowNumbers.slice(1) };
}

async function fixture(name: string): Promise<Table> {
  return tableOf(name, await readFile(path.join(fixtures, 'perf', name), 'utf8'));
}

export function importTable(t: Table, timeZone = 'UTC'): ImportResult {
  const { kind, guess } = guessKind(t.headers);
  return applyMapping(kind, t, guess, { servers: PERF_SERVERS, timeZone });
}

/** The hourly values of one server and metric (NaN for gaps). */
export function hourly(r: ImportResult, id: string, metric: Metric): number[] {
  const s = r.series;
  if (!s) throw new Error('no series');
  const row = s.serverIds.indexOf(id);
  if (row < 0) throw new Error(`no row for ${id}`);
  return Array.from(s[metric].subarray(row * s.hours, (row + 1) * s.hours));
}

export const issue = (r: QualityReport, text: string) => r.issues.find((i) => i.message.includes(text));

function close(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => {
    if (Number.isNaN(expected[k])) expect(a, `hour ${k}`).toBeNaN();
    else expect(a, `hour ${k}`).toBeCloseTo(expected[k], 4);
  });
}

describe('Get-Stat (PowerCLI Export-Csv)', () => {
  it('detects the kind and reads the aggregates, converting MHz, KB and KBps', async () => {
    const t = await fixture('getstat.csv');
    expect(guessKind(t.headers).kind).toBe('getstat');
    const r = importTable(t);
    expect(r.series?.startUtc).toBe('2026-03-02T10:00:00Z'); // first sample ends 10:30 after a 1800 s interval
    expect(r.series?.hours).toBe(2);
    expect(r.series?.serverIds).toEqual(['srv-web', 'srv-db']); // "DB-01" is db-01.corp.local by its short name
    close(hourly(r, 'srv-web', 'cpuPct'), [(20 + 40) / 2, (10 + 30) / 2]); // the vCPU 0 row (99) is not read
    close(hourly(r, 'srv-web', 'memPct'), [(50 + 60) / 2, (70 + 70) / 2]);
    close(hourly(r, 'srv-web', 'netMbps'), [(((1000 + 3000) / 2) * 1024 * 8) / 1e6, NaN]); // NIC 4000 ignored: aggregate rows exist
    close(hourly(r, 'srv-db', 'cpuPct'), [(1500 / (2 * 3000) + 3000 / (2 * 3000)) * 50, NaN]); // MHz / (vCPUs x MHz), mean of 25 and 50
    close(hourly(r, 'srv-db', 'memPct'), [((2097152 + 4194304) / 2 / (8 * 1024 * 1024)) * 100, NaN]);
    close(hourly(r, 'srv-db', 'iops'), [NaN, NaN]);
    expect(r.report.tables[0]).toEqual({ file: 'getstat.csv', sheet: null, rowsRead: 18, rowsUsed: 14, rowsSkipped: 4 });
    expect(issue(r.report, '1 server name in the file not in the project')?.message).toMatch(/1 rows skipped\); e\.g\. ghost-vm/);
    expect(issue(r.report, '1 server name in the file not in the project')?.at).toEqual([{ file: 'getstat.csv', sheet: null, row: 19, column: 'Entity' }]);
    expect(issue(r.report, 'metric id not read')?.message).toMatch(/1 metric id not read \(1 rows\): cpu\.ready\.summation/);
    expect(issue(r.report, 'per-instance row')?.at.map((a) => a.row)).toEqual([6, 13]);
  });

  it('skips a unit that does not match the metric, naming row and column', () => {
    const t = tableOf('mixed.csv', 'Value,Timestamp,MetricId,Unit,Entity,IntervalSecs,Instance\n2400,2026-03-02T10:30:00Z,cpu.usage.average,MHz,web-01,1800,\n25,2026-03-02T10:30:00Z,cpu.usage.average,%,web-01,1800,\n');
    const r = importTable(t);
    expect(issue(r.report, 'unit does not match the metric')?.at).toEqual([{ file: 'mixed.csv', sheet: null, row: 2, column: 'Unit' }]);
    close(hourly(r, 'srv-web', 'cpuPct'), [25]);
  });

  it('newest-first rows across the DST change (clocks back) keep both passes of the hour apart', () => {
    const stamps = ['2:00:00 AM', '1:30:00 AM', '1:00:00 AM', '1:30:00 AM', '1:00:00 AM', '12:30:00 AM'];
    const rows = stamps.map((t, k) => `${k + 1},10/25/2026 ${t},cpu.usage.average,%,web-01,1800,`).join('\n');
    const r = importTable(tableOf('desc.csv', `Value,Timestamp,MetricId,Unit,Entity,IntervalSecs,Instance\n${rows}\n`), 'Europe/London');
    // Ends 02:00Z, 01:30Z, 01:00Z (GMT), 00:30Z, 00:00Z, 23:30Z (BST); each sample starts 30 minutes earlier.
    expect(r.series?.startUtc).toBe('2026-10-24T23:00:00Z');
    close(hourly(r, 'srv-web', 'cpuPct'), [(5 + 6) / 2, (3 + 4) / 2, (1 + 2) / 2]);
    expect(issue(r.report, 'appear more than once')).toBeUndefined();
  });

  it('cpu.usagemhz without a known clock is a warning, not a guess', () => {
    const t = tableOf('mhz.csv', 'Value,Timestamp,MetricId,Unit,Entity,IntervalSecs,Instance\n2400,2026-03-02T10:30:00Z,cpu.usagemhz.average,MHz,web-01,1800,\n');
    const r = applyMapping('getstat', t, guessKind(t.headers).guess, { servers: [{ id: 'srv-web', name: 'web-01', cores: 4, mhzPerCore: null }] });
    expect(issue(r.report, 'has no known clock')?.at).toEqual([{ file: 'mhz.csv', sheet: null, row: 2, column: 'Value' }]);
    expect(r.series).toBeNull();
  });
});

describe('perfmon (relog PDH-CSV 4.0)', () => {
  it('reads the counters of several servers in the header zone', async () => {
    const t = await fixture('perfmon.csv');
    expect(guessKind(t.headers).kind).toBe('perfmon');
    const r = importTable(t, 'Asia/Tokyo'); // the header's zone wins over the dialog's
    expect(r.series?.startUtc).toBe('2026-03-02T09:00:00Z'); // GMT Standard Time = UTC in March
    expect(r.series?.hours).toBe(2);
    close(hourly(r, 'srv-web', 'cpuPct'), [(10 + 20) / 2, (30 + 40 + 100) / 3]); // 105 clamped to 100; 09:00 blank = gap
    close(hourly(r, 'srv-web', 'memPct'), [(40 + 42 + 44) / 3, (46 + 48 + 50) / 3]);
    close(hourly(r, 'srv-web', 'iops'), [(100 + 200) / 2, (300 + 500) / 2]);
    // Interfaces summed per sample, bytes/s x 8 / 10^6: 09:20 1, 09:40 3; 10:00 1, 10:40 1.
    close(hourly(r, 'srv-web', 'netMbps'), [(((125000 + 0) * 8) / 1e6 + ((250000 + 125000) * 8) / 1e6) / 2, 1]);
    close(hourly(r, 'srv-db', 'cpuPct'), [(20 + 100) / 2, (30 + 40 + 50) / 3]);
    // Available MBytes of 8 GiB (8192 MB): 4096 -> 50%, 2048 -> 75%, 6144 -> 25%.
    close(hourly(r, 'srv-db', 'memPct'), [(50 + 50 + 75) / 3, (75 + 25 + 25) / 3]);
    expect(r.report.tables[0]).toEqual({ file: 'perfmon.csv', sheet: null, rowsRead: 7, rowsUsed: 6, rowsSkipped: 1 });
    expect(issue(r.report, 'no usable value')?.at).toEqual([{ file: 'perfmon.csv', sheet: null, row: 8, column: null }]);
    expect(issue(r.report, 'above 100%: clamped')?.at).toEqual([{ file: 'perfmon.csv', sheet: null, row: 7, column: '\\\\WEB-01\\Processor(_Total)\\% Processor Time' }]);
    expect(issue(r.report, 'counter column not read')?.at).toEqual([{ file: 'perfmon.csv', sheet: null, row: 1, column: '\\\\WEB-01\\System\\Processor Queue Length' }]);
    expect(issue(r.report, 'not in the project')?.message).toMatch(/1 columns skipped\); e\.g\. FILE-09/);
    expect(issue(r.report, 'per-processor counters')).toBeDefined();
    expect(issue(r.report, 'a single sample of 100% CPU')?.at).toEqual([{ file: 'perfmon.csv', sheet: null, row: 4, column: '\\\\db-01.corp.local\\Processor(_Total)\\% Processor Time' }]);
    expect(issue(r.report, 'read in Europe/London')).toBeDefined();
  });

  it('places the repeated hour of a DST change (clocks back) without duplicates', () => {
    const head = '"(PDH-CSV 4.0) (GMT Daylight Time)(-60)","\\\\WEB-01\\Processor(_Total)\\% Processor Time"\n';
    const rows = ['00:30', '01:00', '01:30', '01:00', '01:30', '02:00'].map((t, k) => `"10/25/2026 ${t}:00.000","${k + 1}"`).join('\n');
    const r = importTable(tableOf('dst.csv', head + rows));
    expect(r.series?.startUtc).toBe('2026-10-24T23:00:00Z'); // 00:30 BST
    // BST 00:30 -> 23:30Z; BST 01:00, 01:30 -> 00:00Z, 00:30Z; GMT 01:00, 01:30 -> 01:00Z, 01:30Z; GMT 02:00 -> 02:00Z.
    close(hourly(r, 'srv-web', 'cpuPct'), [1, (2 + 3) / 2, (4 + 5) / 2, 6]);
    expect(issue(r.report, 'appear more than once')).toBeUndefined();
    expect(issue(r.report, 'clocks went back')?.at.map((a) => a.row)).toEqual([3, 4, 5, 6]);
  });

  it('an unknown Windows zone is read at the header bias, said so', () => {
    const r = importTable(tableOf('bias.csv', '"(PDH-CSV 4.0) (Mars Standard Time)(-120)","\\\\web-01\\Memory\\% Committed Bytes In Use"\n"03/02/2026 12:10:00.000","30"\n'));
    expect(r.series?.startUtc).toBe('2026-03-02T10:00:00Z'); // UTC = local + bias = 12:10 - 2 h
    expect(issue(r.report, 'fixed bias')).toBeDefined();
  });
});

describe('sadf -d (sar)', () => {
  it('reads the CPU, memory, I/O and network blocks', async () => {
    const t = await fixture('sar.csv');
    expect(guessKind(t.headers).kind).toBe('sar');
    const r = importTable(t);
    expect(r.series?.startUtc).toBe('2026-03-02T00:00:00Z');
    expect(r.series?.hours).toBe(2);
    close(hourly(r, 'srv-web', 'cpuPct'), [(100 - 80 + (100 - 60)) / 2, (100 - 90 + (100 - 100)) / 2]); // 100 - %idle, CPU -1 rows
    close(hourly(r, 'srv-db', 'cpuPct'), [(100 - 50 + (100 - 30)) / 2, NaN]); // two rows at one time stamp: averaged
    close(hourly(r, 'srv-web', 'memPct'), [(40 + 50) / 2, 60]);
    close(hourly(r, 'srv-web', 'iops'), [(100 + 300) / 2, 50]); // -b tps; the -d device row is not added to it
    close(hourly(r, 'srv-web', 'netMbps'), [(((600 + 400 + 0) * 1024 * 8) / 1e6 + ((1500 + 500 + 0) * 1024 * 8) / 1e6) / 2, NaN]); // lo left out
    expect(r.report.tables[0]).toEqual({ file: 'sar.csv', sheet: null, rowsRead: 28, rowsUsed: 18, rowsSkipped: 10 });
    expect(issue(r.report, 'appear more than once')?.at).toEqual([{ file: 'sar.csv', sheet: null, row: 9, column: '%idle' }]);
    expect(issue(r.report, 'LINUX-RESTART')?.at.map((a) => a.row)).toEqual([5]);
    expect(issue(r.report, 'not in the project')?.message).toMatch(/e\.g\. mystery/);
    expect(issue(r.report, 'per-disk row')?.at.map((a) => a.row)).toEqual([22]);
  });
});

describe('wide CSV', () => {
  it('maps one column per server and metric, in the dialog zone', async () => {
    const t = await fixture('wide.csv');
    const g = guessKind(t.headers);
    expect(g.kind).toBe('wide');
    expect(g.guess.columns).toMatchObject({ timestamp: 'Time', 'col:web-01 cpu %': 'cpuPct@web-01', 'col:web-01 mem %': 'memPct@web-01', 'col:DB-01 CPU %': 'cpuPct@DB-01', 'col:db-01 iops': 'iops@db-01', 'col:notes': null });
    const r = importTable(t, 'Europe/Paris');
    expect(r.series?.startUtc).toBe('2026-03-02T08:00:00Z'); // 09:00 in Paris (UTC+1)
    close(hourly(r, 'srv-web', 'cpuPct'), [(10 + 30) / 2, (50 + 70) / 2]); // -5 skipped; two 10:30 rows averaged
    close(hourly(r, 'srv-web', 'memPct'), [40, (50 + 60) / 2]);
    close(hourly(r, 'srv-db', 'cpuPct'), [(5 + 15) / 2, (25 + 35) / 2]);
    close(hourly(r, 'srv-db', 'iops'), [(100 + 300) / 2, (200 + 250) / 2]);
    expect(r.report.tables[0]).toEqual({ file: 'wide.csv', sheet: null, rowsRead: 5, rowsUsed: 5, rowsSkipped: 0 });
    expect(issue(r.report, 'cpuPct value is negative')?.at).toEqual([{ file: 'wide.csv', sheet: null, row: 4, column: 'web-01 cpu %' }]);
    expect(issue(r.report, 'appear more than once')?.at.map((a) => a.row)).toEqual([6, 6, 6, 6]);
    expect(issue(r.report, '1 column not imported')?.message).toMatch(/notes/);
  });

  it('a mapping the consultant changed decides which server and metric a column is', async () => {
    const t = await fixture('wide.csv');
    const guess = guessKind(t.headers).guess;
    const r = applyMapping('wide', t, { kind: 'wide', columns: { ...guess.columns, 'col:web-01 cpu %': null, 'col:db-01 iops': 'netMbps@web-01' } }, { servers: PERF_SERVERS, timeZone: 'UTC' });
    expect(hourly(r, 'srv-web', 'cpuPct').every(Number.isNaN)).toBe(true);
    close(hourly(r, 'srv-web', 'netMbps'), [(100 + 300) / 2, (200 + 250) / 2]);
  });

  it('daily figures cover their day; the missing hour of a DST change is warned', () => {
    const r = importTable(tableOf('daily.csv', 'Date,web-01 cpu %\n2026-03-02,10\n2026-03-03,20\n'));
    expect(r.series?.hours).toBe(48);
    expect(hourly(r, 'srv-web', 'cpuPct')).toEqual([...Array(24).fill(10), ...Array(24).fill(20)]);
    expect(issue(r.report, '2 samples cover more than an hour')).toBeDefined();
    const d = importTable(tableOf('dst.csv', 'Time,web-01 cpu %\n2026-03-29 00:30,10\n2026-03-29 01:30,20\n2026-03-29 02:30,30\n'), 'Europe/London');
    expect(issue(d.report, 'clocks went forward')?.at).toEqual([{ file: 'dst.csv', sheet: null, row: 3, column: 'Time' }]);
    // 00:30 GMT -> 00:30Z; 01:30 (does not exist) read as GMT -> 01:30Z; 02:30 BST -> 01:30Z (the same instant: averaged, warned).
    close(hourly(d, 'srv-web', 'cpuPct'), [10, (20 + 30) / 2]);
  });
});
