/**
 * Hourly utilisation series, columnar: one shared UTC timeline, one row per server, one Float32Array per
 * metric (row-major, rows x hours). NaN marks a gap (no sample for that hour). Columnar typed arrays keep a
 * 10,000-server x 168-hour project at ~27 MB, serialise without parsing, and transfer to a worker without
 * copying.
 */

export const METRICS = ['cpuPct', 'memPct', 'iops', 'netMbps'] as const;
export type Metric = (typeof METRICS)[number];

export type SeriesSet = {
  /** ISO 8601 UTC timestamp of the first hour, on the hour (e.g. "2026-03-02T00:00:00Z"). */
  startUtc: string;
  /** Hours on the timeline (1 to 5 weeks: 24 to 840). */
  hours: number;
  /** Row order: serverIds[r] owns row r of every metric. */
  serverIds: string[];
} & Record<Metric, Float32Array>;

export const MAX_SERIES_HOURS = 5 * 168;

export function emptySeries(startUtc: string, hours: number, serverIds: readonly string[]): SeriesSet {
  const n = serverIds.length * hours;
  const make = () => new Float32Array(n).fill(Number.NaN);
  return { startUtc, hours, serverIds: [...serverIds], cpuPct: make(), memPct: make(), iops: make(), netMbps: make() };
}

/** A view (no copy) of one server's row of one metric. */
export function row(series: SeriesSet, metric: Metric, rowIndex: number): Float32Array {
  return series[metric].subarray(rowIndex * series.hours, (rowIndex + 1) * series.hours);
}

/** Map from server id to row index. */
export function rowIndex(series: Pick<SeriesSet, 'serverIds'>): Map<string, number> {
  const m = new Map<string, number>();
  series.serverIds.forEach((id, i) => m.set(id, i));
  return m;
}

/** Number of gap hours (NaN) in a row. */
export function gapCount(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) n++;
  return n;
}

export type SeriesProblem = { path: string; message: string; value: unknown };

/** Structural checks: the timeline, the array lengths, the row ids, value ranges. */
export function checkSeries(series: SeriesSet, knownServerIds?: ReadonlySet<string>): SeriesProblem[] {
  const problems: SeriesProblem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:00:00(\.000)?Z$/.test(series.startUtc)) {
    problems.push({ path: 'series.startUtc', message: 'must be an ISO UTC timestamp on the hour', value: series.startUtc });
  }
  if (!Number.isInteger(series.hours) || series.hours < 1 || series.hours > MAX_SERIES_HOURS) {
    problems.push({ path: 'series.hours', message: `must be a whole number from 1 to ${MAX_SERIES_HOURS}`, value: series.hours });
    return problems;
  }
  const expected = series.serverIds.length * series.hours;
  for (const m of METRICS) {
    if (!(series[m] instanceof Float32Array)) {
      problems.push({ path: `series.${m}`, message: 'must be a Float32Array', value: typeof series[m] });
    } else if (series[m].length !== expected) {
      problems.push({
        path: `series.${m}`,
        message: `has ${series[m].length} values; ${series.serverIds.length} servers x ${series.hours} hours needs ${expected}`,
        value: series[m].length,
      });
    }
  }
  const seen = new Set<string>();
  series.serverIds.forEach((id, i) => {
    if (seen.has(id)) problems.push({ path: `series.serverIds[${i}]`, message: 'duplicate server id in series', value: id });
    seen.add(id);
    if (knownServerIds && !knownServerIds.has(id)) {
      problems.push({ path: `series.serverIds[${i}]`, message: 'series for a server that is not in the estate', value: id });
    }
  });
  if (problems.length > 0) return problems;
  for (const m of ['cpuPct', 'memPct'] as const) {
    const a = series[m];
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isNaN(v) && (v < 0 || v > 100)) {
        const r = Math.floor(i / series.hours);
        problems.push({ path: `series.${m}[${series.serverIds[r]}][${i % series.hours}]`, message: 'must be a percentage from 0 to 100', value: v });
        break;
      }
    }
  }
  for (const m of ['iops', 'netMbps'] as const) {
    const a = series[m];
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isNaN(v) && (v < 0 || !Number.isFinite(v))) {
        const r = Math.floor(i / series.hours);
        problems.push({ path: `series.${m}[${series.serverIds[r]}][${i % series.hours}]`, message: 'must be a finite, non-negative number', value: v });
        break;
      }
    }
  }
  return problems;
}
