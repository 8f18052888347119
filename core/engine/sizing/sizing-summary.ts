/**
 * What a plan's demand was sized from (issue 12): share of servers and of CPU and memory demand per sizing basis,
 * the calibration per cluster, and a host-count range over the unmeasured servers' possible profiles.
 *
 * Range method (a cheap, stated estimate, not a re-plan): each draw gives every allocation-only server the
 * profile of a randomly drawn similar server with evidence (core/engine/sizing/sizing-basis.ts, seeded per draw);
 * the draw's host count is the plan's hosts scaled by the draw's volume bound over the plan's volume bound
 * (per target site, the most demanding of CPU and memory: ceil(sum of peak demand / usable host capacity),
 * with the spare host when N+1 applies). P10/P50/P90 over DRAWS draws. No range when nothing is unmeasured or
 * no server has evidence to draw from.
 */
import type { Project } from '../../model/project.ts';
import { effectiveRules, type Server, type SizingBasis, type SizingRules } from '../../model/schema.ts';
import { siteModel } from '../context.ts';
import type { Plan } from '../plan.ts';
import { BASES, profileOf, similarPool } from './sizing-basis.ts';
import { DIMS, sizeServers } from './sizing.ts';

export type BasisShares = Record<SizingBasis, number>;

export type BasisSummary = {
  mode: 'performance' | 'allocated';
  /** Servers per CPU basis. */
  servers: Record<SizingBasis, number>;
  /** Share (0-1) of CPU / memory peak demand per basis. */
  cpu: BasisShares;
  memory: BasisShares;
  /** Share of CPU demand not from measured series or summaries. */
  notMeasuredCpu: number;
  assumedCpuPct: number;
  assumedMemPct: number;
  profile: 'assumed' | 'similar';
  /** Per cluster (or host) the imports calibrated: servers and the mean CPU factor. */
  calibration: { by: string; servers: number; meanCpuFactor: number }[];
};

const zero = (): Record<SizingBasis, number> => ({ measured: 0, summary: 0, snapshot: 0, allocation: 0 });

function scenarioRules(project: Project, scenarioId: string, override?: Partial<SizingRules>): SizingRules {
  const scenario = project.estate.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  return { ...effectiveRules(project.estate, scenario), ...override };
}

