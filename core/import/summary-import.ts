/**
 * Per-server performance summary CSV (the shape of the anchors' import templates): server, CPU average %,
 * CPU peak %, a CPU percentile %, memory %, disk IOPS, network Mbps, one row per server. Rows are matched to
 * the project's servers by id, name, or FQDN <-> short name; the summaries land on `Server.usage.summary`
 * (core/engine/sizing/sizing-basis.ts sizes from them). Percentages outside 0-100, negative IOPS or Mbps and text
 * where a number belongs are warned about by file, row and column and left out; a peak below the average is
 * warned about and kept; rows of unknown servers and repeated servers are skipped and listed.
 */
import type { UsageSummary } from '../model/schema.ts';
import { columnsOf, type Mapping } from './mapping.ts';
import { emptyCounts, ReportBuilder } from './report.ts';
import { emptyResult, type ImportResult } from './result.ts';
import { serverMatcher, type ServerRef } from './series-import.ts';
import type { Table } from './table.ts';

export type SummaryUpdate = { serverId: string; summary: UsageSummary };

const PCT_FIELDS = ['cpuAvg', 'cpuPeak', 'cpuPercentile', 'memory'] as const;

export function mapSummary(table: Table, mapping: Mapping, context: { servers: readonly ServerRef[] }): ImportResult & { summaries: SummaryUpdate[] } {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const match = serverMatcher(context.servers);
  const summaries: SummaryUpdate[] = [];
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const name = c.text(row, 'server');
    const skip = (severity: 'warning' | 'info', message: string) => {
      count.rowsSkipped++;
      report.addGrouped(severity, name === '' ? 'missing-field' : 'unmatched', message, c.ref(i, 'server'));
    };
    if (name === '') return skip('warning', 'summary row without a server name: skipped');
    let id = match(name);
    if (id === undefined && /^[^.\d][^.]*\./.test(name)) id = match(name.split('.')[0]); // FQDN -> short name
    if (id === undefined) return skip('warning', 'summary row for a server that is not in the project: skipped (import the inventory or RVTools export first)');
    if (id === null) return skip('warning', 'summary row whose server name matches several servers: skipped');
    if (seen.has(id)) {
      count.rowsSkipped++;
      report.addGrouped('warning', 'duplicate', 'server appears twice in the summary: the later row is skipped', c.ref(i, 'server'));
      return;
    }
    const value = (field: string, max: number): number | null => {
      const n = c.number(row, field);
      if (n === null) return null;
      const label = `"${c.header[field]}"`;
      if (!n.ok) report.addGrouped('warning', 'bad-value', `${label} ${n.reason.replace(/ \(.*\)$/, '')}: left out`, c.ref(i, field));
      else if (n.value < 0) report.addGrouped('warning', 'bad-value', `${label} is negative: left out`, c.ref(i, field));
      else if (n.value > max) report.addGrouped('warning', 'bad-value', `${label} is over ${max === 100 ? '100 %' : max}: left out`, c.ref(i, field));
      else return n.value;
      return null;
    };
    const [cpuAvgPct, cpuPeakPct, cpuPercentilePct, memPct] = PCT_FIELDS.map((f) => value(f, 100));
    const summary: UsageSummary = {
      cpuAvgPct,
      cpuPeakPct,
      cpuPercentilePct,
      memPct,
      iops: value('iops', 1e9),
      networkMbps: value('networkMbps', 1e7),
      source: `${table.file} row ${table.rowNumbers[i] ?? i + 2}`,
    };
    if (cpuAvgPct !== null && cpuPeakPct !== null && cpuPeakPct < cpuAvgPct) {
      report.addGrouped('warning', 'bad-value', 'CPU peak is below the CPU average: kept, check the columns', c.ref(i, 'cpuPeak'));
    }
    if (Object.values(summary).every((v) => v === null || typeof v === 'string')) {
      count.rowsSkipped++;
      report.addGrouped('warning', 'missing-field', 'summary row without any usable value: skipped', c.ref(i, 'server'));
      return;
    }
    seen.add(id);
    count.rowsUsed++;
    summaries.push({ serverId: id, summary });
  });
  const counts = emptyCounts();
  report.add('info', 'assumption', `performance summaries for ${summaries.length} server(s): they size those servers where no hourly series exists (percent of each server's allocation)`, []);
  return { ...emptyResult(report.build(counts)), summaries };
}
