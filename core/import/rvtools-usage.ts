/**
 * Snapshot usage from an RVTools export, and its calibration against the hosts' measured use.
 *
 * Snapshot (one instant, percent of the VM's allocation): CPU from vInfo "CPU Usage %", else vCPU "Overall" MHz
 * / (vCPUs x the host's clock MHz, else its cluster's mean clock); memory from vMemory "Consumed" (what the hypervisor holds for the VM), else
 * "Active" (vMemory, or vInfo "Active Memory"), / the VM's memory. Values over 100 % (turbo) are capped and
 * noted. Powered-off VMs have no snapshot: their zero use says nothing about their use once moved.
 *
 * Calibration: where vHost gives a host's "CPU usage %" (and "Memory usage %"), the host's measured demand is
 * usage % x cores x rating per core (memory: usage % x host memory). The powered-on VMs on it are scaled so
 * their summed demand matches it: each VM's estimate is its snapshot, else the host's usage % applied to its
 * allocation (its vCPU share); one factor per host scales all estimates; no VM goes over 100 %. VMs whose host
 * is not in vHost are calibrated per cluster (the cluster's hosts summed). A host or cluster is not calibrated
 * when the export lists fewer than 90 % of the powered-on VMs vHost counts on it ("# VMs"): the measured load
 * would land on the few VMs present. The report states per cluster measured use vs the VMs' sum before/after.
 */
import type { UsageSnapshot } from '../model/schema.ts';
import type { ReportBuilder } from './report.ts';
import type { HostIndex, SourceHost } from './rvtools-hosts.ts';
import type { VmDraft } from './rvtools-vms.ts';

/** Share of vHost's powered-on VM count the export must list for a host or cluster to be calibrated. */
export const MIN_COVERAGE = 0.9;

const round2 = (x: number) => Math.round(x * 100) / 100;
export const isPoweredOn = (vm: Pick<VmDraft, 'powerState'>) => vm.powerState === '' || /^poweredon$/i.test(vm.powerState);

/** A VM's snapshot, or null when the export has no usage for it. */
export function snapshotOf(vm: VmDraft, hostMHz: number | null, cores: number, memoryGiB: number, report: ReportBuilder): UsageSnapshot | null {
  if (!isPoweredOn(vm)) return null;
  const u = vm.usage;
  let cpuPct: number | null = null;
  let cpuSource = '';
  if (u.cpuPct !== null) {
    cpuPct = u.cpuPct;
    cpuSource = `vInfo CPU Usage ${u.cpuPct} %`;
  } else if (u.cpuMHz !== null) {
    const mhz = hostMHz;
    if (mhz === null) report.addGrouped('info', 'missing-field', 'vCPU "Overall" MHz given but the clock of the VM\'s host (or its cluster) is unknown (vHost Speed): no CPU snapshot', { ...vm.ref, column: 'Host' });
    else {
      cpuPct = (100 * u.cpuMHz) / (cores * mhz);
      cpuSource = `vCPU Overall ${u.cpuMHz} MHz of ${cores} x ${mhz} MHz`;
    }
  }
  if (cpuPct !== null && cpuPct > 100) {
    report.addGrouped('info', 'assumption', 'VM CPU snapshot over 100 % of its vCPUs (turbo): capped at 100 %', { ...vm.ref, column: 'Overall' });
    cpuPct = 100;
  }
  let memPct: number | null = null;
  let memSource = '';
  const mem = u.memConsumedMiB ?? u.memActiveMiB;
  if (mem !== null && memoryGiB > 0) {
    memPct = Math.min(100, (100 * mem) / 1024 / memoryGiB);
    memSource = u.memConsumedMiB !== null ? `vMemory Consumed ${u.memConsumedMiB} MiB` : `Active ${u.memActiveMiB} MiB`;
  }
  if (cpuPct === null && memPct === null) return null;
  return { cpuPct: cpuPct === null ? null : round2(cpuPct), memPct: memPct === null ? null : round2(memPct), cpuSource, memSource, cpuCalibration: 1, memCalibration: 1, calibratedBy: null };
}

/** What calibration needs of one imported VM. */
export type CalibrationVm = { vm: VmDraft; cores: number; ratingPerCore: number; memoryGiB: number; snapshot: UsageSnapshot | null };

type Group = { label: string; cluster: string; hosts: SourceHost[]; vms: CalibrationVm[] };

type Dim = { measured: number; before: number; after: number; factor: number } | null;

