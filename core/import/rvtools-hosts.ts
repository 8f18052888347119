/**
 * Source hosts (vHost) and clusters (vCluster): their CPU gives the VMs a rating per core.
 *
 * Rating estimate (documented in ARCHITECTURE.md): ratingPerCore = RATING_PER_GHZ (20) x base clock in GHz,
 * rounded to 0.1. The clock is vHost "Speed" (MHz), else the "@ 2.30GHz" in the CPU model text; a clock outside
 * 0.1-10 GHz is a typing or unit mistake and is ignored (a Speed out of range is warned about). A 2.3 GHz
 * Xeon Gold 5218 core rates 46, in line with the host models' 40-50 scale. A VM's vCPUs are rated as cores
 * of its host, else the mean of its cluster's hosts, else DEFAULT_RATING_PER_CORE (40, a 2.0 GHz core).
 * Clock speed ignores generation (IPC) differences: a known gap, the consultant can edit ratings afterwards.
 */
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
  cores: number | null;
  /** The host's IANA time zone when vHost names a known one, else null. */
  timeZone: string | null;
};

export type HostIndex = {
  hosts: Map<string, SourceHost>;
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
      const rating = ratingFromClock(speed?.ok ? speed.value : null, cpuModel);
      if (rating === null) report.addGrouped('info', 'missing-field', 'host CPU speed unknown: its VMs get the default rating per core', c.ref(i, 'speedMHz'));
      const cores = c.number(row, 'cores');
      const host: SourceHost = {
        name,
        datacenter: c.text(row, 'datacenter'),
        cluster: c.text(row, 'cluster'),
        cpuModel,
        ratingPerCore: rating,
        cores: cores?.ok ? cores.value : null,
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
  return {
    hosts,
    clusters,
    ratingFor(host, cluster) {
      const h = hosts.get(key(host));
      if (h && h.ratingPerCore !== null) return { rating: h.ratingPerCore, basis: 'host' };
      const cr = clusterRating.get(key(cluster));
      if (cr !== undefined) return { rating: cr, basis: 'cluster' };
      return { rating: DEFAULT_RATING_PER_CORE, basis: 'default' };
    },
  };
}
