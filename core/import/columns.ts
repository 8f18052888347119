/**
 * Column resolution for known sheet layouts: an alias table per field, matched case-, space- and
 * punctuation-insensitively, also with the sheet-name prefix RVTools CSV exports put on every header
 * ("vInfoProvisioned" is "Provisioned" of vInfo).
 */
import { ImportError } from './errors.ts';
import { cellText, headerKey, parseNumber, refOf, type Cell, type Parsed, type RowRef, type Table } from './table.ts';

export type Aliases = Record<string, readonly string[]>;

export type Columns<F extends string> = {
  table: Table;
  index: Record<F, number>;
  /** The header text each resolved field matched (for unit detection and messages). */
  header: Record<F, string | null>;
  has(field: F): boolean;
  cell(row: Cell[], field: F): Cell;
  text(row: Cell[], field: F): string;
  /** The text of a name cell; an ImportError naming the cell when it holds a control character (NUL, tab, line break...). */
  name(row: Cell[], field: F, i: number): string;
  number(row: Cell[], field: F): Parsed<number> | null;
  ref(i: number, field?: F): RowRef;
};

export function resolveColumns<F extends string>(table: Table, aliases: Record<F, readonly string[]>): Columns<F> {
  const prefix = table.sheet === null ? '' : headerKey(table.sheet);
  const keys = table.headers.map((h) => headerKey(h));
  const stripped = keys.map((k) => (prefix !== '' && k.startsWith(prefix) && k.length > prefix.length ? k.slice(prefix.length) : k));
  const index = {} as Record<F, number>;
  const header = {} as Record<F, string | null>;
  for (const field of Object.keys(aliases) as F[]) {
    let found = -1;
    for (const alias of aliases[field]) {
      const k = headerKey(alias);
      found = keys.indexOf(k);
      if (found < 0) found = stripped.indexOf(k);
      if (found >= 0) break;
    }
    index[field] = found;
    header[field] = found >= 0 ? table.headers[found] : null;
  }
  return {
    table,
    index,
    header,
    has: (f) => index[f] >= 0,
    cell: (row, f) => (index[f] >= 0 ? (row[index[f]] ?? null) : null),
    text: (row, f) => (index[f] >= 0 ? cellText(row[index[f]]) : ''),
    number: (row, f) => (index[f] >= 0 && cellText(row[index[f]]) !== '' ? parseNumber(row[index[f]]) : null),
    ref: (i, f) => refOf(table, table.rowNumbers[i] ?? null, f !== undefined ? header[f] : null),
    name: (row, f, i) => {
      const text = index[f] >= 0 ? cellText(row[index[f]]) : '';
      const bad = CONTROL.exec(text);
      if (bad !== null) {
        const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        throw new ImportError(`the name holds the control character U+${code}${code === '0000' ? ' (NUL)' : ''}; names must be plain text. Is the file damaged or in another encoding?`, refOf(table, table.rowNumbers[i] ?? null, header[f]));
      }
      return text;
    },
  };
}

/** C0 controls (tab and line breaks included), DEL and C1 controls: never part of a name. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export type SizeUnit = 'KiB' | 'MiB' | 'GiB' | 'TiB';

/** The size unit a header names ("Provisioned MB" -> MiB: RVTools' MB are MiB), or null when it names none. */
export function unitOfHeader(header: string | null): SizeUnit | null {
  if (header === null) return null;
  const h = header.toLowerCase();
  if (/\b(kib|kb)\b/.test(h)) return 'KiB';
  if (/\b(mib|mb)\b/.test(h)) return 'MiB';
  if (/\b(gib|gb)\b/.test(h)) return 'GiB';
  if (/\b(tib|tb)\b/.test(h)) return 'TiB';
  return null;
}

export const TO_GIB: Record<SizeUnit, number> = { KiB: 1 / 1048576, MiB: 1 / 1024, GiB: 1, TiB: 1024 };