function calibrateDim(g: Group, dim: 'cpu' | 'mem'): Dim {
  const hostsKnown = g.hosts.every((h) => (dim === 'cpu' ? h.cpuUsagePct !== null && h.cores !== null && h.ratingPerCore !== null : h.memUsagePct !== null && h.memoryMiB !== null));
  if (!hostsKnown || g.hosts.length === 0) return null;
  let measured = 0;
  let capacity = 0;
  for (const h of g.hosts) {
    const cap = dim === 'cpu' ? (h.cores ?? 0) * (h.ratingPerCore ?? 0) : (h.memoryMiB ?? 0) / 1024;
    capacity += cap;
    measured += ((dim === 'cpu' ? (h.cpuUsagePct ?? 0) : (h.memUsagePct ?? 0)) / 100) * cap;
  }
  const hostPct = capacity > 0 ? (100 * measured) / capacity : 0;
  const alloc = (v: CalibrationVm) => (dim === 'cpu' ? v.cores * v.ratingPerCore : v.memoryGiB);
  const pctOf = (v: CalibrationVm) => (dim === 'cpu' ? v.snapshot?.cpuPct : v.snapshot?.memPct) ?? null;
  let before = 0;
  let estimate = 0;
  for (const v of g.vms) {
    const p = pctOf(v);
    if (p !== null) before += (p / 100) * alloc(v);
    estimate += ((p ?? hostPct) / 100) * alloc(v);
  }
  if (estimate <= 0) return { measured, before, after: before, factor: 1 };
  // One factor for all, then water-filling: VMs that would pass 100 % stay at 100 % and the rest of the
  // measured demand is spread over the others by the same rule.
  const pct = new Map<CalibrationVm, number>();
  let open = g.vms.slice();
  let target = measured;
  let factor = measured / estimate;
  for (let round = 0; round < 50 && open.length > 0; round++) {
    const est = open.reduce((a, v) => a + ((pctOf(v) ?? hostPct) / 100) * alloc(v), 0);
    if (est <= 0) break;
    factor = target / est;
    const capped = open.filter((v) => (pctOf(v) ?? hostPct) * factor > 100);
    if (capped.length === 0) break;
    for (const v of capped) {
      pct.set(v, 100);
      target -= alloc(v);
    }
    open = open.filter((v) => !capped.includes(v));
  }
  let after = 0;
  for (const v of g.vms) {
    const base = pctOf(v) ?? hostPct;
    const p = pct.get(v) ?? Math.min(100, base * factor);
    const snap: UsageSnapshot = v.snapshot ?? { cpuPct: null, memPct: null, cpuSource: '', memSource: '', cpuCalibration: 1, memCalibration: 1, calibratedBy: null };
    const cal = base > 0 ? Math.max(1e-6, p / base) : 1;
    if (dim === 'cpu') {
      if (snap.cpuPct === null) {
        snap.cpuPct = round2(hostPct);
        snap.cpuSource = `host CPU usage ${round2(hostPct)} % (${g.label})`;
      }
      snap.cpuCalibration = cal;
    } else {
      if (snap.memPct === null) {
        snap.memPct = round2(hostPct);
        snap.memSource = `host memory usage ${round2(hostPct)} % (${g.label})`;
      }
      snap.memCalibration = cal;
    }
    snap.calibratedBy = g.label;
    v.snapshot = snap;
    after += (Math.min(100, base * cal) / 100) * alloc(v);
  }
  return { measured, before, after, factor };
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

/**
 * Calibrate the VMs' snapshots against vHost usage, per host where the VM's host is in vHost, else per cluster.
 * Mutates `vms[].snapshot`; reports per cluster (or host group) before and after.
 */
export function calibrate(vms: CalibrationVm[], hosts: HostIndex, report: ReportBuilder): void {
  const byHost = new Map<SourceHost, CalibrationVm[]>();
  const byCluster = new Map<string, CalibrationVm[]>();
  for (const v of vms) {
    if (!isPoweredOn(v.vm)) continue;
    const h = hosts.find(v.vm.host);
    if (h) byHost.set(h, [...(byHost.get(h) ?? []), v]);
    else if (v.vm.cluster !== '') byCluster.set(v.vm.cluster.toLowerCase(), [...(byCluster.get(v.vm.cluster.toLowerCase()) ?? []), v]);
  }
  const groups: Group[] = [];
  for (const [h, list] of byHost) groups.push({ label: `host ${h.name}`, cluster: h.cluster, hosts: [h], vms: list });
  for (const [cluster, list] of byCluster) {
    const members = [...hosts.hosts.values()].filter((h) => h.cluster.toLowerCase() === cluster && !byHost.has(h));
    if (members.length > 0) groups.push({ label: `cluster ${members[0].cluster}`, cluster: members[0].cluster, hosts: members, vms: list });
  }
  const perCluster = new Map<string, { cpu: [number, number, number]; mem: [number, number, number]; vms: number; skipped: string[]; done: boolean }>();
  for (const g of groups) {
    const expected = g.hosts.every((h) => h.vmsOn !== null) ? g.hosts.reduce((a, h) => a + (h.vmsOn ?? 0), 0) : null;
    const key = g.cluster || g.label;
    const row = perCluster.get(key) ?? { cpu: [0, 0, 0], mem: [0, 0, 0], vms: 0, skipped: [], done: false };
    perCluster.set(key, row);
    if (expected !== null && g.vms.length < MIN_COVERAGE * expected) {
      row.skipped.push(`${g.label}: the export lists ${g.vms.length} of the ${expected} powered-on VMs vHost counts there`);
      continue;
    }
    const cpu = calibrateDim(g, 'cpu');
    const mem = calibrateDim(g, 'mem');
    if (cpu === null && mem === null) continue;
    row.done = true;
    row.vms += g.vms.length;
    if (cpu) row.cpu = [row.cpu[0] + cpu.measured, row.cpu[1] + cpu.before, row.cpu[2] + cpu.after];
    if (mem) row.mem = [row.mem[0] + mem.measured, row.mem[1] + mem.before, row.mem[2] + mem.after];
  }
  for (const [cluster, r] of perCluster) {
    if (r.skipped.length > 0) {
      report.add('warning', 'assumption', `calibration against vHost usage not applied for ${r.skipped.length} host group(s) of ${cluster}: ${r.skipped.slice(0, 3).join('; ')}${r.skipped.length > 3 ? '; ...' : ''} (their VMs keep their own snapshot)`, []);
    }
    if (!r.done) continue;
    report.add('info', 'assumption', `calibration, ${cluster}: hosts' measured CPU ${fmt(r.cpu[0])} rating units, the ${r.vms} VMs' snapshot sum ${fmt(r.cpu[1])} before, ${fmt(r.cpu[2])} after; memory measured ${fmt(r.mem[0])} GiB, VMs ${fmt(r.mem[1])} before, ${fmt(r.mem[2])} after`, []);
  }
}
