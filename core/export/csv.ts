/**
 * Tables as CSV (RFC 4180): CRLF line ends, cells with commas, quotes or line breaks quoted with doubled
 * quotes. Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
 * get a leading apostrophe; numbers are written as numbers. The CLI and the UI both export through here.
 */
import { encodeUtf8 } from '../util/utf8.ts';
import { escapeFormula, type Cell, type Table } from './table.ts';

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const v = escapeFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/** The table as CSV text: the header, then one line per row, each ending in CRLF. */
export function tableCsv(table: Table): string {
  const lines = [csvRow(table.header), ...table.rows.map(csvRow)];
  return `${lines.join('\r\n')}\r\n`;
}

/** UTF-8 bytes of the CSV; `bom` adds the byte-order mark Excel needs to read non-ASCII text as UTF-8. */
export function tableCsvBytes(table: Table, options: { bom?: boolean } = {}): Uint8Array<ArrayBuffer> {
  return encodeUtf8(`${options.bom ? '\uFEFF' : ''}${tableCsv(table)}`);
}
