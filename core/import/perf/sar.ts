/**
 * Linux sysstat `sadf -d` output (database format): semicolon-separated, one block per activity, each
 * headed by a comment row "# hostname;interval;timestamp;<activity columns>", time stamps in UTC
 * ("2026-03-02 00:10:01 UTC") marking the end of an interval of `interval` seconds. Blocks read:
 *   CPU (-u):        "CPU;%user;...;%idle", CPU -1 (or "all") = every CPU   -> cpuPct = 100 - %idle
 *   memory (-r):     "...;%memused;..."                                       -> memPct = %memused
 *   I/O total (-b):  "tps;rtps;wtps;..."                                      -> iops = tps
 *   disks (-d):      "DEV;tps;..." summed over devices (not read when a -b block exists)
 *   network (-n DEV):"IFACE;rxpck/s;txpck/s;rxkB/s;txkB/s;..." summed over interfaces except lo
 *                                                                            -> netMbps = (rx + tx) kB/s x 1024 x 8 / 10^6
 * Other blocks and per-CPU rows are listed, not read; "LINUX-RESTART" rows are noted. Stamps without "UTC"
 * (sadf -T) are read in the dialog's zone.
 */
import type { Metric } from '../../model/series.ts';
import { columnsOf, type Mapping } from '../mapping.ts';
import { ReportBuilder } from '../report.ts';
import { emptyResult, type ImportResult } from '../result.ts';
import { cellText, headerKey, parseNumber, type Cell, type Table } from '../table.ts';
import { parseStamp, ZoneClock } from './clock.ts';
import type { PerfOptions } from './getstat.ts';
import { SampleSink } from './sink.ts';

type Block = { kind: 'cpu' | 'mem' | 'io' | 'disk' | 'net' | 'other'; headers: string[]; at: (key: string) => number };

