/**
 * The CLI's plan file, by the extension of --out: `.xlsx` writes the workbook with all four tables (Servers,
 * Hosts, Sites, WAN links), anything else the Servers table as CSV (one row per server; `,` or, for
 * Excel in de/fr/nl locales, `;` with a byte-order mark). Both come from
 * core/export, the same code as the UI's "Export plan…", so formula escaping has one implementation.
 */
import type { Plan } from '../../core/engine/plan.ts';
import type { Estate, Scenario } from '../../core/model/schema.ts';
import { tableCsvBytes, type CsvSeparator } from '../../core/export/csv.ts';
import { allTables, planTables, serversTable } from '../../core/export/plan-tables.ts';
import { writeXlsx } from '../../core/export/xlsx.ts';

export type PlanFormat = 'csv' | 'xlsx';

export const planFormatOf = (out: string): PlanFormat => (/\.xlsx$/i.test(out) ? 'xlsx' : 'csv');

/** The Servers table as CSV bytes; a `;` file carries a byte-order mark, as Excel in those locales needs. */
export function planCsv(estate: Estate, plan: Plan, separator: CsvSeparator = ','): Uint8Array {
  return tableCsvBytes(serversTable(estate, plan), { separator, bom: separator === ';' });
}

/** The bytes to write for --out, and a line describing them. */
export function planFile(out: string, estate: Estate, scenario: Scenario, plan: Plan, separator: CsvSeparator = ','): { bytes: Uint8Array | string; description: string } {
  if (planFormatOf(out) === 'xlsx') {
    const t = planTables(estate, scenario, plan);
    const tables = allTables(t);
    return { bytes: writeXlsx(tables), description: tables.map((x) => `${x.name}: ${x.rows.length} rows`).join(', ') };
  }
  return { bytes: planCsv(estate, plan, separator), description: `${plan.assignments.length} rows` };
}
