/**
 * Traffic flows CSV (source, destination, Mbps, and optionally an hour or a time stamp per row) -> flows
 * with an hourly profile. Rows of the same source and destination are one flow. Without a time column each
 * row is a constant rate (24 equal hours); an hour column 0-23 gives a day profile, 0-167 (or time stamps,
 * placed by UTC hour of the week, Sunday 00:00 first) a week profile. Each hour is the mean of its samples;
 * hours without samples take the flow's mean (reported).
 */
import type { Endpoint, Flow } from '../model/schema.ts';
import { columnsOf, type Mapping } from './mapping.ts';
import { emptyCounts, ReportBuilder } from './report.ts';
import { emptyResult, type ImportResult } from './result.ts';
import { serverMatcher, type ServerRef } from './series-import.ts';
import { slug, type Table } from './table.ts';
import { MS_PER_HOUR, parseTimestamp } from './time.ts';
import { UniqueIds } from './unique-ids.ts';

export type FlowOptions = { servers: readonly ServerRef[]; userSites?: readonly ServerRef[]; timeZone?: string };

/** UTC hour of the week, 0 = Sunday 00:00 (1970-01-01 was a Thursday). */
export function hourOfWeek(ms: number): number {
  const h = Math.floor(ms / MS_PER_HOUR);
  return (((h + 4 * 24) % 168) + 168) % 168;
}

export function mapFlows(table: Table, mapping: Mapping, options: FlowOptions): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const server = serverMatcher(options.servers);
  const site = serverMatcher(options.userSites ?? []);
  const endpoint = (text: string): Endpoint | null | undefined => {
    const s = server(text);
    if (s) return { kind: 'server', id: s };
    const u = site(text);
    if (u) return { kind: 'userSite', id: u };
    return s === null || u === null ? null : undefined;
  };
  const hasHour = c.has('hour');
  const hasTs = !hasHour && c.has('timestamp');
  type Acc = { from: Endpoint; to: Endpoint; sums: Float64Array; counts: Uint32Array; rows: number };
  const pairs = new Map<string, Acc>();
  let maxHour = 0;
  table.rows.forEach((row, i) => {
    const skip = (message: string, field: string, kind: 'unmatched' | 'bad-value' | 'missing-field' = 'bad-value') => {
      count.rowsSkipped++;
      report.addGrouped('warning', kind, message, c.ref(i, field));
    };
    const src = c.text(row, 'source');
    const dst = c.text(row, 'destination');
    if (src === '' || dst === '') return skip('flow row without a source or destination: skipped', src === '' ? 'source' : 'destination', 'missing-field');
    const from = endpoint(src);
    const to = endpoint(dst);
    if (!from) return skip(from === null ? 'flow source name is shared by several servers: skipped' : 'flow source is neither a server nor a user site of the project: skipped', 'source', 'unmatched');
    if (!to) return skip(to === null ? 'flow destination name is shared by several servers: skipped' : 'flow destination is neither a server nor a user site of the project: skipped', 'destination', 'unmatched');
    if (from.kind === to.kind && from.id === to.id) return skip('flow from a server to itself: skipped', 'destination');
    const v = c.number(row, 'mbps');
    if (v === null || !v.ok || v.value < 0 || v.value > 1e9) return skip(`Mbps ${v === null ? 'is empty' : v.ok ? 'is negative or implausibly large' : v.reason.replace(/ \(.*\)$/, '')}: row skipped`, 'mbps');
    let hour = -1;
    if (hasHour) {
      const h = c.number(row, 'hour');
      if (h === null || !h.ok || !Number.isInteger(h.value) || h.value < 0 || h.value > 167) return skip('hour is not a whole number from 0 to 167: row skipped', 'hour');
      hour = h.value;
    } else if (hasTs) {
      const t = parseTimestamp(c.cell(row, 'timestamp'), options.timeZone ?? 'UTC');
      if (!t.ok) return skip(`time stamp ${t.reason.replace(/ \(.*\)/, '')}: row skipped`, 'timestamp');
      hour = hourOfWeek(t.value);
    }
    maxHour = Math.max(maxHour, hour);
    const key = `${from.kind}:${from.id}>${to.kind}:${to.id}`;
    const acc = pairs.get(key) ?? { from, to, sums: new Float64Array(168), counts: new Uint32Array(168), rows: 0 };
    pairs.set(key, acc);
    if (hour < 0) for (let h = 0; h < 168; h++) {
      acc.sums[h] += v.value;
      acc.counts[h]++;
    }
    else {
      acc.sums[hour] += v.value;
      acc.counts[hour]++;
    }
    acc.rows++;
    count.rowsUsed++;
  });
  const length = hasTs || maxHour > 23 ? 168 : 24;
  const flows: Flow[] = [];
  const ids = new UniqueIds();
  let filled = 0;
  for (const acc of pairs.values()) {
    const profile: number[] = [];
    for (let h = 0; h < length; h++) {
      // A day profile folds the week's hours onto the day.
      let s = 0;
      let k = 0;
      for (let w = h; w < 168; w += length) {
        s += acc.sums[w];
        k += acc.counts[w];
      }
      profile.push(k > 0 ? s / k : Number.NaN);
    }
    const known = profile.filter((x) => !Number.isNaN(x));
    const mean = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
    const hourly = profile.map((x) => (Number.isNaN(x) ? (filled++, Math.round(mean * 1000) / 1000) : Math.round(x * 1000) / 1000));
    const id = ids.claim(`flow-${slug(acc.from.id)}-${slug(acc.to.id)}`.slice(0, 190));
    flows.push({ id, from: acc.from, to: acc.to, hourlyMbps: hourly });
  }
  if (filled > 0) report.add('info', 'assumption', `${filled} flow-hours had no sample: filled with the flow's mean`, []);
  const result = emptyResult(report.build({ ...emptyCounts(), flows: flows.length }));
  result.flows = flows;
  return result;
}
