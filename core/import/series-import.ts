/**
 * Utilisation series in long format (server, timestamp, metric, value; one sample per row, any interval)
 * -> an hourly SeriesSet: each hour is the mean of the samples in it, hours without samples are NaN (gaps).
 * Timestamps with an offset are honoured; those without are wall-clock times in the chosen zone. The
 * timeline is at most MAX_SERIES_HOURS long: the window holding the most samples (the latest of equals) is
 * kept, so a sample dated far from the others (a clock set to 2099) never moves the window off the real data;
 * it is skipped with a warning naming its row, and samples just older than the window are listed as skipped.
 */
import { emptySeries, MAX_SERIES_HOURS, type Metric } from '../model/series.ts';
import { columnsOf, type Mapping } from './mapping.ts';
import { emptyCounts, ReportBuilder } from './report.ts';
import { emptyResult, type ImportResult } from './result.ts';
import { headerKey, type Cell } from './table.ts';
import { isoUtc, MS_PER_HOUR, parseTimestamp } from './time.ts';
import type { Table } from './table.ts';

export type ServerRef = { id: string; name: string };
export type SeriesOptions = { servers: readonly ServerRef[]; timeZone?: string };

export function metricOf(text: string): Metric | null {
  const k = headerKey(text);
  if (k === '' || /mhz|ghz/.test(k)) return null;
  if (/cpu|processor/.test(k)) return 'cpuPct';
  if (/mem|ram/.test(k)) return 'memPct';
  if (/iops|diskio|^io$/.test(k)) return 'iops';
  if (/net|mbps|bandwidth|throughput/.test(k)) return 'netMbps';
  return null;
}

/** Id or name (case-insensitive) -> server id; names shared by several servers are ambiguous (null). */
export function serverMatcher(servers: readonly ServerRef[]): (text: string) => string | null | undefined {
  const byId = new Map(servers.map((s) => [s.id.toLowerCase(), s.id]));
  const byName = new Map<string, string | null>();
  for (const s of servers) {
    const k = s.name.toLowerCase();
    byName.set(k, byName.has(k) && byName.get(k) !== s.id ? null : s.id);
  }
  return (text) => {
    const k = text.trim().toLowerCase();
    return byId.get(k) ?? byName.get(k);
  };
}

/**
 * The first and last sample hours of the MAX_SERIES_HOURS-hour window holding the most samples (rows with
 * rowOf >= 0); of windows holding as many, the latest.
 */
function busiestWindow(hourOf: Float64Array, rowOf: Int32Array): { first: number; last: number } {
  const perHour = new Map<number, number>();
  for (let i = 0; i < hourOf.length; i++) if (rowOf[i] >= 0) perHour.set(hourOf[i], (perHour.get(hourOf[i]) ?? 0) + 1);
  const hours = [...perHour.keys()].sort((a, b) => a - b);
  let best = { first: hours[0], last: hours[0] };
  let bestCount = -1;
  let inWindow = 0;
  let left = 0;
  for (let right = 0; right < hours.length; right++) {
    inWindow += perHour.get(hours[right]) ?? 0;
    while (hours[right] - hours[left] >= MAX_SERIES_HOURS) inWindow -= perHour.get(hours[left++]) ?? 0;
    if (inWindow >= bestCount) {
      bestCount = inWindow;
      best = { first: hours[left], last: hours[right] };
    }
  }
  return best;
}

const METRIC_INDEX: Record<Metric, number> = { cpuPct: 0, memPct: 1, iops: 2, netMbps: 3 };
const METRIC_NAMES: Metric[] = ['cpuPct', 'memPct', 'iops', 'netMbps'];

