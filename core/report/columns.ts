/** Report tables cut from the export tables (core/export): the columns a reader needs, with readable headers. */
import type { Cell, Table } from '../export/table.ts';

/** [export column name, report header] pairs. */
export type ColumnPick = readonly (readonly [string, string])[];

/** The table with only the picked columns, in the picked order, headed by the report headers; rows kept by `keep`. */
export function pickColumns(table: Table, columns: ColumnPick, keep: (row: readonly Cell[], col: (name: string) => Cell) => boolean = () => true): Table {
  const index = new Map(table.header.map((h, i) => [h, i]));
  const at = columns.map(([name]) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`table ${table.name} has no column ${name}`);
    return i;
  });
  const rows = table.rows.filter((r) => keep(r, (name) => r[index.get(name) ?? -1] ?? null)).map((r) => at.map((i) => r[i] ?? null));
  return { name: table.name, header: columns.map(([, label]) => label), rows };
}