function blockOf(headers: string[], mapped: { server: string; timestamp: string; interval: string | null }): Block & { server: number; timestamp: number; interval: number } {
  const keys = headers.map((h) => headerKey(h.replace(/^#\s*/, '')));
  const at = (key: string) => keys.indexOf(key);
  const find = (mappedHeader: string | null, fallback: string) => {
    const k = mappedHeader === null ? -1 : keys.indexOf(headerKey(mappedHeader.replace(/^#\s*/, '')));
    return k >= 0 ? k : at(fallback);
  };
  let kind: Block['kind'] = 'other';
  if (at('%idle') >= 0 && at('cpu') >= 0) kind = 'cpu';
  else if (at('%memused') >= 0) kind = 'mem';
  else if (at('tps') >= 0 && at('dev') >= 0) kind = 'disk';
  else if (at('tps') >= 0) kind = 'io';
  else if (at('iface') >= 0 && at('rxkbs') >= 0 && at('txkbs') >= 0) kind = 'net';
  return { kind, headers, at, server: find(mapped.server, 'hostname'), timestamp: find(mapped.timestamp, 'timestamp'), interval: find(mapped.interval, 'interval') };
}

export function mapSar(table: Table, mapping: Mapping, options: PerfOptions): ImportResult {
  const c = columnsOf(table, mapping);
  const report = new ReportBuilder();
  const count = report.table(table);
  const sink = new SampleSink(report, table, options.servers);
  const clock = new ZoneClock(options.timeZone ?? 'UTC');
  const mapped = { server: c.header.server ?? 'hostname', timestamp: c.header.timestamp ?? 'timestamp', interval: c.header.interval ?? null };
  const isHeader = (row: Cell[]) => cellText(row[0]).startsWith('#');
  const hasIoBlock = table.rows.some((row) => isHeader(row) && blockOf(row.map(cellText), mapped).kind === 'io') || blockOf(table.headers, mapped).kind === 'io';
  let block = blockOf(table.headers, mapped);
  const otherBlocks = new Set<string>();
  table.rows.forEach((row, i) => {
    if (isHeader(row)) {
      block = blockOf(row.map(cellText), mapped);
      sink.issue('info', 'skipped-row', 'header row of the next sadf block', i, null);
      return;
    }
    const col = (k: number) => block.headers[k] ?? `column ${k + 1}`;
    const text = (k: number) => (k >= 0 ? cellText(row[k]) : '');
    if (row.some((cell) => /LINUX-RESTART/i.test(cellText(cell)))) return sink.issue('info', 'skipped-row', 'LINUX-RESTART marker (the machine restarted): row skipped', i, null);
    if (block.kind === 'other') {
      otherBlocks.add(block.headers.slice(3, 7).join(';'));
      return sink.issue('info', 'skipped-row', 'row of a sadf block the import does not read (CPU, memory, I/O, disk and network blocks are read)', i, null);
    }
    if (block.kind === 'disk' && hasIoBlock) return sink.issue('info', 'skipped-row', 'per-disk row where the I/O total block (-b) is read: skipped', i, null);
    const host = text(block.server);
    if (host === '') return sink.issue('warning', 'missing-field', 'row without a host name: skipped', i, col(block.server));
    const r = sink.server(host, i, col(block.server));
    if (r < 0) return;
    const stamp = parseStamp(row[block.timestamp] ?? null);
    if (!stamp.ok) return sink.issue('warning', 'bad-value', `time stamp ${stamp.reason}: row skipped`, i, col(block.timestamp));
    const iv = parseNumber(row[block.interval] ?? null);
    const intervalS = iv.ok && iv.value > 0 && iv.value <= 86_400 ? iv.value : 0;
    const num = (key: string): number | null => {
      const k = block.at(key);
      const v = parseNumber(row[k] ?? null);
      if (!v.ok) {
        sink.issue('warning', 'bad-value', `${block.headers[k] ?? key} ${v.reason.replace(/ \(.*\)$/, '')}: row skipped`, i, block.headers[k] ?? key);
        return null;
      }
      return v.value;
    };
    let metric: Metric;
    let value: number | null;
    let instance = '';
    if (block.kind === 'cpu') {
      const cpu = text(block.at('cpu')).toLowerCase();
      if (cpu !== '-1' && cpu !== 'all') return sink.issue('info', 'skipped-row', 'per-CPU row (the all-CPU row, CPU -1, is read): skipped', i, col(block.at('cpu')));
      metric = 'cpuPct';
      const idle = num('%idle');
      value = idle === null ? null : 100 - idle;
    } else if (block.kind === 'mem') {
      metric = 'memPct';
      value = num('%memused');
    } else if (block.kind === 'io' || block.kind === 'disk') {
      metric = 'iops';
      value = num('tps');
      instance = block.kind === 'disk' ? `dev|${text(block.at('dev'))}` : 'io';
    } else {
      const iface = text(block.at('iface'));
      if (iface === 'lo') return sink.issue('info', 'skipped-row', 'loopback interface (lo): skipped', i, col(block.at('iface')));
      metric = 'netMbps';
      const rx = num('rxkbs');
      const tx = rx === null ? null : num('txkbs');
      value = rx === null || tx === null ? null : ((rx + tx) * 1024 * 8) / 1e6;
      instance = `if|${iface}`;
    }
    if (value === null) return;
    const t = clock.resolve(stamp.value, `${r}|${block.kind}|${instance}`);
    if (t.problem === 'missing') sink.issue('warning', 'bad-value', 'time stamp falls in the hour the clocks went forward (it does not exist in the zone): read with the offset before the change', i, col(block.timestamp));
    if (t.problem === 'ambiguous') sink.issue('info', 'assumption', 'time stamp falls in the hour the clocks went back (it occurs twice): placed by its neighbours in the file', i, col(block.timestamp));
    const spanMs = intervalS * 1000;
    const valueKey = { cpu: '%idle', mem: '%memused', io: 'tps', disk: 'tps', net: 'rxkbs' }[block.kind];
    sink.add(r, metric, t.ms - spanMs, spanMs, value, instance, i, col(block.at(valueKey)));
  });
  if (otherBlocks.size > 0) report.add('info', 'assumption', `${otherBlocks.size} sadf block${otherBlocks.size === 1 ? '' : 's'} not read (columns ${[...otherBlocks].slice(0, 3).join(' | ')})`, []);
  const built = sink.build(count);
  const result = emptyResult(report.build(built.counts));
  result.series = built.series;
  return result;
}