export function basisSummary(project: Project, scenarioId: string): BasisSummary {
  const rules = scenarioRules(project, scenarioId);
  const servers = project.estate.servers;
  const sizing = sizeServers(servers, project.series, rules);
  const count = zero();
  const cpu = zero();
  const mem = zero();
  let cpuTotal = 0;
  let memTotal = 0;
  servers.forEach((_, i) => {
    const cb = BASES[sizing.basis[i * 2]];
    const mb = BASES[sizing.basis[i * 2 + 1]];
    count[cb]++;
    cpu[cb] += sizing.peak[i * DIMS];
    mem[mb] += sizing.peak[i * DIMS + 1];
    cpuTotal += sizing.peak[i * DIMS];
    memTotal += sizing.peak[i * DIMS + 1];
  });
  for (const b of BASES) {
    cpu[b] = cpuTotal > 0 ? cpu[b] / cpuTotal : 0;
    mem[b] = memTotal > 0 ? mem[b] / memTotal : 0;
  }
  const calib = new Map<string, { servers: number; sum: number }>();
  for (const s of servers) {
    const snap = s.usage?.snapshot;
    if (!snap?.calibratedBy) continue;
    const key = s.sourceCluster ?? snap.calibratedBy;
    const c = calib.get(key) ?? { servers: 0, sum: 0 };
    c.servers++;
    c.sum += snap.cpuCalibration;
    calib.set(key, c);
  }
  return {
    mode: rules.sizing ?? 'performance',
    servers: count,
    cpu,
    memory: mem,
    notMeasuredCpu: cpu.snapshot + cpu.allocation,
    assumedCpuPct: rules.assumedCpuPct ?? 100,
    assumedMemPct: rules.assumedMemPct ?? 100,
    profile: rules.unmeasuredProfile ?? 'assumed',
    calibration: [...calib].map(([by, c]) => ({ by, servers: c.servers, meanCpuFactor: c.sum / c.servers })),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "Sizing basis: measured A%, summaries B%, snapshot C%, allocation D% of CPU demand (memory: ...)". */
export function basisLine(b: BasisSummary): string {
  const part = (s: BasisShares) => `measured ${pct(s.measured)}, summaries ${pct(s.summary)}, snapshot ${pct(s.snapshot)}, allocation ${pct(s.allocation)}`;
  return `Sizing basis (${b.mode}): ${part(b.cpu)} of CPU demand; ${part(b.memory)} of memory`;
}

export type HostRange = { p10: number; p50: number; p90: number; draws: number; method: string };

export const DRAWS = 41;

function volumeBound(project: Project, scenarioId: string, rules: SizingRules, plan: Plan, peak: Float32Array): number {
  const scenario = project.estate.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return 0;
  const idx = new Map(project.estate.servers.map((s, i) => [s.id, i]));
  const perSite = new Map<string, [number, number]>();
  for (const a of plan.assignments) {
    if (a.targetDataCentreId === null || a.hostLabel === null) continue;
    const i = idx.get(a.serverId);
    if (i === undefined) continue;
    const d = perSite.get(a.targetDataCentreId) ?? [0, 0];
    d[0] += peak[i * DIMS];
    d[1] += peak[i * DIMS + 1];
    perSite.set(a.targetDataCentreId, d);
  }
  let total = 0;
  for (const [dc, [c, m]] of perSite) {
    const model = siteModel(project.estate, scenario, rules, dc);
    const need = Math.max(Math.ceil(c / model.capacity[0]), Math.ceil(m / model.capacity[1]));
    total += need + (rules.nPlusOne && need > 0 ? 1 : 0);
  }
  return total;
}

/** P10/P50/P90 host counts over seeded draws of the unmeasured servers' profiles, or null when none applies. */
export function hostRange(project: Project, scenarioId: string, plan: Plan, seed = 1): HostRange | null {
  const rules = scenarioRules(project, scenarioId);
  if (rules.sizing === 'allocated') return null;
  const servers = project.estate.servers;
  const base = sizeServers(servers, project.series, rules);
  const unmeasured: number[] = [];
  servers.forEach((_, i) => {
    if (BASES[base.basis[i * 2]] === 'allocation') unmeasured.push(i);
  });
  if (unmeasured.length === 0) return null;
  const pool = similarPool(servers, rules);
  if (pool.draw(servers[unmeasured[0]], 'probe') === null) return null;
  const baseBound = volumeBound(project, scenarioId, rules, plan, base.peak);
  if (baseBound <= 0) return null;
  const growth = 1 + rules.growthPct / 100;
  const counts: number[] = [];
  const peak = Float32Array.from(base.peak);
  const similar: SizingRules = { ...rules, unmeasuredProfile: 'similar' };
  for (let k = 0; k < DRAWS; k++) {
    for (const i of unmeasured) {
      const s: Server = servers[i];
      const p = profileOf(s, similar, pool, `range|${seed}|${k}`);
      peak[i * DIMS] = (p.cpuPct / 100) * s.cores * s.ratingPerCore * growth;
      peak[i * DIMS + 1] = (p.memPct / 100) * s.memoryGiB * growth;
    }
    counts.push(Math.max(1, Math.round((plan.hostsUsed * volumeBound(project, scenarioId, rules, plan, peak)) / baseBound)));
  }
  counts.sort((a, b) => a - b);
  const q = (p: number) => counts[Math.min(counts.length - 1, Math.floor(p * counts.length))];
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9), draws: DRAWS, method: 'plan hosts x volume bound of each draw / volume bound of the plan' };
}

export function rangeLine(r: HostRange): string {
  return `Host range: ${r.p10}-${r.p90} hosts (80% range, median ${r.p50}; ${r.draws} seeded draws of the unmeasured servers' profiles; ${r.method})`;
}
