/** Random and mutated input for the mappers and readers: no crash, no hang, every row accounted for, valid output. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/import/apply.ts';
import { ImportError } from '../../core/import/errors.ts';
import { guessMapping, IMPORT_KINDS } from '../../core/import/mapping.ts';
import { mergeImport } from '../../core/import/merge.ts';
import type { ImportResult } from '../../core/import/result.ts';
import { mapRvtools } from '../../core/import/rvtools.ts';
import type { Cell, Table } from '../../core/import/table.ts';
import { readCsv } from '../../electron/services/import/read-csv.ts';
import { readXlsx } from '../../electron/services/import/read-xlsx.ts';
import { withTmp, writeRvtoolsXlsx } from './helpers.ts';

const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'B', '1', '9', '0', '.', ',', '-', '%', ' ', ':', 'T', 'Z', '"', 'é') });
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.constantFrom('web-01', 'db-01', 'True', 'False', 'poweredOn', '2026-03-02T01:00:00Z', '2026-03-02 03:30', 'cpu', 'mem', 'iops', 'net', 'London', 'Paris', '-1', '1e309', 'NaN'),
  fc.integer({ min: -5, max: 200000 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

function table(headers: string[], rows: Cell[][], sheet: string | null): Table {
  return { file: 'fuzz.csv', sheet, headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

function checkAccounting(r: ImportResult): void {
  for (const t of r.report.tables) expect(t.rowsUsed + t.rowsSkipped).toBe(t.rowsRead);
  for (const i of r.report.issues) expect(typeof i.message).toBe('string');
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const VINFO_HEADERS = ['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MB', 'In Use MiB', 'Datacenter', 'Cluster', 'Host', 'FT State', 'Cluster rule(s)', 'Cluster rule name(s)', 'VM UUID'];

describe('mappers on random input', () => {
  it('RVTools: any vInfo/vHost/vDisk cells give a valid project or a clear ImportError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: VINFO_HEADERS.length + 2 }), { maxLength: 12 }),
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }),
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }),
        (vinfo, vhost, vdisk) => {
          const r = mapRvtools([
            table(VINFO_HEADERS, vinfo, 'vInfo'),
            table(['Host', 'Datacenter', 'Cluster', 'CPU Model', 'Speed', '# Cores'], vhost, 'vHost'),
            table(['VM', 'Disk', 'Capacity MiB', 'Raw', 'Sharing mode', 'Shared Bus'], vdisk, 'vDisk'),
          ]);
          checkAccounting(r);
          expect(r.report.counts.serversImported).toBe(r.servers.length);
          mergeImport(null, r); // throws if the result does not validate
        },
      ),
      // FUZZ_RUNS=20000 for a longer local hunt; the example is a counterexample CI once found (a 2.5e-321 MHz clock).
      { numRuns: RUNS, examples: [[[[0, '', false, 0, 'web-01', '', 0, null, true]], [[0, false, true, 'web-01', 2.475e-321]], []]] },
    );
  });

  it('CSV kinds: any cells under guessed mappings give valid output', () => {
    const headers: Record<(typeof IMPORT_KINDS)[number], string[]> = {
      inventory: ['name', 'site', 'cpus', 'ram', 'disk', 'env', 'virtualisable', 'reason', 'dept', 'app', 'tier', 'cpu ghz'],
      series: ['server', 'timestamp', 'metric', 'value'],
      flows: ['source', 'destination', 'mbps', 'hour'],
      sites: ['name', 'type', 'lat', 'lon', 'tz', 'users', 'tier', 'racks'],
      links: ['a', 'b', 'bandwidth', 'latency', 'cost'],
      getstat: ['Value', 'Timestamp', 'MetricId', 'Unit', 'Entity', 'IntervalSecs', 'Instance'],
      perfmon: ['(PDH-CSV 4.0) (GMT Standard Time)(0)', '\\\\web-01\\Processor(_Total)\\% Processor Time', '\\\\db-01\\Memory\\Available MBytes'],
      sar: ['# hostname', 'interval', 'timestamp', 'CPU', '%user', '%idle'],
      wide: ['time', 'web-01 cpu %', 'db-01 iops'],
    };
    const servers = [{ id: 'vm-web-01', name: 'web-01' }, { id: 'vm-db-01', name: 'db-01' }];
    const base = mergeImport(null, mapRvtools([table(['VM', 'Datacenter'], [['web-01', 'London'], ['db-01', 'Paris']], 'vInfo')])).project;
    fc.assert(
      fc.property(fc.constantFrom(...IMPORT_KINDS), fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 15 }), (kind, rows) => {
        const t = table(headers[kind], rows, null);
        const r = applyMapping(kind, t, guessMapping(kind, t.headers), { servers, userSites: [], sites: [{ id: 'dc-london', name: 'London' }, { id: 'dc-paris', name: 'Paris' }] });
        checkAccounting(r);
        mergeImport(base, r);
      }),
      { numRuns: RUNS + 100 },
    );
  });
});

describe('readers on mutated files', () => {
  it('a mutated xlsx is read or refused with an ImportError naming the file, never a hang', async () => {
    await withTmp(async (dir) => {
      const good = path.join(dir, 'good.xlsx');
      await writeRvtoolsXlsx(good, 'mib');
      const bytes = new Uint8Array(await readFile(good));
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }), fc.nat(bytes.length), async (edits, cut) => {
          const b = bytes.slice(0, Math.max(4, cut));
          for (const [at, v] of edits) if (at < b.length) b[at] = v;
          const f = path.join(dir, `m${n++}.xlsx`);
          await writeFile(f, b);
          try {
            const tables = await readXlsx(f, { timeoutMs: 20_000 });
            try {
              checkAccounting(mapRvtools(tables));
            } catch (e) {
              expect(e).toBeInstanceOf(ImportError);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(ImportError);
            expect(String(e)).toMatch(/m\d+\.xlsx/);
          }
        }),
        { numRuns: 25 },
      );
    });
  }, 120_000);

  it('binary or mismatched CSV content gives a clear error or warnings', async () => {
    await withTmp(async (dir) => {
      const bin = path.join(dir, 'bin.csv');
      await writeFile(bin, Buffer.from([0x41, 0x00, 0x42, 0x0a]));
      await expect(readCsv(bin)).rejects.toThrow(/bin\.csv: binary content/);
      const ragged = path.join(dir, 'ragged.csv');
      await writeFile(ragged, 'a,b\n1,2,3\n"4,5\n');
      const r = await readCsv(ragged);
      expect(r.warnings.map((w) => [w.at.row, w.message])).toEqual([
        [3, expect.stringMatching(/never closed/)],
        [2, expect.stringMatching(/row has 3 cells but the header has 2/)],
      ]);
      const big = path.join(dir, 'big.csv');
      await writeFile(big, 'a\n'.repeat(1000));
      await expect(readCsv(big, { maxBytes: 100 })).rejects.toThrow(/big\.csv: the file is 2\.0 KB, above the import limit of 100 bytes/);
      await expect(readCsv(big, { limits: { maxRows: 10 } })).rejects.toThrow(/big\.csv: the file has more than 10 rows/);
      const empty = path.join(dir, 'empty.csv');
      await writeFile(empty, '');
      await expect(readCsv(empty)).rejects.toThrow(/empty\.csv: the file is empty/);
    });
  });
});
