/** A report table: header repeated on every printed page, rows kept whole, numbers right-aligned and formatted. */
import type { Cell, Table } from '../../core/export/table.ts';
import { fmtDec } from '../views/results/format.ts';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole numbers with grouping, others with one decimal; null as an empty cell. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return Number.isInteger(c) ? int.format(c) : fmtDec(c);
  return c;
}

export type ReportTableProps = {
  table: Pick<Table, 'header' | 'rows'>;
  caption?: string;
  /** Formats a cell of a column (by header) instead of cellText. */
  format?: Partial<Record<string, (c: Cell) => string>>;
  testId?: string;
  /** Narrow text columns that may wrap anywhere (ids, class keys). */
  compact?: boolean;
  className?: string;
};

export function ReportTable({ table, caption, format, testId, compact, className }: ReportTableProps) {
  const numeric = table.header.map((_, i) => table.rows.length > 0 && table.rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  return (
    <table className={`report-table${compact ? ' report-table-compact' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {table.header.map((h, i) => (
            <th key={h} scope="col" className={numeric[i] ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, ri) => (
          <tr key={ri}>
            {r.map((c, i) => (
              <td key={i} className={numeric[i] ? 'num' : undefined}>
                {format?.[table.header[i]]?.(c) ?? cellText(c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
