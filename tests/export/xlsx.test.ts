import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { writeXlsx, columnName, sheetName, xmlEscape } from '../../core/export/xlsx.ts';
import { allTables, planTables } from '../../core/export/plan-tables.ts';
import type { Table } from '../../core/export/table.ts';
import { estate, project, run, server } from '../engine/fixtures.ts';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

const table: Table = {
  name: 'Servers',
  header: ['server_id', 'name', 'cores', 'note'],
  rows: [
    ['s1', '=HYPERLINK("http://evil","click")', 4, 'a < b & "c"'],
    ['s2', '+1', 2.5, null],
    ['s3', 'plain', -3, 'tab\there\nline'],
  ],
};

describe('writeXlsx', () => {
  it('reads back with exceljs: sheet names, header, rows, numbers as numbers, no formulas', async () => {
    const wb = await read(writeXlsx([table, { name: 'WAN links', header: ['link'], rows: [['l1']] }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Servers', 'WAN links']);
    const ws = wb.getWorksheet('Servers')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'server_id', 'name', 'cores', 'note']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const evil = ws.getRow(2).getCell(2);
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.formula).toBeUndefined();
    expect(evil.value).toBe('\'=HYPERLINK("http://evil","click")');
    expect(ws.getRow(2).getCell(3).value).toBe(4);
    expect(ws.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRow(2).getCell(4).value).toBe('a < b & "c"');
    expect(ws.getRow(3).getCell(2).value).toBe("'+1");
    expect(ws.getRow(3).getCell(3).value).toBe(2.5);
    expect(ws.getRow(3).getCell(4).value).toBeNull();
    expect(ws.getRow(4).getCell(3).value).toBe(-3);
    expect(ws.getRow(4).getCell(4).value).toBe('tab\there\nline');
    expect(wb.getWorksheet('WAN links')!.getRow(2).getCell(1).value).toBe('l1');
  });

  it('is deterministic and writes inline strings, never <f>', () => {
    const a = writeXlsx([table]);
    expect(writeXlsx([table])).toEqual(a);
    const sheet = strFromU8(unzipSync(a)['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('t="inlineStr"');
    expect(sheet).toContain('&lt;');
    expect(writeXlsx([table], { boldHeader: false })).not.toEqual(a);
  });

  it('names columns and sheets safely', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(sheetName('a/b:c', new Set())).toBe('a b c');
    expect(sheetName('Servers', new Set(['servers']))).toBe('Servers 2');
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(xmlEscape('a\u0001b<\uD83D\uDE00\uD800')).toBe('ab&lt;\uD83D\uDE00');
  });

  it('writes a real plan: four sheets, the formula-looking server name stays text', async () => {
    const e = estate({ servers: [server('=HYPERLINK("x")', { name: '=HYPERLINK("http://evil")' }), server('s2', { dataCentreId: 'dc-b' })] });
    const plan = run(project(e));
    const t = planTables(e, e.scenarios[0], plan);
    const wb = await read(writeXlsx(allTables(t)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Servers', 'Hosts', 'Sites', 'WAN links']);
    const servers = wb.getWorksheet('Servers')!;
    expect(servers.getRow(1).getCell(2).value).toBe('server_name');
    const row = servers.getRow(2);
    expect(row.getCell(1).value).toBe('\'=HYPERLINK("x")');
    expect(row.getCell(2).value).toBe('\'=HYPERLINK("http://evil")');
    expect(row.getCell(2).formula).toBeUndefined();
    const hosts = wb.getWorksheet('Hosts')!;
    expect(hosts.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(hosts.rowCount).toBe(plan.hosts.length + 1);
    expect(wb.getWorksheet('WAN links')!.rowCount).toBe(plan.links.length + 1);
  });
  it('keeps locale-splitting and full-width formula text as prefixed strings, never formulas', async () => {
    const names = ["y;=cmd|' /C calc'!A0;", '\uFF1D1+1', '\uFF20SUM(A1)'];
    const bytes = writeXlsx([{ name: 'Servers', header: ['name'], rows: names.map((n) => [n]) }]);
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).not.toMatch(/<f[ >]/);
    const ws = (await read(bytes)).getWorksheet('Servers')!;
    for (let i = 0; i < names.length; i++) {
      const cell = ws.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(`'${names[i]}`);
    }
  });
});
