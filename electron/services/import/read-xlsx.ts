/**
 * xlsx -> Tables with exceljs. Refuses files above a size limit (exceljs holds the whole workbook in
 * memory), checks the zip signature first, and turns every exceljs failure into an ImportError that names
 * the file. Cells become plain values: dates as ISO UTC strings, rich text as text, formulas as their result.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_CSV_LIMITS, type CsvLimits } from '../../../core/import/csv.ts';
import { ImportError } from '../../../core/import/errors.ts';
import { columnName } from '../../../core/export/xlsx.ts';
import type { Cell, Table } from '../../../core/import/table.ts';

export const DEFAULT_MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** The same limits as a CSV (rows, columns, characters per cell), checked row by row as the sheet is read. */
export const DEFAULT_MAX_SHEET_ROWS = DEFAULT_CSV_LIMITS.maxRows;

export type XlsxOptions = { maxBytes?: number; maxRows?: number; limits?: Partial<CsvLimits>; timeoutMs?: number; displayName?: string };

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Throws ImportError when the file is missing or larger than maxBytes; returns its size. */
export async function checkSize(file: string, maxBytes: number, name: string): Promise<number> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new ImportError(`${name}: not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${name}: cannot read the file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (size > maxBytes) throw new ImportError(`${name}: the file is ${formatBytes(size)}, above the import limit of ${formatBytes(maxBytes)}`);
  return size;
}

export function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if ('result' in v) return cellValue(v.result);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v) return cellValue(v.text);
    if ('error' in v) return null;
  }
  return String(v);
}

function sheetToTable(ws: ExcelJS.Worksheet, file: string, limits: CsvLimits): Table {
  const maxRows = limits.maxRows;
  const at = (row: number, column: number | null) => ({ file, sheet: ws.name, row, column: column === null ? null : columnName(column - 1) });
  let headers: string[] | null = null;
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    if (raw.length - 1 > limits.maxColumns) throw new ImportError(`more than ${limits.maxColumns} columns, the import limit`, at(rowNumber, limits.maxColumns + 1));
    for (let c = 1; c < raw.length; c++) {
      const v = cellValue(raw[c]);
      if (typeof v === 'string' && v.length > limits.maxCellChars) throw new ImportError(`a cell is longer than ${limits.maxCellChars} characters, the import limit`, at(rowNumber, c));
      cells.push(v);
    }
    if (cells.every((c) => c === null || String(c).trim() === '')) return;
    if (headers === null) {
      headers = cells.map((c) => (c === null ? '' : String(c).trim()));
      return;
    }
    if (rows.length >= maxRows) throw new ImportError(`more than ${maxRows} rows, above the import limit`, at(rowNumber, null));
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { file, sheet: ws.name, headers: headers ?? [], rows, rowNumbers };
}

/** Every worksheet of an xlsx file as a Table (header = first non-empty row). */
export async function readXlsx(file: string, options: XlsxOptions = {}): Promise<Table[]> {
  const name = options.displayName ?? path.basename(file);
  await checkSize(file, options.maxBytes ?? DEFAULT_MAX_XLSX_BYTES, name);
  const fh = await open(file, 'r');
  const sig = Buffer.alloc(4);
  try {
    await fh.read(sig, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (sig[0] !== 0x50 || sig[1] !== 0x4b) {
    throw new ImportError(`${name}: not an xlsx workbook (an xlsx file is a zip archive; this one starts differently). Old .xls files must be saved as .xlsx first`);
  }
  const wb = new ExcelJS.Workbook();
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      wb.xlsx.readFile(file),
      new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new ImportError(`${name}: reading the workbook took longer than ${timeoutMs / 1000} s; giving up`)), timeoutMs);
      }),
    ]);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new ImportError(`${name}: cannot read the workbook; it looks truncated or damaged (${why.slice(0, 200)})`);
  } finally {
    clearTimeout(timer);
  }
  const limits = { ...DEFAULT_CSV_LIMITS, ...options.limits, maxRows: options.maxRows ?? options.limits?.maxRows ?? DEFAULT_MAX_SHEET_ROWS };
  return wb.worksheets.map((ws) => sheetToTable(ws, name, limits));
}
