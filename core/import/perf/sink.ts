/**
 * The common half of every performance importer: samples in (server text, metric, interval, value, the
 * row and column they came from), an hourly SeriesSet and the quality report out.
 * - servers are matched by id, name, FQDN or short name (case-insensitive); unmatched names become one
 *   warning with their count and examples;
 * - percentages below 0 are skipped, above 100 clamped to 100; other metrics below 0 skipped (warnings
 *   naming the rows);
 * - the same server, metric, instance and time stamp twice: the values are averaged (a warning);
 *   instances (disks, network interfaces) at one time stamp are summed for IOPS and Mbps;
 * - each sample covers [start, start + span): an hour takes the time-weighted mean of the samples that
 *   start in it; a sample longer than an hour (a daily figure) gives its value to every hour it covers;
 * - a single CPU sample of 100% between lower ones is kept (averaged into its hour) and noted;
 * - rows: used when at least one of their samples reached the series, else skipped; every skipped row is
 *   named by some issue (a generic "no usable value" note when nothing more specific was said).
 */
import { emptySeries, MAX_SERIES_HOURS, type Metric } from '../../model/series.ts';
import { emptyCounts, type ImportCounts, type ReportBuilder, type TableCount } from '../report.ts';
import type { RowRef, Table } from '../table.ts';
import { isoUtc, MS_PER_HOUR } from '../time.ts';
import type { ServerRef } from '../series-import.ts';

/** A project server as the performance importers need it (CPU and memory size convert MHz and KB to %). */
export type PerfServer = ServerRef & { cores?: number; mhzPerCore?: number | null; memoryGiB?: number };

const METRICS: readonly Metric[] = ['cpuPct', 'memPct', 'iops', 'netMbps'];
const M_INDEX: Record<Metric, number> = { cpuPct: 0, memPct: 1, iops: 2, netMbps: 3 };
const ADDITIVE = [false, false, true, true];
const SHOW = 5;

/** Matches file names of servers to project servers: id, name, FQDN <-> short name, case-insensitive. */
export function perfServerMatcher(servers: readonly PerfServer[]): (text: string) => PerfServer | null | undefined {
  const exact = new Map<string, PerfServer | null>();
  const short = new Map<string, PerfServer | null>();
  const put = (m: Map<string, PerfServer | null>, k: string, s: PerfServer) => m.set(k, m.has(k) && m.get(k)?.id !== s.id ? null : s);
  for (const s of servers) {
    put(exact, s.id.toLowerCase(), s);
    put(exact, s.name.trim().toLowerCase(), s);
    put(short, s.name.trim().toLowerCase().split('.')[0], s);
  }
  return (text) => {
    const k = text.trim().toLowerCase();
    if (exact.has(k)) return exact.get(k);
    return short.get(k.split('.')[0]);
  };
}

export class SampleSink {
  private readonly match: (text: string) => PerfServer | null | undefined;
  private readonly serverCache = new Map<string, number>();
  readonly servers: PerfServer[] = [];
  private readonly unmatched = new Map<string, RowRef[]>();
  private readonly ambiguous = new Map<string, RowRef[]>();
  private readonly usedBy: Int32Array;
  private readonly named: Uint8Array;
  private readonly instances = new Map<string, number>();
  // Samples, columnar.
  private sRow: number[] = [];
  private sMetric: number[] = [];
  private sStart: number[] = [];
  private sSpan: number[] = [];
  private sValue: number[] = [];
  private sInst: number[] = [];
  private sTableRow: number[] = [];
  private sColumn: string[] = [];

  constructor(
    readonly report: ReportBuilder,
    readonly table: Table,
    servers: readonly PerfServer[],
    /** What an unmatched server name was found in: rows (long formats) or columns (perfmon, wide). */
    readonly refUnit: 'rows' | 'columns' = 'rows',
  ) {
    this.match = perfServerMatcher(servers);
    this.usedBy = new Int32Array(table.rows.length);
    this.named = new Uint8Array(table.rows.length);
  }

  ref(i: number, column: string | null): RowRef {
    // i = -1: the header row (a column's name names the server).
    return { file: this.table.file, sheet: this.table.sheet, row: i < 0 ? 1 : (this.table.rowNumbers[i] ?? null), column };
  }

  /** An issue about table row i (grouped by message); the row counts as explained. */
  issue(severity: 'warning' | 'info', kind: Parameters<ReportBuilder['addGrouped']>[1], message: string, i: number, column: string | null): void {
    if (i >= 0 && i < this.named.length) this.named[i] = 1;
    this.report.addGrouped(severity, kind, message, this.ref(i, column));
  }

