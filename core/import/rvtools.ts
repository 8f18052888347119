/**
 * RVTools export (xlsx sheets or the RVTools_tab<sheet>.csv set) -> servers, source sites and a quality
 * report. vInfo is required; vHost, vCluster, vCPU, vMemory, vDisk, vPartition, vNetwork and vUSB are used
 * where present. See rvtools-vms.ts (ids), rvtools-hosts.ts (rating per core), rvtools-details.ts (blockers).
 */
import type { DataCentre, Server } from '../model/schema.ts';
import { ImportError } from './errors.ts';
import { emptyCounts, ReportBuilder } from './report.ts';
import { newDataCentre, UNASSIGNED_DEPARTMENT, type ImportResult } from './result.ts';
import { applyDetails } from './rvtools-details.ts';
import { readHosts } from './rvtools-hosts.ts';
import { RVTOOLS_SHEETS } from './rvtools-sheets.ts';
import { calibrate, isPoweredOn, snapshotOf, type CalibrationVm } from './rvtools-usage.ts';
import { readVInfo, type VmDraft } from './rvtools-vms.ts';
import { slug, type Table } from './table.ts';

export type RvtoolsOptions = {
  /** Size storage from provisioned capacity (default) or from space in use. */
  storageBasis?: 'provisioned' | 'in-use';
  /** Leave out powered-off VMs and/or VMs whose names look retired (listed in the report either way). */
  exclude?: readonly RvtoolsExclusion[];
};

export const RVTOOLS_EXCLUSIONS = ['powered-off', 'retired'] as const;
export type RvtoolsExclusion = (typeof RVTOOLS_EXCLUSIONS)[number];

/** Names that look retired: "-old", "-RIP", "_decom", "do not use" (any case, - _ . or space as separator). */
export const RETIRED_NAME = /(?:^|[-_. ])(?:old|rip|decom(?:m?issioned)?|retired|delete(?:me)?)(?:$|[-_. \d])|do[-_ ]?not[-_ ]?use|\bdnu\b/i;

const USED_SHEETS = new Set(RVTOOLS_SHEETS.map((s) => s.toLowerCase()));
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function dataCentreId(name: string): string {
  return `dc-${slug(name)}`;
}

function toServer(vm: VmDraft, rating: number, dcId: string, basis: 'provisioned' | 'in-use', report: ReportBuilder): Server {
  let cores = vm.cores;
  if (cores === null) {
    cores = 1;
    report.addGrouped('warning', 'missing-field', 'VM CPU count missing (vInfo and vCPU): 1 vCPU assumed', { ...vm.ref, column: 'CPUs' });
  }
  let memoryGiB = vm.memoryGiB;
  if (memoryGiB === null || memoryGiB < 0.001) {
    memoryGiB = 1;
    report.addGrouped('warning', 'missing-field', 'VM memory missing or zero (vInfo and vMemory): 1 GiB assumed', { ...vm.ref, column: 'Memory' });
  }
  const first = basis === 'in-use' ? vm.inUseGiB : vm.provisionedGiB;
  let storage = first ?? (vm.diskGiB > 0 ? vm.diskGiB : null) ?? (basis === 'in-use' ? vm.provisionedGiB : vm.inUseGiB);
  if (storage === null) {
    storage = 0;
    report.addGrouped('warning', 'missing-field', 'VM storage unknown (no provisioned / in-use size, no vDisk rows): 0 GiB assumed', vm.ref);
  }
  const hard = vm.blockers.filter((b) => b.hard);
  const chosen = hard[0] ?? vm.blockers[0] ?? null;
  const others = vm.blockers.filter((b) => b !== chosen).map((b) => b.detail);
  return {
    id: vm.id,
    name: vm.name,
    dataCentreId: dcId,
    departmentId: UNASSIGNED_DEPARTMENT.id,
    applicationId: null,
    tier: null,
    environment: 'prod',
    os: vm.os === '' ? 'unknown' : vm.os,
    sourceKind: 'vm',
    sourceHost: vm.host === '' ? null : vm.host,
    sourceCluster: vm.cluster === '' ? null : vm.cluster,
    cores,
    ratingPerCore: rating,
    memoryGiB: round3(memoryGiB),
    storageGiB: round3(storage),
    iops: 0,
    networkMbps: 0,
    virtualisable: hard.length === 0,
    blocker: chosen === null ? null : { kind: chosen.kind, detail: [chosen.detail, ...others].join('; ') },
    zoneId: null,
    maintenanceWindow: null,
    drPartnerId: null,
    affinityGroups: vm.affinityGroups,
    antiAffinityGroups: vm.antiAffinityGroups,
    licensedProductIds: [],
    rackUnits: 0,
    powerW: 0,
  };
}

