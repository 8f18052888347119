/**
 * A wide utilisation CSV: a time stamp column and one column per server and metric ("web01 cpu %",
 * "web01 mem %", "db01.corp.local iops"). The mapping names the time column and, per data column, the
 * server and metric it holds ("col:<header>" -> "cpuPct@web01"; null = not imported); guessMapping proposes
 * them from the headers (kinds.ts: splitWideHeader). Percentages, IOPS and Mbps are read as they are; a
 * percentage column whose values are all between 0 and 1 is read as fractions. Stamps without an offset are
 * in the dialog's zone; rows more than an hour apart (daily figures) cover the step to the next row.
 */
import { ImportError } from '../errors.ts';
import { columnsOf, type Mapping } from '../mapping.ts';
import { ReportBuilder } from '../report.ts';
import { emptyResult, type ImportResult } from '../result.ts';
import { cellText, parseNumber, type Table } from '../table.ts';
import { ZoneClock } from './clock.ts';
import { rowTimes } from './row-times.ts';
import type { PerfOptions } from './getstat.ts';
import { parseWideValue, WIDE_PREFIX } from './kinds.ts';
import { SampleSink } from './sink.ts';

export function mapWide(table: Table, mapping: Mapping, options: PerfOptions): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const sink = new SampleSink(report, table, options.servers, 'columns');
  const clock = new ZoneClock(options.timeZone ?? 'UTC');
  const tsCol = c.index.timestamp;
  const plans: { col: number; header: string; r: number; metric: ReturnType<typeof parseWideValue> & object; scale: number }[] = [];
  for (const [key, value] of Object.entries(mapping.columns)) {
    if (!key.startsWith(WIDE_PREFIX)) continue;
    const header = key.slice(WIDE_PREFIX.length);
    const col = table.headers.indexOf(header);
    if (col < 0) throw new ImportError(`${table.file}: the mapping names column "${header}", but the file has no such column (columns: ${table.headers.slice(0, 30).join(', ')})`);
    const target = parseWideValue(value);
    if (target === null || col === tsCol) continue;
    const r = sink.server(target.server, -1, header);
    if (r >= 0) plans.push({ col, header, r, metric: target, scale: 1 });
  }
  const unmapped = table.headers.filter((h, col) => col !== tsCol && !plans.some((p) => p.col === col));
  if (unmapped.length > 0) report.add('info', 'assumption', `${unmapped.length} column${unmapped.length === 1 ? '' : 's'} not imported (no server and metric mapped, or the server is not in the project): ${unmapped.slice(0, 5).join(', ')}${unmapped.length > 5 ? ', ...' : ''}`, unmapped.map((h) => ({ file: table.file, sheet: table.sheet, row: 1, column: h })));
  // Fractions: a percentage column whose values all lie in 0..1.
  for (const p of plans) {
    if (p.metric.metric !== 'cpuPct' && p.metric.metric !== 'memPct') continue;
    let max = -Infinity;
    for (const row of table.rows) {
      const v = parseNumber(row[p.col]);
      if (v.ok) max = Math.max(max, v.value);
    }
    if (max > 0 && max <= 1) {
      p.scale = 100;
      report.add('info', 'unit-guess', `column "${p.header}": values all between 0 and 1, read as fractions and converted to percent`, [{ file: table.file, sheet: table.sheet, row: 1, column: p.header }]);
    }
  }
  const { times, span } = rowTimes(sink, tsCol, clock);
  table.rows.forEach((row, i) => {
    const t = times[i];
    if (t === null) return;
    for (const p of plans) {
      if (cellText(row[p.col]) === '') continue;
      const v = parseNumber(row[p.col]);
      if (!v.ok) {
        sink.issue('warning', 'bad-value', `value ${v.reason.replace(/ \(.*\)$/, '')}: cell skipped`, i, p.header);
        continue;
      }
      sink.add(p.r, p.metric.metric, t, span, v.value * p.scale, p.header, i, p.header);
    }
  });
  const built = sink.build(count);
  const result = emptyResult(report.build(built.counts));
  result.series = built.series;
  return result;
}
