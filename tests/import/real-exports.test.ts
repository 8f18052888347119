/** The two real RVTools exports in ../shared/data/rvtools (skipped when that folder is absent). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../core/import/report.ts';
import { validateProject } from '../../core/model/validate.ts';
import { importFiles } from '../../electron/services/import/import-files.ts';
import { sharedRvtools } from './helpers.ts';

const present = existsSync(sharedRvtools);
if (!present) console.warn(`skipping real RVTools exports: ${sharedRvtools} is absent`);

/** Each export is imported once (exceljs takes seconds on the 1,048,576-row sheet dimensions of kubev2v). */
const imports = new Map<string, ReturnType<typeof importFiles>>();
const importOnce = (name: string) => {
  const file = path.join(sharedRvtools, name);
  if (!imports.has(file)) imports.set(file, importFiles([file]));
  return imports.get(file) ?? importFiles([file]);
};

/** Data rows of a sheet counted independently of the importer: rows after the header with any value. */
async function dataRows(file: string): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, number>();
  for (const ws of wb.worksheets) {
    let n = 0;
    ws.eachRow((row, i) => {
      if (i > 1 && Array.isArray(row.values) && row.values.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) n++;
    });
    out.set(ws.name, n);
  }
  return out;
}

describe.skipIf(!present)('real RVTools exports', () => {
  it.each([
    // file, VMs, hosts named (vHost + VM Host column), data centres, vHost rows
    ['rvtools-small-complete.xlsx', 3, 2, 1, 2],
    ['kubev2v-example1.xlsx', 9, 10, 2, 7], // 7 vHost hosts + 3 other hosts named in vInfo; vm-9 names none
  ])('%s: %i VMs, truthful row counts, a valid project', async (name, vms, hosts, dcs, vHostRows) => {
    const file = path.join(sharedRvtools, name);
    const { project, report } = await importOnce(name);
    expect(validateProject(project.estate, project.series).ok).toBe(true);
    expect(project.estate.servers).toHaveLength(vms);
    expect(project.estate.servers.every((s) => s.sourceKind === 'vm' && s.cores >= 1 && s.memoryGiB > 0)).toBe(true);
    expect(report.counts.serversImported).toBe(vms);
    expect(report.counts.dataCentres).toBe(dcs);
    expect(report.counts.hosts).toBe(hosts);
    const rows = await dataRows(file);
    expect(rows.get('vInfo')).toBe(vms);
    expect(rows.get('vHost')).toBe(vHostRows);
    for (const t of report.tables) {
      expect(t.rowsRead, `${t.sheet}`).toBe(rows.get(t.sheet ?? ''));
      expect(t.rowsUsed + t.rowsSkipped).toBe(t.rowsRead);
    }
    expect(formatReport(report).split('\n')[0]).toBe(`${vms} servers imported from 1 file: ${name}`);
  });

  it('kubev2v: a truncated vInfo row is completed from vCPU / vMemory and says so', async () => {
    const { project, report } = await importOnce('kubev2v-example1.xlsx');
    const vm9 = project.estate.servers.find((s) => s.name === 'vm-9');
    expect(vm9).toBeDefined();
    expect(vm9?.cores).toBeGreaterThanOrEqual(1);
    const note = report.issues.find((i) => i.message === 'vInfo CPUs empty: taken from vCPU');
    expect(note?.at).toEqual([{ file: 'kubev2v-example1.xlsx', sheet: 'vInfo', row: 10, column: 'CPUs' }]);
    // The 2.3 GHz Xeon Gold 5218 hosts rate 46 per core.
    expect(project.estate.servers.filter((s) => s.ratingPerCore !== 40).every((s) => s.ratingPerCore > 40 && s.ratingPerCore < 70)).toBe(true);
  });
});
