/**
 * The CLI's plan file, by the extension of --out: `.xlsx` writes the workbook with all four tables (Servers,
 * Hosts, Sites, WAN links), anything else the Servers table as CSV (one row per server). Both come from
 * core/export, the same code as the UI's "Export plan…", so formula escaping has one implementation.
 */
import type { Plan } from '../../core/engine/plan.ts';
import type { Estate, Scenario } from '../../core/model/schema.ts';
import { tableCsv } from '../../core/export/csv.ts';
import { allTables, planTables, serversTable } from '../../core/export/plan-tables.ts';
import { writeXlsx } from '../../core/export/xlsx.ts';

export type PlanFormat = 'csv' | 'xlsx';

export const planFormatOf = (out: string): PlanFormat => (/\.xlsx$/i.test(out) ? 'xlsx' : 'csv');

/** The Servers table as CSV text. */
export function planCsv(estate: Estate, plan: Plan): string {
  return tableCsv(serversTable(estate, plan));
}

/** The bytes to write for --out, and a line describing them. */
export function planFile(out: string, estate: Estate, scenario: Scenario, plan: Plan): { bytes: Uint8Array | string; description: string } {
  if (planFormatOf(out) === 'xlsx') {
    const t = planTables(estate, scenario, plan);
    const tables = allTables(t);
    return { bytes: writeXlsx(tables), description: tables.map((x) => `${x.name}: ${x.rows.length} rows`).join(', ') };
  }
  return { bytes: planCsv(estate, plan), description: `${plan.assignments.length} rows` };
}
