/**
 * Sizing basis per server (issue 12): what a server without an hourly series is sized from, best first.
 *
 *   measured   hourly series (sizing.ts sizes those; this module is not asked about them)
 *   summary    an imported per-server summary: CPU by the policy's statistic (peak for "peak", the percentile,
 *              else the peak, for p80/p95; the average for "average"), memory %, IOPS and network
 *   snapshot   RVTools snapshot usage, calibrated against the host's measured use where the import could
 *   allocation nothing measured: the scenario's assumed utilisation (default 100 %), or the profile of a
 *              similar server (same OS family and size class, drawn with a seeded generator)
 *
 * In "allocated" mode (like-for-like) every server is sized as allocated: memory at 100 % and each vCPU at
 * 1 / cpuOvercommit of a source core, so the vCPU : core ratio is what limits CPU. CPU and memory may have
 * different bases (a snapshot may carry CPU only); each is recorded.
 */
import type { Server, SizingBasis, SizingRules } from '../../model/schema.ts';
import { createRng } from '../../util/random.ts';

export const BASES: readonly SizingBasis[] = ['measured', 'summary', 'snapshot', 'allocation'];
export const BASIS_CODE: Record<SizingBasis, number> = { measured: 0, summary: 1, snapshot: 2, allocation: 3 };

/** Utilisation a server without a series is sized at, percent of its allocation, and the basis of each. */
export type Profile = {
  cpuPct: number;
  memPct: number;
  /** Rated IOPS / Mbps from a summary, else null (the server's own rated values). */
  iops: number | null;
  netMbps: number | null;
  cpuBasis: SizingBasis;
  memBasis: SizingBasis;
};

export const DEFAULT_ASSUMED_PCT = 100;

function summaryCpu(s: Server, rules: Pick<SizingRules, 'policy'>): number | null {
  const u = s.usage?.summary;
  if (!u) return null;
  const order = rules.policy === 'average' ? [u.cpuAvgPct, u.cpuPercentilePct, u.cpuPeakPct] : rules.policy === 'peak' ? [u.cpuPeakPct, u.cpuPercentilePct, u.cpuAvgPct] : [u.cpuPercentilePct, u.cpuPeakPct, u.cpuAvgPct];
  return order.find((v) => v !== null && v !== undefined) ?? null;
}

/** The evidence-based profile of a server (summary, then snapshot), null per dimension where there is none. */
export function evidenceProfile(s: Server, rules: Pick<SizingRules, 'policy'>): { cpu: [number, SizingBasis] | null; mem: [number, SizingBasis] | null; iops: number | null; net: number | null } {
  const sum = s.usage?.summary ?? null;
  const snap = s.usage?.snapshot ?? null;
  let cpu: [number, SizingBasis] | null = null;
  const sc = summaryCpu(s, rules);
  if (sc !== null) cpu = [sc, 'summary'];
  else if (snap?.cpuPct !== null && snap?.cpuPct !== undefined) cpu = [Math.min(100, snap.cpuPct * snap.cpuCalibration), 'snapshot'];
  let mem: [number, SizingBasis] | null = null;
  if (sum?.memPct !== null && sum?.memPct !== undefined) mem = [sum.memPct, 'summary'];
  else if (snap?.memPct !== null && snap?.memPct !== undefined) mem = [Math.min(100, snap.memPct * snap.memCalibration), 'snapshot'];
  return { cpu, mem, iops: sum?.iops ?? null, net: sum?.networkMbps ?? null };
}

const osFamily = (os: string) => (/windows/i.test(os) ? 'windows' : /linux|ubuntu|centos|red ?hat|rhel|suse|debian|oracle|rocky|alma/i.test(os) ? 'linux' : 'other');
const sizeClass = (s: Server) => (s.cores <= 2 ? 0 : s.cores <= 4 ? 1 : s.cores <= 8 ? 2 : 3);

/** Picks "similar" profiles: servers with evidence grouped by (OS family, size class), then by OS family, then all. */
export type SimilarPool = { draw(s: Server, seed: string): { cpuPct: number; memPct: number } | null };

export function similarPool(servers: readonly Server[], rules: Pick<SizingRules, 'policy'>): SimilarPool {
  const groups = new Map<string, { cpuPct: number; memPct: number }[]>();
  const add = (k: string, p: { cpuPct: number; memPct: number }) => groups.set(k, [...(groups.get(k) ?? []), p]);
  for (const s of servers) {
    const e = evidenceProfile(s, rules);
    if (e.cpu === null || e.mem === null) continue;
    const p = { cpuPct: e.cpu[0], memPct: e.mem[0] };
    add(`${osFamily(s.os)}|${sizeClass(s)}`, p);
    add(osFamily(s.os), p);
    add('*', p);
  }
  return {
    draw(s, seed) {
      const list = groups.get(`${osFamily(s.os)}|${sizeClass(s)}`) ?? groups.get(osFamily(s.os)) ?? groups.get('*');
      if (!list) return null;
      return createRng(`${seed}|${s.id}`).pick(list);
    },
  };
}

/** The profile of a server without a series under the scenario's rules. */
export function profileOf(s: Server, rules: SizingRules, pool: SimilarPool | null, seed = 'similar'): Profile {
  if (rules.sizing === 'allocated') {
    return { cpuPct: 100 / rules.cpuOvercommit, memPct: 100, iops: null, netMbps: null, cpuBasis: 'allocation', memBasis: 'allocation' };
  }
  const e = evidenceProfile(s, rules);
  let assumedCpu = rules.assumedCpuPct ?? DEFAULT_ASSUMED_PCT;
  let assumedMem = rules.assumedMemPct ?? DEFAULT_ASSUMED_PCT;
  if (rules.unmeasuredProfile === 'similar' && pool !== null && (e.cpu === null || e.mem === null)) {
    const p = pool.draw(s, seed);
    if (p) {
      assumedCpu = p.cpuPct;
      assumedMem = p.memPct;
    }
  }
  return {
    cpuPct: e.cpu?.[0] ?? assumedCpu,
    memPct: e.mem?.[0] ?? assumedMem,
    iops: e.iops,
    netMbps: e.net,
    cpuBasis: e.cpu?.[1] ?? 'allocation',
    memBasis: e.mem?.[1] ?? 'allocation',
  };
}
