/**
 * vCenter / PowerCLI `Get-Stat ... | Export-Csv` exports: one row per sample (MetricId, Entity, Timestamp,
 * Value, Unit, Instance, IntervalSecs; Export-Csv adds others, ignored). Metrics read:
 *   cpu.usage.average (%)                         -> cpuPct
 *   cpu.usagemhz.average (MHz)                    -> cpuPct = MHz / (vCPUs x MHz per core); warned when the clock is unknown
 *   mem.usage.average (%)                         -> memPct
 *   mem.active.average (KB)                       -> memPct = KB / (memory GiB x 1024^2)
 *   disk.numberreadaveraged/numberwriteaveraged   -> iops (summed)
 *   disk.usage.average (KBps)                     -> iops at an assumed 32 KiB per I/O (an assumption note)
 *   net.usage.average (KBps)                      -> netMbps = KBps x 1024 x 8 / 10^6
 * Instance "" is the aggregate. CPU and memory instances (per vCPU) are ignored; disk and network instances
 * (per device) are ignored where the entity has aggregate rows for the metric, else summed. Time stamps
 * mark the end of an interval of IntervalSecs (default 300 s, vCenter's 5-minute roll-up). PowerCLI writes
 * them in the exporting machine's local time without an offset: the dialog's time zone applies.
 */
import type { Metric } from '../../model/series.ts';
import { columnsOf, type Mapping } from '../mapping.ts';
import { ReportBuilder } from '../report.ts';
import { emptyResult, type ImportResult } from '../result.ts';
import { parseNumber, type Table } from '../table.ts';
import { dateOrderOf, parseStamp, ZoneClock } from './clock.ts';
import { SampleSink, type PerfServer } from './sink.ts';

export type PerfOptions = { servers: readonly PerfServer[]; timeZone?: string };

type Rule = { metric: Metric; unit: string; convert: 'none' | 'mhz' | 'kb' | 'kbps-io' | 'kbps-net'; perInstance: 'ignore' | 'sum' };
const RULES: Record<string, Rule> = {
  'cpu.usage.average': { metric: 'cpuPct', unit: '%', convert: 'none', perInstance: 'ignore' },
  'cpu.usagemhz.average': { metric: 'cpuPct', unit: 'mhz', convert: 'mhz', perInstance: 'ignore' },
  'mem.usage.average': { metric: 'memPct', unit: '%', convert: 'none', perInstance: 'ignore' },
  'mem.active.average': { metric: 'memPct', unit: 'kb', convert: 'kb', perInstance: 'ignore' },
  'disk.numberreadaveraged.average': { metric: 'iops', unit: 'number', convert: 'none', perInstance: 'sum' },
  'disk.numberwriteaveraged.average': { metric: 'iops', unit: 'number', convert: 'none', perInstance: 'sum' },
  'disk.usage.average': { metric: 'iops', unit: 'kbps', convert: 'kbps-io', perInstance: 'sum' },
  'net.usage.average': { metric: 'netMbps', unit: 'kbps', convert: 'kbps-net', perInstance: 'sum' },
};
const ASSUMED_IO_KIB = 32;

const unitKey = (u: string) => u.trim().toLowerCase().replace(/^percent$/, '%').replace(/^kiloBytesPerSecond$/i, 'kbps').replace(/^kilobytes$/, 'kb').replace(/^megahertz$/, 'mhz');

