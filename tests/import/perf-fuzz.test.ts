/**
 * Fuzzing the performance importers: random and mutated files of each format go through the CSV parser,
 * kind detection and the mapper. Nothing but ImportError may be thrown, every row is accounted for, and
 * the result merges into a project (so the series validate: percentages in 0..100, finite values).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/import/apply.ts';
import { parseCsv } from '../../core/import/csv.ts';
import { ImportError } from '../../core/import/errors.ts';
import { guessKind, guessMapping } from '../../core/import/mapping.ts';
import { mergeImport } from '../../core/import/merge.ts';
import { PERF_KINDS } from '../../core/import/perf/kinds.ts';
import type { ImportResult } from '../../core/import/result.ts';
import { mapRvtools } from '../../core/import/rvtools.ts';
import type { Table } from '../../core/import/table.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const servers = [
  { id: 'vm-web-01', name: 'web-01', cores: 4, mhzPerCore: 2500, memoryGiB: 16 },
  { id: 'vm-db-01', name: 'db-01', cores: 2, mhzPerCore: null, memoryGiB: 8 },
];
const base = mergeImport(null, mapRvtools([{ file: 'b.xlsx', sheet: 'vInfo', headers: ['VM', 'Datacenter'], rows: [['web-01', 'London'], ['db-01', 'Paris']], rowNumbers: [2, 3] }])).project;

const SAMPLES: Record<(typeof PERF_KINDS)[number], string> = {
  getstat: 'Value,Timestamp,MetricId,Unit,Entity,IntervalSecs,Instance\n20,3/2/2026 10:30:00 AM,cpu.usage.average,%,web-01,1800,\n1500,2026-03-02T10:30:00Z,cpu.usagemhz.average,MHz,db-01,20,\n700,10/25/2026 1:30:00 AM,net.usage.average,KBps,web-01,86400,4000\n',
  perfmon: '"(PDH-CSV 4.0) (GMT Standard Time)(0)","\\\\WEB-01\\Processor(_Total)\\% Processor Time","\\\\db-01\\Memory\\Available MBytes","\\\\web-01\\Network Interface(eth)\\Bytes Total/sec"\n"03/29/2026 01:30:00.000","10","4096","125000"\n"03/29/2026 02:30:00.000"," ","9999999","-1"\n',
  sar: '# hostname;interval;timestamp;CPU;%user;%idle\nweb-01;600;2026-03-02 00:10:01 UTC;-1;10;80\nweb-01;600;2026-03-02 00:10:01 UTC;0;10;80\n# hostname;interval;timestamp;IFACE;rxpck/s;txpck/s;rxkB/s;txkB/s\ndb-01;600;2026-03-02 00:10:01 UTC;eth0;1;1;100;200\n',
  wide: 'Time,web-01 cpu %,db-01 iops,db-01 mem %\n2026-03-02,0.5,100,0.2\n2026-03-02 01:00,105,-3,1\n',
};

function check(r: ImportResult): void {
  for (const t of r.report.tables) expect(t.rowsUsed + t.rowsSkipped).toBe(t.rowsRead);
  if (r.series) for (const m of ['cpuPct', 'memPct'] as const) for (const v of r.series[m]) if (!Number.isNaN(v)) expect(v >= 0 && v <= 100).toBe(true);
  mergeImport(base, r); // throws if the series do not validate
}

function run(text: string, kind?: (typeof PERF_KINDS)[number], timeZone = 'Europe/London'): void {
  try {
    const { records, rowNumbers } = parseCsv(text, { limits: { maxRows: 10_000 } });
    if (records.length === 0) return;
    const t: Table = { file: 'fuzz.csv', sheet: null, headers: records[0].map((h) => h.trim()), rows: records.slice(1), rowNumbers: rowNumbers.slice(1) };
    const k = kind ?? guessKind(t.headers).kind;
    check(applyMapping(k, t, guessMapping(k, t.headers), { servers, timeZone }));
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
  }
}

const piece = fc.constantFrom(',', ';', '\n', '"', ' ', '-1', '100', '1e309', 'NaN', '0.5', '3/2/2026', '10:30:00 AM', '2026-03-29 01:30', 'UTC', 'web-01', 'DB-01.corp', '\\\\', '(_Total)', '% Processor Time', 'cpu.usage.average', 'mem.active.average', '%', 'KB', 'MHz', 'LINUX-RESTART', '#', 'é');

describe('performance importers on random input', () => {
  it('mutated sample files of every format: only ImportError, rows accounted, valid series', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERF_KINDS), fc.array(fc.tuple(fc.nat(400), fc.nat(8), fc.array(piece, { maxLength: 3 })), { maxLength: 6 }), fc.boolean(), (kind, edits, forceKind) => {
        let text = SAMPLES[kind];
        for (const [at, del, ins] of edits) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + ins.join('') + text.slice(p + del);
        }
        run(text, forceKind ? kind : undefined);
      }),
      { numRuns: RUNS },
    );
  }, 30_000 + RUNS * 60);

  it('random cells under each format header', () => {
    const cell = fc.oneof(piece, fc.string({ maxLength: 8 }), fc.double().map(String), fc.integer({ min: -10, max: 1e6 }).map(String));
    fc.assert(
      fc.property(fc.constantFrom(...PERF_KINDS), fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }), fc.constantFrom('UTC', 'Europe/London', 'America/New_York'), (kind, rows, tz) => {
        const header = SAMPLES[kind].split('\n')[0];
        const delim = kind === 'sar' ? ';' : ',';
        run(`${header}\n${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(delim)).join('\n')}\n`, kind, tz);
      }),
      { numRuns: RUNS },
    );
  }, 30_000 + RUNS * 60);
});

describe('time stamps far outside any measurement', () => {
  it('a perfmon row stamped 1.2e300 is skipped with a named warning, not a hang', () => {
    // Counterexample of the shared CSV fuzz test (it hung the whole unit run): a numeric stamp of 1.2e300 went to
    // the zone rules and hour buckets as an instant.
    const rows = [[126879, 69714, 'x'], [1.1956446408170171e300], [null, 'Paris', 62606]];
    const headers = ['(PDH-CSV 4.0) (GMT Standard Time)(0)', '\\\\web-01\\Processor(_Total)\\% Processor Time', '\\\\db-01\\Memory\\Available MBytes'];
    const table: Table = { file: 'far.csv', sheet: null, headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
    const r = applyMapping('perfmon', table, guessMapping('perfmon', table.headers), { servers, userSites: [], sites: [] });
    for (const t of r.report.tables) expect(t.rowsUsed + t.rowsSkipped).toBe(t.rowsRead);
    expect(r.report.issues.some((i) => i.at.some((a) => a.row === 3) && /outside the years 1990-2200/.test(i.message))).toBe(true);
  });
});
