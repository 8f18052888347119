/**
 * What the Import dialog says about a performance export before it is imported, from its header row alone:
 * the servers and counters a perfmon file holds and the zone its header names; what a Get-Stat, sar or
 * wide file will be read as. Plain text lines; the mapping itself is in the mapping table.
 */
import { headerKey } from '../table.ts';
import { ianaOfWindowsZone } from './clock.ts';
import type { PerfKind } from './kinds.ts';

const COUNTER_RE = /^\\\\([^\\]+)\\([^\\(]+?)(?:\((.*)\))?\\([^\\]+)$/;
const list = (xs: readonly string[], n = 4) => xs.slice(0, n).join(', ') + (xs.length > n ? `, … (${xs.length})` : '');

export function perfSummary(kind: PerfKind, headers: readonly string[]): string[] {
  if (kind === 'perfmon') {
    const m = /^\(PDH-(?:CSV|TSV) [\d.]+\)\s*(?:\(([^)]*)\))?\s*(?:\((-?\d+)\))?/i.exec(headers[0]?.trim() ?? '');
    const zone = m?.[1]?.trim() ?? '';
    const iana = zone === '' ? null : ianaOfWindowsZone(zone);
    const servers = new Set<string>();
    const counters = new Set<string>();
    for (const h of headers.slice(1)) {
      const c = COUNTER_RE.exec(h.trim());
      if (!c) continue;
      servers.add(c[1]);
      counters.add(`${c[2]}\\${c[4]}`);
    }
    return [
      zone === '' ? 'No zone in the header: time stamps are read in the time zone below.' : `Time stamps in the header's zone "${zone}"${iana ? ` (${iana}, daylight saving followed)` : m?.[2] !== undefined ? ` (unknown name: fixed bias ${m[2]} min)` : ''}; the time zone below does not apply.`,
      `${servers.size} server${servers.size === 1 ? '' : 's'}: ${list([...servers])}. ${counters.size} counter${counters.size === 1 ? '' : 's'}: ${list([...counters], 5)}.`,
      'Read: % Processor Time (_Total), % Committed Bytes In Use or Available MBytes, Disk Transfers/sec, Bytes Total/sec; other counters are listed in the report.',
    ];
  }
  if (kind === 'getstat') {
    return [
      'Read: cpu.usage / cpu.usagemhz, mem.usage / mem.active, disk.numberRead+WriteAveraged or disk.usage, net.usage (averages); Instance "" is the aggregate.',
      'Time stamps without an offset are read in the time zone below (PowerCLI writes the exporting machine\'s local time).',
    ];
  }
  if (kind === 'sar') {
    return ['Read: the CPU (-u), memory (-r), I/O (-b or -d) and network (-n DEV) blocks of sadf -d; time stamps marked UTC, others in the time zone below.'];
  }
  const data = headers.filter((h) => !['time', 'timestamp', 'date', 'datetime'].includes(headerKey(h)));
  return [`${data.length} data column${data.length === 1 ? '' : 's'}: choose the server and metric each holds below; time stamps without an offset are in the time zone below.`];
}