  /** The server row for a name in the file, or -1 (recorded as unmatched or ambiguous). */
  server(text: string, i: number, column: string | null): number {
    const key = text.trim().toLowerCase();
    const cached = this.serverCache.get(key);
    if (cached !== undefined && cached >= 0) return cached;
    const s = cached === undefined ? this.match(text) : undefined;
    if (s === undefined || s === null) {
      const map = s === null ? this.ambiguous : this.unmatched;
      const list = map.get(text.trim()) ?? [];
      list.push(this.ref(i, column));
      map.set(text.trim(), list);
      if (i >= 0 && i < this.named.length) this.named[i] = 1;
      this.serverCache.set(key, -1);
      return -1;
    }
    let r = this.servers.indexOf(s);
    if (r < 0) {
      r = this.servers.length;
      this.servers.push(s);
    }
    this.serverCache.set(key, r);
    return r;
  }

  /** A sample of server row `r`; false when the value was rejected (the issue names row and column). */
  add(r: number, metric: Metric, startMs: number, spanMs: number, value: number, instance: string, i: number, column: string): boolean {
    const m = M_INDEX[metric];
    if (!Number.isFinite(value) || !Number.isFinite(startMs) || Math.abs(startMs) > 8.64e15) {
      this.issue('warning', 'bad-value', 'value or time stamp is not a finite number: skipped', i, column);
      return false;
    }
    if (value < 0) {
      this.issue('warning', 'bad-value', `${metric} value is negative: skipped`, i, column);
      return false;
    }
    let v = value;
    if (m <= 1 && v > 100) {
      this.issue('warning', 'bad-value', `${metric} value is above 100%: clamped to 100`, i, column);
      v = 100;
    } else if (v > 1e9) {
      this.issue('warning', 'bad-value', `${metric} value is implausibly large (above 1e9): skipped`, i, column);
      return false;
    }
    let inst = this.instances.get(instance);
    if (inst === undefined) {
      inst = this.instances.size;
      this.instances.set(instance, inst);
    }
    this.sRow.push(r);
    this.sMetric.push(m);
    this.sStart.push(startMs);
    this.sSpan.push(Math.max(0, Number.isFinite(spanMs) ? spanMs : 0));
    this.sValue.push(v);
    this.sInst.push(inst);
    this.sTableRow.push(i);
    this.sColumn.push(column);
    this.usedBy[i]++;
    return true;
  }

  private reportServers(): void {
    const list = (map: Map<string, RowRef[]>, what: string) => {
      if (map.size === 0) return;
      const names = [...map.keys()];
      const rows = names.reduce((n, k) => n + (map.get(k)?.length ?? 0), 0);
      const eg = names.slice(0, SHOW).join(', ') + (names.length > SHOW ? ', ...' : '');
      this.report.add('warning', 'unmatched', `${names.length} server name${names.length === 1 ? '' : 's'} in the file ${what} (${rows} ${this.refUnit} skipped); e.g. ${eg}`, names.flatMap((k) => map.get(k) ?? []));
    };
    list(this.unmatched, 'not in the project (matched by id, name, FQDN or short name)');
    list(this.ambiguous, 'matching several servers of the project (use the server id)');
  }

