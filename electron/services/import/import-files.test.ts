import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, previewFiles } from './import-files.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'cwb-import-files-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const HEADER = ['Hostname', 'Site', 'CPUs', 'RAM (GB)'];

describe('a CSV kind in an xlsx workbook', () => {
  it('preview and run read the same sheet: the first with data rows (here not the first sheet)', async () => {
    const wb = new ExcelJS.Workbook();
    // a cover sheet: a title row (its "header") and nothing else
    wb.addWorksheet('About').addRow(['Server inventory, exported 2026-03-01']);
    const inv = wb.addWorksheet('Servers');
    inv.addRow(HEADER);
    inv.addRow(['xl-01', 'Rome', 4, 16]);
    inv.addRow(['xl-02', 'Milan', 2, 8]);
    const file = join(tmp, 'inventory.xlsx');
    await wb.xlsx.writeFile(file);
    const kinds = { [file]: 'inventory' as const };
    const [preview] = await previewFiles([file], { kinds });
    expect(preview.error).toBeNull();
    expect(preview.headers).toEqual(HEADER);
    expect(preview.guess?.missingRequired).toEqual([]);
    const { project, report } = await importFiles([file], { kinds, mappings: { [file]: preview.guess! } });
    expect(project.estate.servers.map((s) => s.name)).toEqual(['xl-01', 'xl-02']);
    expect(report.tables.map((t) => t.sheet)).toEqual(['Servers']);
  });
});

describe('reader warnings in the report', () => {
  it('the same warning on many rows is one issue listing every row', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `srv-${i},Rome,2,8,extra`);
    const file = join(tmp, 'wide.csv');
    await writeFile(file, [HEADER.join(','), ...rows, 'odd-1,Rome,2,8,extra,more'].join('\n'));
    const { report } = await importFiles([file], { kinds: { [file]: 'inventory' } });
    const extra = report.issues.filter((i) => /extra cells ignored/.test(i.message));
    expect(extra.map((i) => [i.message, i.at.length])).toEqual([
      ['row has 5 cells but the header has 4: extra cells ignored', 500],
      ['row has 6 cells but the header has 4: extra cells ignored', 1],
    ]);
    expect(extra[0].at.slice(0, 2)).toEqual([
      { file: 'wide.csv', sheet: null, row: 2, column: null },
      { file: 'wide.csv', sheet: null, row: 3, column: null },
    ]);
  });
});