export function mapGetStat(table: Table, mapping: Mapping, options: PerfOptions): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const sink = new SampleSink(report, table, options.servers);
  const clock = new ZoneClock(options.timeZone ?? 'UTC');
  const order = dateOrderOf(table.rows.slice(0, 500).map((r) => c.text(r, 'timestamp')));
  const h = (field: string) => c.header[field] ?? field;
  // Entities with aggregate (Instance "") rows, per metric: their per-device rows are not summed.
  const aggregates = new Set<string>();
  for (const row of table.rows) if (c.text(row, 'instance') === '') aggregates.add(`${c.text(row, 'entity').toLowerCase()}|${c.text(row, 'metric').toLowerCase()}`);
  const unknown = new Map<string, number>();
  let diskAssumed = false;
  table.rows.forEach((row, i) => {
    const metricId = c.text(row, 'metric').toLowerCase();
    const rule = RULES[metricId];
    if (rule === undefined) {
      unknown.set(metricId || '(empty)', (unknown.get(metricId || '(empty)') ?? 0) + 1);
      sink.issue('info', 'skipped-row', 'metric is not one the import reads (see the Import section of the manual): row skipped', i, h('metric'));
      return;
    }
    const entity = c.text(row, 'entity');
    const instance = c.text(row, 'instance');
    if (instance !== '' && (rule.perInstance === 'ignore' || aggregates.has(`${entity.toLowerCase()}|${metricId}`))) {
      sink.issue('info', 'skipped-row', 'per-instance row (a vCPU, disk or NIC) where the aggregate row (Instance empty) is used: skipped', i, h('instance'));
      return;
    }
    const unit = c.has('unit') ? unitKey(c.text(row, 'unit')) : rule.unit;
    if (unit !== '' && unit !== rule.unit) {
      sink.issue('warning', 'bad-value', `unit does not match the metric (${metricId} is in ${rule.unit}): row skipped`, i, h('unit'));
      return;
    }
    if (entity === '') return sink.issue('warning', 'missing-field', 'row without an entity: skipped', i, h('entity'));
    const r = sink.server(entity, i, h('entity'));
    if (r < 0) return;
    const stamp = parseStamp(c.cell(row, 'timestamp'), order);
    if (!stamp.ok) return sink.issue('warning', 'bad-value', `time stamp ${stamp.reason}: row skipped`, i, h('timestamp'));
    const v = parseNumber(c.cell(row, 'value'));
    if (!v.ok) return sink.issue('warning', 'bad-value', `value ${v.reason.replace(/ \(.*\)$/, '')}: row skipped`, i, h('value'));
    const iv = c.number(row, 'interval');
    const intervalS = iv !== null && iv.ok && iv.value > 0 && iv.value <= 86_400 ? iv.value : 300;
    const t = clock.resolve(stamp.value, `${r}|${metricId}|${instance}`);
    if (t.problem === 'missing') sink.issue('warning', 'bad-value', 'time stamp falls in the hour the clocks went forward (it does not exist in the zone): read with the offset before the change', i, h('timestamp'));
    if (t.problem === 'ambiguous') sink.issue('info', 'assumption', 'time stamp falls in the hour the clocks went back (it occurs twice): placed by its neighbours in the file', i, h('timestamp'));
    const server = sink.servers[r];
    let value = v.value;
    if (rule.convert === 'mhz') {
      const cores = server.cores ?? 0;
      const mhz = server.mhzPerCore ?? null;
      if (cores <= 0 || mhz === null || mhz <= 0) return sink.issue('warning', 'missing-field', `cpu.usagemhz needs the server's vCPUs and clock to become a percentage; ${server.name} has no known clock: row skipped (import cpu.usage.average, or set the CPU)`, i, h('value'));
      value = (100 * value) / (cores * mhz);
    } else if (rule.convert === 'kb') {
      if (!server.memoryGiB || server.memoryGiB <= 0) return sink.issue('warning', 'missing-field', `mem.active needs the server's memory size; ${server.name} has none: row skipped`, i, h('value'));
      value = (100 * value) / (server.memoryGiB * 1024 * 1024);
    } else if (rule.convert === 'kbps-io') {
      value = value / ASSUMED_IO_KIB;
      diskAssumed = true;
    } else if (rule.convert === 'kbps-net') value = (value * 1024 * 8) / 1e6;
    const spanMs = intervalS * 1000;
    sink.add(r, rule.metric, t.ms - spanMs, spanMs, value, `${metricId}|${instance}`, i, h('value'));
  });
  if (unknown.size > 0) {
    const ids = [...unknown.keys()];
    report.add('warning', 'bad-value', `${ids.length} metric id${ids.length === 1 ? '' : 's'} not read (${[...unknown.values()].reduce((a, b) => a + b, 0)} rows): ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}; read are ${Object.keys(RULES).join(', ')}`, []);
  }
  if (diskAssumed) report.add('info', 'assumption', `disk.usage.average (KBps) read as IOPS at ${ASSUMED_IO_KIB} KiB per I/O; export disk.numberReadAveraged / numberWriteAveraged for measured IOPS`, []);
  const built = sink.build(count);
  const result = emptyResult(report.build(built.counts));
  result.series = built.series;
  return result;
}
