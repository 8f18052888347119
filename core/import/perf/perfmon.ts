/**
 * Windows perfmon logs relogged to CSV (`relog log.blg -f csv`, PDH-CSV 4.0): the first header cell is
 * "(PDH-CSV 4.0) (<Windows zone name>)(<bias minutes>)", the other headers are counter paths
 * "\\SERVER\Object(Instance)\Counter", one row per sample time "MM/DD/YYYY HH:MM:SS.mmm" in that zone, and
 * a blank cell (" ") where a counter had no value (a gap). Several servers may share one file. Read:
 *   Processor(_Total)\% Processor Time (or Processor Information)   -> cpuPct (other instances ignored)
 *   Memory\% Committed Bytes In Use                                  -> memPct
 *   Memory\Available MBytes                                          -> memPct = 100 x (1 - MB / server memory), when the
 *                                                                       server has no % Committed column
 *   PhysicalDisk(_Total)\Disk Transfers/sec                          -> iops (no _Total: the instances summed;
 *                                                                       LogicalDisk when there is no PhysicalDisk)
 *   Network Interface(*)\Bytes Total/sec (or Network Adapter)        -> netMbps = bytes/s x 8 / 10^6, interfaces summed
 * Other counters are listed once (count and examples). The zone is the header's: a known Windows name
 * follows its daylight-saving rules (so the repeated and the missing hour are placed, see clock.ts), an
 * unknown one is read at the header's fixed bias (UTC = local + bias). Samples are instants in their hour;
 * when the rows are more than an hour apart each sample covers the step to the next row.
 */
import type { Metric } from '../../model/series.ts';
import { ImportError } from '../errors.ts';
import { columnsOf, type Mapping } from '../mapping.ts';
import { ReportBuilder } from '../report.ts';
import { emptyResult, type ImportResult } from '../result.ts';
import { cellText, parseNumber, type Table } from '../table.ts';
import { ianaOfWindowsZone, ZoneClock } from './clock.ts';
import { rowTimes } from './row-times.ts';
import type { PerfOptions } from './getstat.ts';
import { SampleSink } from './sink.ts';