  /** The hourly series and the row counts; call once, after every add. */
  build(count: TableCount): { series: ReturnType<typeof emptySeries> | null; counts: ImportCounts } {
    this.reportServers();
    const n = this.sRow.length;
    const order = Array.from({ length: n }, (_, k) => k);
    const key = (k: number) => this.sRow[k] * 4 + this.sMetric[k];
    order.sort((a, b) => key(a) - key(b) || this.sStart[a] - this.sStart[b] || this.sInst[a] - this.sInst[b] || a - b);
    // 1. duplicates (same server, metric, time stamp, instance) averaged; 2. instances summed (IOPS, Mbps) or averaged.
    type Point = { r: number; m: number; start: number; span: number; value: number; first: number; from: number; to: number };
    const points: Point[] = [];
    let k = 0;
    while (k < n) {
      const a = order[k];
      let sumInst = 0;
      let nInst = 0;
      let span = 0;
      let j = k;
      while (j < n && key(order[j]) === key(a) && this.sStart[order[j]] === this.sStart[a]) {
        const b = order[j];
        let sum = 0;
        let c = 0;
        let e = j;
        while (e < n && key(order[e]) === key(a) && this.sStart[order[e]] === this.sStart[a] && this.sInst[order[e]] === this.sInst[b]) {
          sum += this.sValue[order[e]];
          span = Math.max(span, this.sSpan[order[e]]);
          if (c > 0) this.issue('warning', 'duplicate', 'the same server, counter and time stamp appear more than once: the values are averaged', this.sTableRow[order[e]], this.sColumn[order[e]]);
          c++;
          e++;
        }
        sumInst += sum / c;
        nInst++;
        j = e;
      }
      const m = this.sMetric[a];
      points.push({ r: this.sRow[a], m, start: this.sStart[a], span, value: ADDITIVE[m] ? sumInst : sumInst / nInst, first: a, from: k, to: j });
      k = j;
    }
    // Single-sample CPU spikes: kept, noted.
    for (let p = 1; p + 1 < points.length; p++) {
      const [a, b, c] = [points[p - 1], points[p], points[p + 1]];
      if (b.m === 0 && b.value >= 99.5 && a.m === 0 && c.m === 0 && a.r === b.r && c.r === b.r && a.value < 90 && c.value < 90) {
        this.issue('info', 'bad-value', 'a single sample of 100% CPU between lower ones: kept (averaged into its hour; the hourly series shows its share)', this.sTableRow[b.first], this.sColumn[b.first]);
      }
    }
    // Hours.
    let minHour = Infinity;
    let maxHour = -Infinity;
    let spread = 0;
    for (const p of points) {
      const h0 = Math.floor(p.start / MS_PER_HOUR);
      const h1 = p.span > MS_PER_HOUR ? Math.floor((p.start + p.span - 1) / MS_PER_HOUR) : h0;
      if (h1 > h0) spread++;
      minHour = Math.min(minHour, h0);
      maxHour = Math.max(maxHour, h1);
    }
    let series: ReturnType<typeof emptySeries> | null = null;
    let samples = 0;
    if (points.length > 0) {
      let start = minHour;
      if (maxHour - minHour + 1 > MAX_SERIES_HOURS) {
        start = maxHour - MAX_SERIES_HOURS + 1;
        this.report.add('info', 'assumption', `samples span ${maxHour - minHour + 1} hours; the series keep the last ${MAX_SERIES_HOURS} (5 weeks) from ${isoUtc(start * MS_PER_HOUR)}: older samples are dropped`, []);
      }
      const hours = maxHour - start + 1;
      const rows = this.servers.length;
      const sums = METRICS.map(() => new Float64Array(rows * hours));
      const weights = METRICS.map(() => new Float64Array(rows * hours));
      for (const p of points) {
        const h0 = Math.floor(p.start / MS_PER_HOUR);
        const h1 = p.span > MS_PER_HOUR ? Math.floor((p.start + p.span - 1) / MS_PER_HOUR) : h0;
        let inWindow = false;
        for (let h = Math.max(h0, start); h <= h1; h++) {
          const w = p.span > MS_PER_HOUR ? Math.min(p.start + p.span, (h + 1) * MS_PER_HOUR) - Math.max(p.start, h * MS_PER_HOUR) : p.span > 0 ? p.span : 1;
          const at = p.r * hours + (h - start);
          sums[p.m][at] += p.value * w;
          weights[p.m][at] += w;
          inWindow = true;
        }
        if (inWindow) samples++;
        else this.dropOld(order.slice(p.from, p.to));
      }
      series = emptySeries(isoUtc(start * MS_PER_HOUR), hours, this.servers.map((s) => s.id));
      let gaps = 0;
      METRICS.forEach((metric, m) => {
        const out = series![metric];
        const present = new Uint8Array(rows);
        for (let x = 0; x < out.length; x++) if (weights[m][x] > 0) present[Math.floor(x / hours)] = 1;
        for (let x = 0; x < out.length; x++) {
          if (weights[m][x] > 0) out[x] = Math.fround(sums[m][x] / weights[m][x]);
          else if (present[Math.floor(x / hours)]) gaps++;
        }
      });
      if (spread > 0) this.report.add('info', 'assumption', `${spread} samples cover more than an hour (e.g. daily figures): each hour they cover takes their value, so those hours show no daily shape`, []);
      if (gaps > 0) this.report.add('info', 'missing-field', `${gaps} server-hours of the imported metrics have no sample: marked as gaps`, []);
    }
    let used = 0;
    for (let i = 0; i < this.usedBy.length; i++) {
      if (this.usedBy[i] > 0) used++;
      else if (!this.named[i]) this.issue('info', 'skipped-row', 'row has no usable value (blank cells: a gap in the data)', i, null);
    }
    count.rowsUsed = used;
    count.rowsSkipped = this.usedBy.length - used;
    return { series, counts: { ...emptyCounts(), seriesServers: series ? this.servers.length : 0, seriesSamples: samples } };
  }

  private dropOld(raw: readonly number[]): void {
    // Every raw sample of the point (its server, metric and time stamp) leaves its row.
    for (const s of raw) {
      this.usedBy[this.sTableRow[s]]--;
      this.issue('info', 'skipped-row', `sample older than the ${MAX_SERIES_HOURS}-hour window: dropped`, this.sTableRow[s], this.sColumn[s]);
    }
  }
}
