/** Imports never drop or mangle data silently (issue 19.4): each case here was a silent loss or a nameless failure. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../core/import/apply.ts';
import { guessMapping } from '../../core/import/mapping.ts';
import type { Table } from '../../core/import/table.ts';
import { decodeProject } from '../../core/project-file/codec.ts';
import { readXlsx } from '../../electron/services/import/read-xlsx.ts';
import { importCommand } from '../../scripts/cli/import-command.ts';
import { withTmp } from './helpers.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

/** `cwb import --kind inventory FILE`: the exit code, stderr, stdout and the imported server names (when written). */
async function importInventory(dir: string, file: string, bytes: Uint8Array) {
  const p = path.join(dir, file);
  await writeFile(p, bytes);
  const out = path.join(dir, `${file}.cwb`);
  const c = capture();
  const code = await importCommand(['import', '--kind', 'inventory', p, '--out', out, '--force'], c.io);
  let names: string[] = [];
  if (code === 0) {
    const decoded = decodeProject(new Uint8Array(await readFile(out)));
    if (decoded.ok) names = decoded.project.estate.servers.map((s) => s.name);
  }
  return { code, stderr: c.err.join(''), stdout: c.out.join(''), names };
}

const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

describe('hostile imports', () => {
  it('reads Latin-1 (Windows-1252) names as such, with a warning naming the file, never U+FFFD', async () => {
    await withTmp(async (dir) => {
      // "Müller-01" and "Café-02" with ü = FC, é = E9.
      const bytes = new Uint8Array([...ascii('name,cpus,memory gb\nM'), 0xfc, ...ascii('ller-01,2,8\nCaf'), 0xe9, ...ascii('-02,2,8\n')]);
      const r = await importInventory(dir, 'latin1.csv', bytes);
      expect(r.code).toBe(0);
      expect(r.names.sort()).toEqual(['Café-02', 'Müller-01']);
      expect(r.stdout).toMatch(/latin1\.csv is not UTF-8: read as Windows-1252/);
    });
  });

  it('reads UTF-16 big-endian with a byte-order mark', async () => {
    await withTmp(async (dir) => {
      const text = 'name,cpus,memory gb\nZürich-01,2,8\n';
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set([0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) bytes[3 + 2 * i] = text.charCodeAt(i); // all below U+0100
      const r = await importInventory(dir, 'be.csv', bytes);
      expect(r.stderr).toBe('');
      expect(r.names).toEqual(['Zürich-01']);
    });
  });

  it('refuses a NUL byte after the first 4 KiB, naming file, row and column (exit 3)', async () => {
    await withTmp(async (dir) => {
      const lines = ['name,cpus,memory gb', ...Array.from({ length: 300 }, (_, i) => `server-${i},2,8`)];
      const text = `${lines.join('\n')}\nbad\u0000name,2,8\n`;
      expect(text.indexOf('\u0000')).toBeGreaterThan(4096);
      const r = await importInventory(dir, 'nul.csv', new TextEncoder().encode(text));
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/nul\.csv, row 302, column "#1": .*NUL character/);
    });
  });

  it('refuses control characters in names, naming file, row and column (exit 3)', async () => {
    await withTmp(async (dir) => {
      const r = await importInventory(dir, 'ctl.csv', new TextEncoder().encode('name,cpus,memory gb\nok-1,2,8\n"be\u0007ll",2,8\n'));
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/ctl\.csv, row 3, column "name": the name holds the control character U\+0007/);
    });
  });

  it('a 100k-column CSV fails with exit 3 naming the file and the column limit', async () => {
    await withTmp(async (dir) => {
      const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
      const p = path.join(dir, 'wide.csv');
      await writeFile(p, `${header}\n${header}\n`);
      const c = capture();
      const code = await importCommand(['import', p, '--out', path.join(dir, 'w.cwb')], c.io);
      expect(c.err.join('')).toMatch(/wide\.csv, row 1, column "#1001": row 1 has more than 1000 columns, the import limit/);
      expect(code).toBe(3);
    });
  });

  it('an xlsx cell longer than the CSV cell limit is refused naming file, sheet, row and column', async () => {
    await withTmp(async (dir) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Servers');
      ws.addRow(['name', 'cpus']);
      ws.addRow(['ok', 2]);
      ws.addRow(['x'.repeat(100_001), 2]);
      const p = path.join(dir, 'long.xlsx');
      await wb.xlsx.writeFile(p);
      await expect(readXlsx(p)).rejects.toThrow(/long\.xlsx, sheet Servers, row 3, column "A": a cell is longer than 100000 characters/);
      await expect(readXlsx(p, { limits: { maxRows: 1, maxCellChars: 200_000 } })).rejects.toThrow(/long\.xlsx, sheet Servers, row 3: more than 1 rows/);
    });
  });
});

describe('series time stamp outliers', () => {
  it('one sample dated 2099 is a warning naming its row and never discards the 168 real samples', () => {
    const rows = Array.from({ length: 168 }, (_, h) => ['web-01', new Date(Date.UTC(2026, 2, 2, h)).toISOString(), 'cpu', '40']);
    rows.splice(100, 0, ['web-01', '2099-01-01T00:00:00Z', 'cpu', '40']);
    const table: Table = { file: 'series.csv', sheet: null, headers: ['server', 'timestamp', 'metric', 'value'], rows, rowNumbers: rows.map((_, i) => i + 2) };
    const r = applyMapping('series', table, guessMapping('series', table.headers), { servers: [{ id: 'srv-web-01', name: 'web-01' }] });
    expect(r.report.counts.seriesSamples).toBe(168);
    expect(r.series?.startUtc).toBe('2026-03-02T00:00:00Z');
    expect(r.series?.hours).toBe(168);
    const outlier = r.report.issues.find((i) => /far from the other samples/.test(i.message));
    expect(outlier?.severity).toBe('warning');
    expect(outlier?.at).toEqual([{ file: 'series.csv', sheet: null, row: 102, column: 'timestamp' }]);
  });
});

describe('large files stop while they are read', () => {
  it('an inventory CSV of more than 250000 rows fails with exit 3 naming the file, row and limit', async () => {
    await withTmp(async (dir) => {
      const p = path.join(dir, 'huge.csv');
      await writeFile(p, `name,cpus,memory gb\n${'s,2,8\n'.repeat(250_001)}`);
      const c = capture();
      const code = await importCommand(['import', '--kind', 'inventory', p, '--out', path.join(dir, 'h.cwb')], c.io);
      expect(c.err.join('')).toMatch(/huge\.csv, row 250001: the file has more than 250000 rows, the import limit/);
      expect(code).toBe(3);
    });
  });
});
