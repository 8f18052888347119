/**
 * Source hosts (vHost) and clusters (vCluster): their CPU gives the VMs a rating per core.
 *
 * Rating estimate (documented in ARCHITECTURE.md): ratingPerCore = RATING_PER_GHZ (20) x base clock in GHz,
 * rounded to 0.1. The clock is vHost "Speed" (MHz), else the "@ 2.30GHz" in the CPU model text; a clock outside
 * 0.1-10 GHz is a typing or unit mistake and is ignored (a Speed out of range is warned about). A 2.3 GHz
 * Xeon Gold 5218 core rates 46, in line with the host models' 40-50 scale. A VM's vCPUs are rated as cores
 * of its host, else the mean of its cluster's hosts, else DEFAULT_RATING_PER_CORE (40, a 2.0 GHz core).
 * The CPU catalogue (core/model/cpu-catalogue.ts) comes first: a known "CPU Model" gets its family's published
 * per-core throughput; the clock estimate is the fallback for models it does not know (warned, naming them).
 * Host names match across FQDN and short forms ("esx01.corp.example" and "esx01"); IP addresses match whole.
 */
import { rateCpuModel } from '../model/cpu-catalogue.ts';
import { resolveColumns } from './columns.ts';
import type { ReportBuilder } from './report.ts';
import { DEFAULT_RATING_PER_CORE, RATING_PER_GHZ } from './result.ts';
import { VCLUSTER, VHOST } from './rvtools-sheets.ts';
import type { Table } from './table.ts';
import { isKnownTimeZone } from './time.ts';

export type SourceHost = {
  name: string;
  datacenter: string;
  cluster: string;
  cpuModel: string;
  ratingPerCore: number | null;
  /** Where the rating came from: the CPU catalogue, the clock estimate, or nowhere. */
  ratingBasis: 'catalogue' | 'clock' | null;
  cores: number | null;
  speedMHz: number | null;
  memoryMiB: number | null;
  /** vHost "CPU usage %" / "Memory usage %" (0-100), null when absent or bad. */
  cpuUsagePct: number | null;
  memUsagePct: number | null;
  /** vHost "# VMs" (powered-on VMs), null when absent. */
  vmsOn: number | null;
  /** The host's IANA time zone when vHost names a known one, else null. */
  timeZone: string | null;
};

export type HostIndex = {
  hosts: Map<string, SourceHost>;
  /** The vHost host of a VM's host name, matching FQDN and short forms. */
  find(host: string): SourceHost | undefined;
  clusters: Map<string, { name: string; datacenter: string }>;
  /** Rating for a VM on this host / in this cluster, and where it came from. */
  ratingFor(host: string, cluster: string): { rating: number; basis: 'host' | 'cluster' | 'default' };
};

/** Clocks outside 0.1 to 10 GHz are typing or unit mistakes, not CPUs: they give no rating. */
const plausibleGHz = (ghz: number | null): ghz is number => ghz !== null && Number.isFinite(ghz) && ghz >= 0.1 && ghz <= 10;

export function ratingFromClock(speedMHz: number | null, cpuModel: string): number | null {
  let ghz = speedMHz !== null ? speedMHz / 1000 : null;
  if (!plausibleGHz(ghz)) {
    const m = /@\s*([\d.]+)\s*GHz/i.exec(cpuModel);
    ghz = m ? Number(m[1]) : null;
  }
  if (!plausibleGHz(ghz)) return null;
  return Math.round(RATING_PER_GHZ * ghz * 10) / 10;
}

const key = (s: string) => s.trim().toLowerCase();
const IP = /^\d{1,3}(\.\d{1,3}){3}$/;
/** "esx01.corp.example" -> "esx01"; IP addresses and single labels stay whole. */
export const shortHostName = (s: string) => {
  const k = key(s);
  return IP.test(k) ? k : k.split('.')[0];
};

/** A usage percentage cell: null when absent; bad, negative or over 100 values are warned about by name. */
function usagePct(c: ReturnType<typeof resolveColumns<keyof typeof VHOST>>, row: Parameters<typeof c.text>[0], i: number, field: 'cpuUsagePct' | 'memUsagePct', report: ReportBuilder): number | null {
  const n = c.number(row, field);
  if (n === null) return null;
  const label = `vHost "${c.header[field]}"`;
  if (!n.ok) report.addGrouped('warning', 'bad-value', `${label} ${n.reason.replace(/ \(.*\)$/, '')}: the host is not used for calibration`, c.ref(i, field));
  else if (n.value < 0) report.addGrouped('warning', 'bad-value', `${label} is negative: the host is not used for calibration`, c.ref(i, field));
  else if (n.value > 100) report.addGrouped('warning', 'bad-value', `${label} is over 100 %: the host is not used for calibration`, c.ref(i, field));
  else return n.value;
  return null;
}

