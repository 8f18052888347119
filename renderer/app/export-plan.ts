/**
 * "Export plan…": the plan's Servers table as CSV, or all four tables (Servers, Hosts, Sites, WAN links) as
 * an Excel workbook, built with core/export and written by the host's exportWrite. Electron asks where with
 * its native save dialog (path null); browser mode asks with the in-app file browser first, as Save As does.
 * Failures other than a cancel show in the error dialog.
 */
import type { AppInfo, FileRef, HostApi } from '../../electron/contract.ts';
import type { Plan } from '../../core/engine/plan.ts';
import type { Estate } from '../../core/model/schema.ts';
import { tableCsvBytes } from '../../core/export/csv.ts';
import { allTables, planTables } from '../../core/export/plan-tables.ts';
import { writeXlsx } from '../../core/export/xlsx.ts';
import { ask, type DialogStore } from './dialogs.ts';
import { suggestedFileName } from './controller.ts';

/** `csv-semicolon`: the servers CSV with `;` between cells, for Excel in locales whose list separator is `;`. */
export type PlanExportFormat = 'csv' | 'csv-semicolon' | 'xlsx';

export const PLAN_EXPORT_FORMATS = [
  ['xlsx', 'Excel (all tables)'],
  ['csv', 'CSV (servers)'],
  ['csv-semicolon', 'CSV ; (de/fr/nl Excel)'],
] as const satisfies readonly (readonly [PlanExportFormat, string])[];

export type ExportPlanDeps = {
  host: HostApi;
  dialogs: DialogStore;
  /** The host's info (null before it answered): browser mode picks the path with the in-app file browser. */
  appInfo: () => AppInfo | null;
};

/** The file name and bytes of a plan export. CSV carries a BOM so Excel reads non-ASCII names as UTF-8. */
export function planExportFile(estate: Estate, plan: Plan, format: PlanExportFormat): { suggestedName: string; bytes: Uint8Array<ArrayBuffer> } {
  const scenario = estate.scenarios.find((s) => s.id === plan.scenarioId) ?? null;
  const tables = planTables(estate, scenario, plan);
  const suggestedName = suggestedFileName(`${tables.title} plan`, format === 'xlsx' ? '.xlsx' : '.csv');
  const bytes = format === 'xlsx' ? writeXlsx(allTables(tables)) : tableCsvBytes(tables.servers, { bom: true, separator: format === 'csv' ? ',' : ';' });
  return { suggestedName, bytes };
}

/** Export the plan; the written file, or null when cancelled or failed (the failure is shown). */
export async function exportPlan(deps: ExportPlanDeps, estate: Estate, plan: Plan, format: PlanExportFormat): Promise<FileRef | null> {
  const title = 'Could not export the plan';
  let file: { suggestedName: string; bytes: Uint8Array<ArrayBuffer> };
  try {
    file = planExportFile(estate, plan, format);
  } catch (e) {
    await ask(deps.dialogs, 'error', { title, message: `The export could not be built: ${e instanceof Error ? e.message : String(e)}` });
    return null;
  }
  let path: string | null = null;
  if (deps.appInfo()?.host === 'browser') {
    path = await ask(deps.dialogs, 'fileBrowser', { mode: 'save', suggestedName: file.suggestedName });
    if (path === null) return null;
  }
  // A path from the file browser: it asked before replacing an existing file.
  const r = await deps.host.exportWrite({ suggestedName: file.suggestedName, bytes: file.bytes, path, replace: path !== null });
  if (r.ok) return r.value;
  if (r.error.code !== 'cancelled') await ask(deps.dialogs, 'error', { title, message: r.error.message });
  return null;
}
