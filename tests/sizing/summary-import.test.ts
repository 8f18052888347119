import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/import/apply.ts';
import { guessKind, guessMapping } from '../../core/import/mapping.ts';
import { mergeImport } from '../../core/import/merge.ts';
import { mapRvtools } from '../../core/import/rvtools.ts';
import type { Cell, Table } from '../../core/import/table.ts';
import { profileOf } from '../../core/engine/sizing/sizing-basis.ts';
import { DEFAULT_RULES } from '../../core/model/schema.ts';
import { usageExport } from './rvtools-fixture.ts';

const HEADERS = ['Server', 'CPU avg %', 'CPU peak %', 'Memory %', 'Disk IOPS', 'Network Mbps'];
const table = (rows: Cell[][]): Table => ({ file: 'perf-summary.csv', sheet: null, headers: HEADERS, rows, rowNumbers: rows.map((_, i) => i + 2) });

const base = () => mergeImport(null, mapRvtools(usageExport())).project;
const run = (rows: Cell[][]) => {
  const project = base();
  const t = table(rows);
  const r = applyMapping('summary', t, guessMapping('summary', t.headers), { servers: project.estate.servers });
  return { project, r, merged: mergeImport(project, r).project };
};

describe('per-server summary CSV', () => {
  it('is recognised from the template headers and maps every column', () => {
    const g = guessKind(HEADERS);
    expect(g.kind).toBe('summary');
    expect(g.guess.columns).toMatchObject({ server: 'Server', cpuAvg: 'CPU avg %', cpuPeak: 'CPU peak %', memory: 'Memory %', iops: 'Disk IOPS', networkMbps: 'Network Mbps' });
  });

  it('lands summaries on the servers (name or FQDN), and they size those servers ahead of the snapshot', () => {
    const { merged, r } = run([
      ['app-01', 12, 64, 55, 800, 40],
      ['db-01.corp.example', 30, 90, 80, 5000, 120],
    ]);
    expect(r.report.tables[0]).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsSkipped: 0 });
    const app = merged.estate.servers.find((s) => s.name === 'app-01');
    expect(app?.usage?.summary).toMatchObject({ cpuAvgPct: 12, cpuPeakPct: 64, memPct: 55, iops: 800, networkMbps: 40, source: 'perf-summary.csv row 2' });
    expect(app?.usage?.snapshot).not.toBeNull(); // the snapshot stays, the summary wins
    expect(profileOf(app ?? merged.estate.servers[0], { ...DEFAULT_RULES, policy: 'p95' }, null)).toMatchObject({ cpuPct: 64, cpuBasis: 'summary', memPct: 55 });
    expect(merged.estate.servers.find((s) => s.name === 'db-01')?.usage?.summary?.cpuPeakPct).toBe(90);
  });

  it('names bad values by file, row and column, and lists unknown and repeated servers', () => {
    const { r } = run([
      ['app-01', -3, 140, 'n/a', 100, 10],
      ['ghost-99', 10, 20, 30, 40, 50],
      ['app-02', 50, 20, 30, -1, 5],
      ['app-02', 10, 20, 30, 40, 50],
      ['', 1, 2, 3, 4, 5],
    ]);
    const msg = (re: RegExp) => r.report.issues.find((i) => re.test(i.message));
    expect(msg(/"CPU avg %" is negative/)?.at[0]).toMatchObject({ file: 'perf-summary.csv', row: 2, column: 'CPU avg %' });
    expect(msg(/"CPU peak %" is over 100 %/)?.at[0]).toMatchObject({ row: 2, column: 'CPU peak %' });
    expect(msg(/"Memory %" is not a number/)?.at[0]).toMatchObject({ row: 2, column: 'Memory %' });
    expect(msg(/not in the project/)?.at[0]).toMatchObject({ row: 3 });
    expect(msg(/peak is below the CPU average/)?.at[0]).toMatchObject({ row: 4 });
    expect(msg(/"Disk IOPS" is negative/)?.at[0]).toMatchObject({ row: 4 });
    expect(msg(/appears twice/)?.at[0]).toMatchObject({ row: 5 });
    expect(msg(/without a server name/)?.at[0]).toMatchObject({ row: 6 });
    expect(r.report.tables[0]).toMatchObject({ rowsRead: 5, rowsUsed: 2, rowsSkipped: 3 });
  });

  it('fuzz: any cells give summaries within range and account for every row', () => {
    const project = base();
    const names = [...project.estate.servers.map((s) => s.name), 'nobody', '', 'APP-01'];
    const cell = fc.oneof(fc.constant(null), fc.double({ noNaN: false }), fc.integer({ min: -200, max: 300 }), fc.string({ maxLength: 8 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), cell, cell, cell, cell, cell), { maxLength: 30 }), (rows) => {
        const t = table(rows);
        const r = applyMapping('summary', t, guessMapping('summary', HEADERS), { servers: project.estate.servers });
        const count = r.report.tables[0];
        expect(count.rowsUsed + count.rowsSkipped).toBe(rows.length);
        for (const u of r.summaries ?? []) {
          for (const v of [u.summary.cpuAvgPct, u.summary.cpuPeakPct, u.summary.memPct]) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
          for (const v of [u.summary.iops, u.summary.networkMbps]) if (v !== null) expect(Number.isFinite(v) && v >= 0).toBe(true);
        }
        mergeImport(project, r); // validates or throws
      }),
      { numRuns: 200 },
    );
  });
});