export function readHosts(vHost: Table | undefined, vCluster: Table | undefined, report: ReportBuilder): HostIndex {
  const hosts = new Map<string, SourceHost>();
  const clusters = new Map<string, { name: string; datacenter: string }>();
  if (vHost) {
    const c = resolveColumns(vHost, VHOST);
    const count = report.table(vHost);
    vHost.rows.forEach((row, i) => {
      const name = c.name(row, 'host', i);
      if (name === '') {
        count.rowsSkipped++;
        report.addGrouped('warning', 'skipped-row', 'vHost row without a host name: skipped', c.ref(i, 'host'));
        return;
      }
      if (hosts.has(key(name))) {
        count.rowsSkipped++;
        report.addGrouped('warning', 'duplicate', `duplicate host name in vHost: later rows skipped`, c.ref(i, 'host'));
        return;
      }
      const speed = c.number(row, 'speedMHz');
      if (speed && !speed.ok) report.addGrouped('warning', 'bad-value', `vHost Speed ${speed.reason}; the clock is read from the CPU model instead`, c.ref(i, 'speedMHz'));
      else if (speed?.ok && speed.value !== 0 && !(speed.value >= 100 && speed.value <= 10000)) {
        report.addGrouped('warning', 'bad-value', 'vHost Speed outside 100-10,000 MHz: ignored; the clock is read from the CPU model instead', c.ref(i, 'speedMHz'));
      }
      const cpuModel = c.text(row, 'cpuModel');
      const speedMHz = speed?.ok && speed.value >= 100 && speed.value <= 10000 ? speed.value : null;
      const catalogue = cpuModel === '' ? null : rateCpuModel(cpuModel);
      const rating = catalogue?.ratingPerCore ?? ratingFromClock(speed?.ok ? speed.value : null, cpuModel);
      if (catalogue === null && rating !== null && cpuModel !== '') {
        report.addGrouped('warning', 'assumption', `CPU model "${cpuModel}" is not in the CPU catalogue: rating per core estimated from its clock (${rating}); check it`, c.ref(i, 'cpuModel'));
      }
      if (rating === null) report.addGrouped('info', 'missing-field', 'host CPU speed unknown: its VMs get the default rating per core', c.ref(i, 'speedMHz'));
      const cores = c.number(row, 'cores');
      const memory = c.number(row, 'memory');
      const vmsOn = c.number(row, 'vmsOn');
      const host: SourceHost = {
        name,
        datacenter: c.text(row, 'datacenter'),
        cluster: c.text(row, 'cluster'),
        cpuModel,
        ratingPerCore: rating,
        ratingBasis: catalogue !== null ? 'catalogue' : rating !== null ? 'clock' : null,
        cores: cores?.ok && cores.value > 0 ? cores.value : null,
        speedMHz,
        memoryMiB: memory?.ok && memory.value > 0 ? memory.value : null,
        cpuUsagePct: usagePct(c, row, i, 'cpuUsagePct', report),
        memUsagePct: usagePct(c, row, i, 'memUsagePct', report),
        vmsOn: vmsOn?.ok && vmsOn.value >= 0 ? vmsOn.value : null,
        timeZone: isKnownTimeZone(c.text(row, 'timeZone')) ? c.text(row, 'timeZone') : null,
      };
      hosts.set(key(name), host);
      if (host.cluster !== '' && !clusters.has(key(host.cluster))) clusters.set(key(host.cluster), { name: host.cluster, datacenter: host.datacenter });
      count.rowsUsed++;
    });
  }
  if (vCluster) {
    const c = resolveColumns(vCluster, VCLUSTER);
    const count = report.table(vCluster);
    vCluster.rows.forEach((row, i) => {
      const name = c.name(row, 'cluster', i);
      if (name === '') {
        count.rowsSkipped++;
        report.addGrouped('warning', 'skipped-row', 'vCluster row without a cluster name: skipped', c.ref(i, 'cluster'));
        return;
      }
      if (!clusters.has(key(name))) clusters.set(key(name), { name, datacenter: c.text(row, 'datacenter') });
      count.rowsUsed++;
    });
  }
  const clusterRating = new Map<string, number>();
  const sums = new Map<string, { sum: number; n: number }>();
  for (const h of hosts.values()) {
    if (h.ratingPerCore === null || h.cluster === '') continue;
    const s = sums.get(key(h.cluster)) ?? { sum: 0, n: 0 };
    s.sum += h.ratingPerCore;
    s.n++;
    sums.set(key(h.cluster), s);
  }
  for (const [k, s] of sums) clusterRating.set(k, Math.round((s.sum / s.n) * 10) / 10);
  const byShort = new Map<string, SourceHost | null>();
  for (const h of hosts.values()) {
    const k = shortHostName(h.name);
    byShort.set(k, byShort.has(k) ? null : h); // ambiguous short names match nothing
  }
  const find = (host: string) => hosts.get(key(host)) ?? byShort.get(shortHostName(host)) ?? undefined;
  return {
    hosts,
    find,
    clusters,
    ratingFor(host, cluster) {
      const h = find(host);
      if (h && h.ratingPerCore !== null) return { rating: h.ratingPerCore, basis: 'host' };
      const cr = clusterRating.get(key(cluster));
      if (cr !== undefined) return { rating: cr, basis: 'cluster' };
      return { rating: DEFAULT_RATING_PER_CORE, basis: 'default' };
    },
  };
}