/** Mean vHost clock (MHz) per cluster, for VMs whose host is not in vHost. */
function meanClusterClock(hosts: ReturnType<typeof readHosts>): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const h of hosts.hosts.values()) {
    if (h.speedMHz === null || h.cluster === '') continue;
    const s = sums.get(h.cluster.toLowerCase()) ?? [0, 0];
    sums.set(h.cluster.toLowerCase(), [s[0] + h.speedMHz, s[1] + 1]);
  }
  return new Map([...sums].map(([k, [sum, n]]) => [k, sum / n]));
}

const examples = (names: readonly string[]) => names.slice(0, 3).join(', ') + (names.length > 3 ? ', ...' : '');
const share = (n: number, of: number) => `${of > 0 ? Math.round((100 * n) / of) : 0}%`;

/** Problems that affect many rows as one warning each: count, share and example values. */
function reportSystemic(report: ReportBuilder, unmatched: Map<string, number>, total: number, listed: Record<RvtoolsExclusion, string[]>, exclude: ReadonlySet<RvtoolsExclusion>): void {
  if (unmatched.size > 0) {
    const vmsAffected = [...unmatched.values()].reduce((a, b) => a + b, 0);
    report.add('warning', 'unmatched', `${unmatched.size} host name(s) in vInfo are not in vHost (also tried as short names); ${share(vmsAffected, total)} of VMs (${vmsAffected}); e.g. ${examples([...unmatched.keys()])}: their rating per core comes from their cluster or the default, and calibration is per cluster`, []);
  }
  const what: Record<RvtoolsExclusion, string> = { 'powered-off': 'powered-off VMs', retired: 'VMs whose names look retired (-old, -RIP, _decom, "do not use")' };
  for (const k of ['powered-off', 'retired'] as const) {
    const names = listed[k];
    if (names.length === 0) continue;
    report.add(
      exclude.has(k) ? 'info' : 'warning',
      'assumption',
      `${names.length} ${what[k]} (${share(names.length, total)} of VMs; e.g. ${examples(names)}): ${exclude.has(k) ? 'left out' : `imported at their configured size; leave them out with the import option "exclude ${k}" (cwb import --exclude ${k})`}`,
      [],
    );
  }
}

