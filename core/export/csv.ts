/**
 * Tables as CSV (RFC 4180): CRLF line ends, quoted cells with doubled quotes. A text cell is quoted when it
 * holds a quote, a line break or the list separator of any locale (`,` `;` tab), whichever separator the file
 * uses, so Excel splits it nowhere. Text cells that a spreadsheet would run as a formula (see escapeFormula)
 * get a leading apostrophe; numbers are written as numbers. The separator is `,` or `;` (for Excel in locales
 * whose list separator is `;`: de, fr, nl...; those files also write a decimal comma). The CLI and the UI both
 * export through here.
 */
import { encodeUtf8 } from '../util/utf8.ts';
import { escapeFormula, type Cell, type Table } from './table.ts';

export type CsvSeparator = ',' | ';';

export const CSV_SEPARATORS: readonly CsvSeparator[] = [',', ';'];

/** Characters that make a text cell quoted, in any locale. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: Cell, separator: CsvSeparator = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return separator === ';' ? String(value).replace('.', ',') : String(value);
  }
  const v = escapeFormula(value);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly Cell[], separator: CsvSeparator = ','): string {
  return cells.map((c) => csvCell(c, separator)).join(separator);
}

/** The table as CSV text: the header, then one line per row, each ending in CRLF. */
export function tableCsv(table: Table, separator: CsvSeparator = ','): string {
  const lines = [csvRow(table.header, separator), ...table.rows.map((r) => csvRow(r, separator))];
  return `${lines.join('\r\n')}\r\n`;
}

/** UTF-8 bytes of the CSV; `bom` adds the byte-order mark Excel needs to read non-ASCII text as UTF-8. */
export function tableCsvBytes(table: Table, options: { bom?: boolean; separator?: CsvSeparator } = {}): Uint8Array<ArrayBuffer> {
  return encodeUtf8(`${options.bom ? '\uFEFF' : ''}${tableCsv(table, options.separator ?? ',')}`);
}
