/**
 * The performance-export import kinds: their mapping fields, how each is recognised from its header row,
 * and the mapping guessed for it. Kept apart from mapping.ts (which lists them among the import kinds).
 *   getstat  vCenter / PowerCLI `Get-Stat | Export-Csv` (MetricId, Entity, Timestamp, Value, Unit, Instance, IntervalSecs)
 *   perfmon  Windows perfmon / relog CSV (PDH-CSV 4.0: first header cell names the zone, one column per counter)
 *   sar      Linux `sadf -d` output ("# hostname;interval;timestamp;..." blocks, semicolon-separated)
 *   wide     a time stamp column and one column per server and metric ("web01 cpu %")
 */
import { headerKey } from '../table.ts';
import { metricOf } from '../series-import.ts';
import type { FieldDef, MappingGuess } from '../mapping.ts';
import type { Metric } from '../../model/series.ts';

export const PERF_KINDS = ['getstat', 'perfmon', 'sar', 'wide'] as const;
export type PerfKind = (typeof PERF_KINDS)[number];

export const isPerfKind = (k: string): k is PerfKind => (PERF_KINDS as readonly string[]).includes(k);

const f = (field: string, label: string, required: boolean, synonyms: string[]): FieldDef => ({ field, label, required, synonyms: [field, label, ...synonyms] });

export const PERF_FIELDS: Record<PerfKind, readonly FieldDef[]> = {
  getstat: [
    f('metric', 'Metric id', true, ['metricid', 'metric id', 'counter', 'stat']),
    f('entity', 'Entity (VM)', true, ['entity', 'vm', 'server', 'name']),
    f('timestamp', 'Time stamp', true, ['timestamp', 'time']),
    f('value', 'Value', true, ['value']),
    f('unit', 'Unit', false, ['unit']),
    f('instance', 'Instance', false, ['instance']),
    f('interval', 'Interval (s)', false, ['intervalsecs', 'interval secs', 'interval']),
  ],
  perfmon: [f('timestamp', 'Time stamp (first column)', true, ['(PDH-CSV 4.0)', 'pdh-csv', 'time'])],
  sar: [
    f('server', 'Host name', true, ['# hostname', 'hostname', 'host']),
    f('timestamp', 'Time stamp', true, ['timestamp', 'time']),
    f('interval', 'Interval (s)', false, ['interval']),
  ],
  wide: [f('timestamp', 'Time stamp', true, ['time', 'timestamp', 'datetime', 'date', 'date time', 'sample time', 'ts'])],
};

/** Wide kind: the mapping key of a data column, and its value "metric@server" (null = not imported). */
export const WIDE_PREFIX = 'col:';
export const wideKey = (header: string) => `${WIDE_PREFIX}${header}`;
export const wideValue = (metric: Metric, server: string) => `${metric}@${server}`;
export function parseWideValue(v: string | null | undefined): { metric: Metric; server: string } | null {
  if (!v) return null;
  const at = v.indexOf('@');
  const metric = v.slice(0, at);
  const server = v.slice(at + 1).trim();
  if (at < 0 || server === '' || !['cpuPct', 'memPct', 'iops', 'netMbps'].includes(metric)) return null;
  return { metric: metric as Metric, server };
}

/** "web01 cpu %", "web01.corp.local_mem_pct", "cpu % web01" -> server and metric; null when no metric word. */
export function splitWideHeader(header: string): { server: string; metric: Metric } | null {
  for (const sep of [/[\s:|]+/, /_+/]) {
    const parts = header.trim().split(sep).filter((p) => p !== '');
    if (parts.length < 2) continue;
    for (let k = 1; k < parts.length; k++) {
      const head = parts.slice(0, k).join(' ');
      const tail = parts.slice(k).join(' ');
      const suffix = metricOf(tail);
      if (suffix !== null && metricOf(head) === null) return { server: parts.slice(0, k).join(sep.source === '_+' ? '_' : ' '), metric: suffix };
    }
    for (let k = parts.length - 1; k >= 1; k--) {
      const head = parts.slice(0, k).join(' ');
      const prefix = metricOf(head);
      if (prefix !== null && metricOf(parts.slice(k).join(' ')) === null) return { server: parts.slice(k).join(sep.source === '_+' ? '_' : ' '), metric: prefix };
    }
  }
  return null;
}

const TIME_KEYS = new Set(['time', 'timestamp', 'datetime', 'date', 'datetimeutc', 'timeutc', 'sampletime', 'ts', 'intervalstart', 'period']);

/** The performance kind a header row shows, or null. Wide only when no other kind fits (see guessKind). */
export function detectPerfKind(headers: readonly string[]): PerfKind | null {
  if (headers.length === 0) return null;
  if (/^\(PDH-(CSV|TSV) [\d.]+\)/i.test(headers[0].trim())) return 'perfmon';
  const keys = headers.map(headerKey);
  if (keys[0] === '#hostname' || (keys.includes('hostname') && keys.includes('interval') && keys.includes('timestamp'))) return 'sar';
  if (keys.includes('metricid') && keys.includes('entity') && keys.includes('value') && keys.includes('timestamp')) return 'getstat';
  return null;
}

/** Whether headers look like a wide CSV: a time column and at least one "server metric" column. */
export function looksWide(headers: readonly string[]): boolean {
  return headers.some((h) => TIME_KEYS.has(headerKey(h))) && headers.some((h) => !TIME_KEYS.has(headerKey(h)) && splitWideHeader(h) !== null);
}

/** The guessed mapping of a perf kind (FIELDS-based for the named columns; per-column for wide). */
export function guessPerfMapping(kind: PerfKind, headers: readonly string[], base: MappingGuess): MappingGuess {
  const columns = { ...base.columns };
  const confidence = { ...base.confidence };
  if (kind === 'perfmon' && headers.length > 0 && /^\(PDH-/i.test(headers[0].trim())) {
    columns.timestamp = headers[0];
    confidence.timestamp = 1;
  }
  if (kind === 'sar' && headers.length > 0 && headerKey(headers[0]) === '#hostname') {
    columns.server = headers[0];
    confidence.server = 1;
  }
  const used = new Set(Object.values(columns).filter((v): v is string => v !== null));
  if (kind === 'wide') {
    for (const h of headers) {
      if (used.has(h)) continue;
      const s = splitWideHeader(h);
      columns[wideKey(h)] = s === null ? null : wideValue(s.metric, s.server);
      if (s !== null) {
        confidence[wideKey(h)] = 0.9;
        used.add(h);
      }
    }
  }
  if (kind === 'perfmon' || kind === 'sar') for (const h of headers) used.add(h);
  const missingRequired = PERF_FIELDS[kind].filter((d) => d.required && columns[d.field] === null).map((d) => d.field);
  const required = PERF_FIELDS[kind].filter((d) => d.required);
  const score = required.reduce((s, d) => s + (confidence[d.field] ?? 0), 0) / required.length;
  return { kind: base.kind, columns, confidence, missingRequired, unusedHeaders: headers.filter((h) => !used.has(h)), score };
}