export function mapSeries(table: Table, mapping: Mapping, options: SeriesOptions): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const timeZone = options.timeZone ?? 'UTC';
  const match = serverMatcher(options.servers);
  // Files repeat the same metric names and time stamps on many rows: parse each distinct text once.
  const metricCache = new Map<string, Metric | null>();
  const tsCache = new Map<string, ReturnType<typeof parseTimestamp>>();
  const metricText = (t: string) => {
    let m = metricCache.get(t);
    if (m === undefined) {
      m = metricOf(t);
      if (metricCache.size < 10_000) metricCache.set(t, m);
    }
    return m;
  };
  const timestamp = (cell: Cell) => {
    if (typeof cell !== 'string') return parseTimestamp(cell, timeZone);
    let t = tsCache.get(cell);
    if (t === undefined) {
      t = parseTimestamp(cell, timeZone);
      if (tsCache.size < 100_000) tsCache.set(cell, t);
    }
    return t;
  };
  const n = table.rows.length;
  const rowOf = new Int32Array(n).fill(-1);
  const metricOfRow = new Uint8Array(n);
  const hourOf = new Float64Array(n);
  const valueOf = new Float64Array(n);
  const serverIds: string[] = [];
  const serverRow = new Map<string, number>();
  let minHour = Infinity;
  let maxHour = -Infinity;
  const skip = (i: number, severity: 'warning' | 'info', kind: 'unmatched' | 'bad-value' | 'missing-field' | 'skipped-row', message: string, field: string) => {
    count.rowsSkipped++;
    report.addGrouped(severity, kind, message, c.ref(i, field));
  };
  table.rows.forEach((row, i) => {
    const server = c.text(row, 'server');
    if (server === '') return skip(i, 'warning', 'missing-field', 'series row without a server: skipped', 'server');
    const id = match(server);
    if (id === null) return skip(i, 'warning', 'unmatched', 'series row for a server name shared by several servers (use the server id): skipped', 'server');
    if (id === undefined) return skip(i, 'warning', 'unmatched', 'series row for a server that is not in the project: skipped', 'server');
    const metric = metricText(c.text(row, 'metric'));
    if (metric === null) return skip(i, 'warning', 'bad-value', `series metric is not one of cpu %, memory %, iops, network Mbps: row skipped`, 'metric');
    const ts = timestamp(c.cell(row, 'timestamp'));
    if (!ts.ok) return skip(i, 'warning', 'bad-value', `time stamp ${ts.reason.replace(/ \(.*\)/, '')}: row skipped`, 'timestamp');
    const v = c.number(row, 'value');
    if (v === null || !v.ok) return skip(i, 'warning', 'bad-value', `value ${v === null ? 'is empty' : v.reason.replace(/ \(.*\)$/, '')}: row skipped`, 'value');
    if (v.value < 0) return skip(i, 'warning', 'bad-value', 'value is negative: row skipped', 'value');
    if (v.value > 1e9) return skip(i, 'warning', 'bad-value', 'value is implausibly large: row skipped', 'value');
    let r = serverRow.get(id);
    if (r === undefined) {
      r = serverIds.length;
      serverIds.push(id);
      serverRow.set(id, r);
    }
    const hour = Math.floor(ts.value / MS_PER_HOUR);
    rowOf[i] = r;
    metricOfRow[i] = METRIC_INDEX[metric];
    hourOf[i] = hour;
    valueOf[i] = v.value;
    if (hour < minHour) minHour = hour;
    if (hour > maxHour) maxHour = hour;
  });
  if (serverIds.length === 0) {
    const result = emptyResult(report.build(emptyCounts()));
    return result;
  }
  let start = minHour;
  let end = maxHour;
  if (maxHour - minHour + 1 > MAX_SERIES_HOURS) {
    ({ first: start, last: end } = busiestWindow(hourOf, rowOf));
    report.add('info', 'assumption', `samples span ${maxHour - minHour + 1} hours; the series keep the ${MAX_SERIES_HOURS} hours (5 weeks) with the most samples, from ${isoUtc(start * MS_PER_HOUR)}`, []);
  }
  const hours = end - start + 1;
  // Fractions (all values of a percentage metric at most 1) are read as 0..1 and scaled to percent.
  const maxByMetric = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (rowOf[i] >= 0 && hourOf[i] >= start && hourOf[i] <= end) maxByMetric[metricOfRow[i]] = Math.max(maxByMetric[metricOfRow[i]], valueOf[i]);
  const scale = [1, 1, 1, 1];
  for (const m of [0, 1]) {
    if (maxByMetric[m] > 0 && maxByMetric[m] <= 1) {
      scale[m] = 100;
      report.add('info', 'unit-guess', `${METRIC_NAMES[m]} values are all between 0 and 1: read as fractions and converted to percent`, [c.ref(-1, 'value')]);
    }
  }
  const sums = METRIC_NAMES.map(() => new Float64Array(serverIds.length * hours));
  const counts = METRIC_NAMES.map(() => new Uint32Array(serverIds.length * hours));
  let used = 0;
  for (let i = 0; i < n; i++) {
    if (rowOf[i] < 0) continue;
    const m = metricOfRow[i];
    const v = valueOf[i] * scale[m];
    if (hourOf[i] > end || hourOf[i] < start - MAX_SERIES_HOURS) {
      skip(i, 'warning', 'bad-value', `time stamp far from the other samples (outside the ${MAX_SERIES_HOURS}-hour window that holds most of them; a wrong clock or year?): row skipped`, 'timestamp');
      continue;
    }
    if (hourOf[i] < start) {
      skip(i, 'info', 'skipped-row', `sample older than the ${MAX_SERIES_HOURS}-hour window: skipped`, 'timestamp');
      continue;
    }
    if (m <= 1 && v > 100) {
      skip(i, 'warning', 'bad-value', 'percentage above 100: row skipped', 'value');
      continue;
    }
    const at = rowOf[i] * hours + (hourOf[i] - start);
    sums[m][at] += v;
    counts[m][at]++;
    used++;
  }
  count.rowsUsed += used;
  const series = emptySeries(isoUtc(start * MS_PER_HOUR), hours, serverIds);
  let gaps = 0;
  METRIC_NAMES.forEach((metric, m) => {
    const out = series[metric];
    let any = false;
    for (let k = 0; k < out.length; k++) if (counts[m][k] > 0) any = true;
    for (let k = 0; k < out.length; k++) {
      if (counts[m][k] > 0) out[k] = sums[m][k] / counts[m][k];
      else if (any) gaps++;
    }
  });
  if (gaps > 0) report.add('info', 'missing-field', `${gaps} server-hours of imported metrics have no sample: marked as gaps (NaN)`, []);
  const result = emptyResult(report.build({ ...emptyCounts(), seriesServers: serverIds.length, seriesSamples: used }));
  result.series = series;
  return result;
}
