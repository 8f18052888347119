/**
 * The neutral shape every reader produces: a named table of header names and rows of cells, with the
 * spreadsheet row number of each row, so every message can name file, sheet, row and column.
 * Readers (electron/services/import/) turn xlsx and CSV into Tables; the mappers here never see a file.
 */

/** A cell as readers deliver it. Dates are delivered as ISO 8601 UTC strings. */
export type Cell = string | number | boolean | null;

export type Table = {
  /** File name as the user knows it (base name). */
  file: string;
  /** Sheet name (xlsx) or the sheet the CSV file stands for (RVTools_tabvInfo.csv -> "vInfo"); null for a plain CSV. */
  sheet: string | null;
  headers: string[];
  rows: Cell[][];
  /** rowNumbers[i] is the 1-based row number of rows[i] in the file (the header is row 1 in most files). */
  rowNumbers: number[];
};

/** Where something came from. */
export type RowRef = { file: string; sheet: string | null; row: number | null; column: string | null };

export function refOf(table: Pick<Table, 'file' | 'sheet'>, row: number | null, column: string | null = null): RowRef {
  return { file: table.file, sheet: table.sheet, row, column };
}

export function formatRef(ref: RowRef): string {
  const parts = [ref.file];
  if (ref.sheet !== null) parts.push(`sheet ${ref.sheet}`);
  if (ref.row !== null) parts.push(`row ${ref.row}`);
  if (ref.column !== null) parts.push(`column "${ref.column}"`);
  return parts.join(', ');
}

/** Header comparison key: case-, space-, punctuation-insensitive ("Provisioned MiB" -> "provisionedmib"). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%#]+/g, '');
}

/** Index of the first header whose key is one of the candidates (in candidate order), or -1. */
export function findColumn(headers: readonly string[], candidates: readonly string[]): number {
  const keys = headers.map(headerKey);
  for (const c of candidates) {
    const i = keys.indexOf(headerKey(c));
    if (i >= 0) return i;
  }
  return -1;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

export function isBlank(cell: Cell | undefined): boolean {
  return cellText(cell) === '';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A number from a cell: numbers as they are; text with thousands separators, a trailing "%" or a unit word
 * ("1,024", "35 %", "2400 MHz") is read leniently; anything else is an error naming the text.
 */
export function parseNumber(cell: Cell | undefined): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: 'is not a finite number' };
  if (typeof cell === 'boolean') return { ok: false, reason: `is a yes/no value (${String(cell)}), not a number` };
  const text = cellText(cell);
  if (text === '') return { ok: false, reason: 'is empty' };
  const m = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%|[a-z/]{1,6})?$/i.exec(text);
  if (m && m[1] !== '' && m[1] !== '+' && m[1] !== '-') {
    const value = Number(m[1].replace(/,/g, ''));
    if (Number.isFinite(value)) return { ok: true, value };
  }
  // Decimal comma ("12,5") as some European exports write it.
  if (/^[-+]?\d+,\d+$/.test(text)) return { ok: true, value: Number(text.replace(',', '.')) };
  return { ok: false, reason: `is not a number (${JSON.stringify(text.slice(0, 40))})` };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'enabled', 'connected']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'disabled', 'notconnected', '']);

/** A yes/no cell; null when the text is neither. Blank is false. */
export function parseBool(cell: Cell | undefined): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell !== 0;
  const t = cellText(cell).toLowerCase().replace(/\s+/g, '');
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

/** A stable, readable id from free text ("Sample DC 1" -> "sample-dc-1"), max 200 characters. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return s === '' ? 'x' : s;
}