const HEADER_RE = /^\(PDH-(?:CSV|TSV) [\d.]+\)\s*(?:\(([^)]*)\))?\s*(?:\((-?\d+)\))?/i;
const COUNTER_RE = /^\\\\([^\\]+)\\([^\\(]+?)(?:\((.*)\))?\\([^\\]+)$/;

type Plan = { col: number; header: string; r: number; metric: Metric; instance: string; scale: (v: number) => number | null };

/** The zone of the header: an IANA zone for a known Windows name, else the fixed bias, else null. */
export function perfmonZone(first: string): { clock: ZoneClock; note: string } | null {
  const m = HEADER_RE.exec(first.trim());
  if (!m) return null;
  const name = (m[1] ?? '').trim();
  const iana = name === '' ? null : ianaOfWindowsZone(name);
  if (iana !== null) return { clock: new ZoneClock(iana), note: `time stamps read in ${iana} (the header's zone "${name}"), daylight saving followed` };
  if (m[2] !== undefined) {
    const bias = Number(m[2]);
    return { clock: new ZoneClock({ fixedOffsetMs: -bias * 60_000 }), note: `the header's zone "${name}" is not one the import knows: time stamps read at its fixed bias (UTC = local + ${bias} min), daylight-saving changes during the log are not followed` };
  }
  return null;
}

export function mapPerfmon(table: Table, mapping: Mapping, options: PerfOptions): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const sink = new SampleSink(report, table, options.servers, 'columns');
  const tsCol = c.index.timestamp;
  const zone = perfmonZone(table.headers[0] ?? '');
  const clock = zone?.clock ?? new ZoneClock(options.timeZone ?? 'UTC');
  report.add('info', 'assumption', zone?.note ?? `no zone in the first header cell: time stamps read in ${options.timeZone ?? 'UTC'} (the dialog's zone)`, []);
  // Counter columns: which server, metric and instance each one feeds.
  type Col = { col: number; header: string; server: string; object: string; instance: string; counter: string };
  const cols: Col[] = [];
  const unknown: string[] = [];
  const headerRef = (col: number) => ({ file: table.file, sheet: table.sheet, row: 1, column: table.headers[col] });
  table.headers.forEach((header, col) => {
    if (col === tsCol) return;
    const m = COUNTER_RE.exec(header.trim());
    if (!m) {
      unknown.push(header);
      return;
    }
    cols.push({ col, header, server: m[1], object: m[2].trim().toLowerCase(), instance: (m[3] ?? '').trim().toLowerCase(), counter: m[4].trim().toLowerCase() });
  });
  const plans: Plan[] = [];
  const has = (server: string, pred: (x: Col) => boolean) => cols.some((x) => x.server.toLowerCase() === server.toLowerCase() && pred(x));
  const ignored = new Map<string, string[]>();
  const ignore = (why: string, x: Col) => ignored.set(why, [...(ignored.get(why) ?? []), x.header]);
  for (const x of cols) {
    const isCpu = (x.object === 'processor' || x.object === 'processor information') && x.counter === '% processor time';
    const isDisk = (o: string) => (o === 'physicaldisk' || o === 'logicaldisk') && x.counter === 'disk transfers/sec';
    const isNet = (x.object === 'network interface' || x.object === 'network adapter') && x.counter === 'bytes total/sec';
    let metric: Metric | null = null;
    let scale: Plan['scale'] = (v) => v;
    if (isCpu) {
      if (x.instance !== '_total') {
        ignore('per-processor counters (the _Total instance is used)', x);
        continue;
      }
      if (x.object === 'processor information' && has(x.server, (y) => y.object === 'processor' && y.counter === '% processor time' && y.instance === '_total')) {
        ignore('Processor Information where Processor(_Total) is read', x);
        continue;
      }
      metric = 'cpuPct';
    } else if (x.object === 'memory' && x.counter === '% committed bytes in use') metric = 'memPct';
    else if (x.object === 'memory' && x.counter === 'available mbytes') {
      if (has(x.server, (y) => y.object === 'memory' && y.counter === '% committed bytes in use')) {
        ignore('Memory\\Available MBytes where % Committed Bytes In Use is read (mixed units: the percentage wins)', x);
        continue;
      }
      metric = 'memPct';
    } else if (isDisk(x.object)) {
      if (x.object === 'logicaldisk' && has(x.server, (y) => y.object === 'physicaldisk' && y.counter === 'disk transfers/sec')) {
        ignore('LogicalDisk where PhysicalDisk is read', x);
        continue;
      }
      if (x.instance !== '_total' && has(x.server, (y) => y.object === x.object && y.counter === x.counter && y.instance === '_total')) {
        ignore('per-disk counters where the _Total instance is read', x);
        continue;
      }
      metric = 'iops';
    } else if (isNet) {
      if (x.instance !== '_total' && has(x.server, (y) => y.object === x.object && y.counter === x.counter && y.instance === '_total')) {
        ignore('per-interface counters where the _Total instance is read', x);
        continue;
      }
      metric = 'netMbps';
      scale = (v) => (v * 8) / 1e6;
    }
    if (metric === null) {
      unknown.push(x.header);
      continue;
    }
    const r = sink.server(x.server, -1, x.header);
    if (r < 0) continue;
    if (x.object === 'memory' && x.counter === 'available mbytes') {
      const gib = sink.servers[r].memoryGiB ?? 0;
      if (gib <= 0) {
        report.add('warning', 'missing-field', `${x.header}: the server's memory size is unknown, so Available MBytes cannot become a percentage: column skipped`, [headerRef(x.col)]);
        continue;
      }
      scale = (v) => Math.max(0, 100 * (1 - v / (gib * 1024)));
    }
    plans.push({ col: x.col, header: x.header, r, metric, instance: `${x.object}|${x.instance}|${x.counter}`, scale });
  }
  if (unknown.length > 0) report.add('warning', 'bad-value', `${unknown.length} counter column${unknown.length === 1 ? '' : 's'} not read: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', ...' : ''} (read: % Processor Time, % Committed Bytes In Use / Available MBytes, Disk Transfers/sec, Bytes Total/sec)`, unknown.map((h) => headerRef(table.headers.indexOf(h))));
  for (const [why, headers] of ignored) report.add('info', 'assumption', `${headers.length} column${headers.length === 1 ? '' : 's'} not read: ${why}`, headers.map((h) => headerRef(table.headers.indexOf(h))));
  if (plans.length === 0 && cols.length + unknown.length === 0) throw new ImportError(`${table.file}: no counter columns ("\\\\SERVER\\Object(Instance)\\Counter") after the time stamp column`);
  const { times, span } = rowTimes(sink, tsCol, clock);
  table.rows.forEach((row, i) => {
    const t = times[i];
    if (t === null) return;
    for (const p of plans) {
      const text = cellText(row[p.col]);
      if (text === '') continue;
      const v = parseNumber(row[p.col]);
      if (!v.ok) {
        sink.issue('warning', 'bad-value', `counter value ${v.reason.replace(/ \(.*\)$/, '')}: cell skipped`, i, p.header);
        continue;
      }
      const value = p.scale(v.value);
      if (value !== null) sink.add(p.r, p.metric, t, span, value, p.instance, i, p.header);
    }
  });
  const built = sink.build(count);
  const result = emptyResult(report.build(built.counts));
  result.series = built.series;
  return result;
}
