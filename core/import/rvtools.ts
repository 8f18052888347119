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
import { readVInfo, type VmDraft } from './rvtools-vms.ts';
import { slug, type Table } from './table.ts';

export type RvtoolsOptions = {
  /** Size storage from provisioned capacity (default) or from space in use. */
  storageBasis?: 'provisioned' | 'in-use';
};

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
  for (const vm of vms.vms) {
    const rating = hosts.ratingFor(vm.host, vm.cluster);
    if (hasVHost && vm.host !== '' && !hosts.hosts.has(vm.host.toLowerCase())) {
      report.addGrouped('info', 'unmatched', 'VM host is not in vHost: rating per core taken from its cluster or the default', { ...vm.ref, column: 'Host' });
    }
    if (rating.basis === 'default') report.addGrouped('info', 'assumption', `VM host CPU unknown: rating per core ${rating.rating} assumed (a 2.0 GHz core)`, { ...vm.ref, column: 'Host' });
    let dcName = vm.datacenter;
    if (dcName === '') dcName = hosts.hosts.get(vm.host.toLowerCase())?.datacenter ?? '';
    if (dcName === '') report.addGrouped('warning', 'missing-field', 'VM has no Datacenter: placed in "Unknown data centre"', { ...vm.ref, column: 'Datacenter' });
    if (vm.powerState !== '' && !/^poweredon$/i.test(vm.powerState)) {
      report.addGrouped('info', 'assumption', `VM is ${vm.powerState}: imported at its configured size (it may not need a place)`, { ...vm.ref, column: 'Powerstate' });
    }
    const server = toServer(vm, rating.rating, dcFor(dcName), basis, report);
    for (const b of vm.blockers) {
      report.addGrouped(b.hard ? 'warning' : 'info', 'blocker', b.hard ? `not virtualisable as is: ${b.kind}` : `hard to move: ${b.kind} (kept virtualisable)`, vm.ref);
    }
    servers.push(server);
    if (vm.host !== '') hostNames.add(vm.host.toLowerCase());
    if (vm.cluster !== '') clusterNames.add(vm.cluster.toLowerCase());
  }
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
