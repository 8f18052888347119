/**
 * The plan as CSV (RFC 4180): one row per server. Cells that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) get a leading apostrophe; cells with commas, quotes or line breaks
 * are quoted.
 */
import type { Plan } from '../../core/engine/plan.ts';

export const PLAN_CSV_HEADER = ['server_id', 'source_site', 'target_site', 'target_host', 'reason', 'detail'] as const;

export function csvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function planCsv(plan: Plan): string {
  const lines = [PLAN_CSV_HEADER.join(',')];
  for (const a of plan.assignments) {
    lines.push([a.serverId, a.sourceDataCentreId, a.targetDataCentreId, a.hostLabel, a.reason, a.detail].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