/** Map the sheets of one RVTools export. Throws ImportError when there is no vInfo sheet. */
export function mapRvtools(tables: readonly Table[], options: RvtoolsOptions = {}): ImportResult {
  const sheets = new Map(tables.map((t) => [(t.sheet ?? '').toLowerCase(), t]));
  const vInfo = sheets.get('vinfo');
  const files = [...new Set(tables.map((t) => t.file))].join(', ');
  if (!vInfo) {
    const found = tables.map((t) => t.sheet ?? t.file).join(', ') || 'none';
    throw new ImportError(`${files || 'the import'}: no vInfo sheet, so this is not an RVTools export (sheets found: ${found})`);
  }
  const report = new ReportBuilder();
  const hosts = readHosts(sheets.get('vhost'), sheets.get('vcluster'), report);
  const vms = readVInfo(vInfo, report);
  applyDetails(sheets, vms, report);
  const unused = tables.filter((t) => !USED_SHEETS.has((t.sheet ?? '').toLowerCase()));
  for (const t of unused) report.files.add(t.file);
  if (unused.length > 0) {
    report.add('info', 'skipped-row', `sheets not used by the import: ${unused.map((t) => `${t.sheet ?? t.file} (${t.rows.length} rows)`).join(', ')}`, []);
  }

  const dcs = new Map<string, DataCentre>();
  const dcFor = (name: string) => {
    const label = name === '' ? 'Unknown data centre' : name;
    const id = name === '' ? 'dc-unknown' : dataCentreId(name);
    if (!dcs.has(id)) dcs.set(id, newDataCentre(id, label));
    return id;
  };
  for (const h of hosts.hosts.values()) if (h.datacenter !== '') dcFor(h.datacenter);
  // A site's time zone: the one all its vHost hosts agree on (ESXi hosts often say UTC), else UTC.
  const zones = new Map<string, Set<string>>();
  for (const h of hosts.hosts.values()) {
    if (h.datacenter === '' || h.timeZone === null) continue;
    const id = dataCentreId(h.datacenter);
    zones.set(id, (zones.get(id) ?? new Set()).add(h.timeZone));
  }
  for (const [id, set] of zones) {
    const dc = dcs.get(id);
    if (dc && set.size === 1) dc.timeZone = [...set][0];
  }

  const basis = options.storageBasis ?? 'provisioned';
  const servers: Server[] = [];
  const hostNames = new Set<string>([...hosts.hosts.values()].map((h) => h.name.toLowerCase()));
  const clusterNames = new Set<string>([...hosts.clusters.values()].map((c) => c.name.toLowerCase()));
  const hasVHost = sheets.has('vhost');
  const exclude = new Set(options.exclude ?? []);
  const vInfoCount = report.tables.find((t) => t.sheet === vInfo.sheet && t.file === vInfo.file);
  const unmatchedHosts = new Map<string, number>();
  const listed = { 'powered-off': [] as string[], retired: [] as string[] };
  const calib: CalibrationVm[] = [];
  const clusterMHz = meanClusterClock(hosts);
  for (const vm of vms.vms) {
    const off = !isPoweredOn(vm);
    const retired = RETIRED_NAME.test(vm.name);
    if (off) listed['powered-off'].push(vm.name);
    if (retired) listed.retired.push(vm.name);
    if ((off && exclude.has('powered-off')) || (retired && exclude.has('retired'))) {
      if (vInfoCount) {
        vInfoCount.rowsUsed--;
        vInfoCount.rowsSkipped++;
      }
      report.addGrouped('info', 'skipped-row', `VM left out by the import options (${[off && exclude.has('powered-off') ? 'powered off' : '', retired && exclude.has('retired') ? 'retired-looking name' : ''].filter((x) => x !== '').join(', ')})`, vm.ref);
      continue;
    }
    const rating = hosts.ratingFor(vm.host, vm.cluster);
    const sourceHost = hosts.find(vm.host);
    if (hasVHost && vm.host !== '' && !sourceHost) unmatchedHosts.set(vm.host, (unmatchedHosts.get(vm.host) ?? 0) + 1);
    if (rating.basis === 'default') report.addGrouped('info', 'assumption', `VM host CPU unknown: rating per core ${rating.rating} assumed (a 2.0 GHz core)`, { ...vm.ref, column: 'Host' });
    let dcName = vm.datacenter;
    if (dcName === '') dcName = hosts.hosts.get(vm.host.toLowerCase())?.datacenter ?? '';
    if (dcName === '') report.addGrouped('warning', 'missing-field', 'VM has no Datacenter: placed in "Unknown data centre"', { ...vm.ref, column: 'Datacenter' });
    const server = toServer(vm, rating.rating, dcFor(dcName), basis, report);
    const snapshot = snapshotOf(vm, sourceHost?.speedMHz ?? clusterMHz.get(vm.cluster.toLowerCase()) ?? null, server.cores, server.memoryGiB, report);
    calib.push({ vm, cores: server.cores, ratingPerCore: server.ratingPerCore, memoryGiB: server.memoryGiB, snapshot });
    for (const b of vm.blockers) {
      report.addGrouped(b.hard ? 'warning' : 'info', 'blocker', b.hard ? `not virtualisable as is: ${b.kind}` : `hard to move: ${b.kind} (kept virtualisable)`, vm.ref);
    }
    servers.push(server);
    if (vm.host !== '' && !sourceHost) hostNames.add(vm.host.toLowerCase());
    if (vm.cluster !== '') clusterNames.add(vm.cluster.toLowerCase());
  }
  calibrate(calib, hosts, report);
  calib.forEach((c, k) => {
    const cpuModel = hosts.find(c.vm.host)?.cpuModel ?? '';
    if (c.snapshot !== null || cpuModel !== '') servers[k].usage = { snapshot: c.snapshot, summary: null, sourceCpuModel: cpuModel === '' ? null : cpuModel };
  });
  reportSystemic(report, unmatchedHosts, vms.vms.length, listed, exclude);
  if (servers.length > 0) {
    report.add('info', 'assumption', `departments and applications are unknown in RVTools: all ${servers.length} servers are in the placeholder department "unassigned", environment "prod"; iops and network are 0 until series are imported`, []);
  }
  const counts = emptyCounts();
  counts.serversImported = servers.length;
  counts.hosts = hostNames.size;
  counts.clusters = clusterNames.size;
  counts.dataCentres = dcs.size;
  counts.blockedServers = servers.filter((s) => !s.virtualisable).length;
  return {
    servers,
    dataCentres: [...dcs.values()],
    departments: servers.length > 0 ? [UNASSIGNED_DEPARTMENT] : [],
    applications: [],
    zones: [],
    userSites: [],
    wanLinks: [],
    flows: [],
    series: null,
    report: report.build(counts),
  };
}
