/**
 * From packing solutions to the Plan: host labels (`<dcId>-h001`, pinned labels kept), per-host loads,
 * N+1 spares, per-site summaries with facility checks, bounds and gap, the cost breakdown, unplaced servers
 * with what blocks them, and the WAN links before and after.
 */
import { packsPoolOnly, type ClassSolution } from '../classes/class-pack.ts';
import type { EngineContext } from '../context.ts';
import { peakOfSumBound, type PackClass } from '../classes/pack-input.ts';
import { Heartbeat, noTick, PER_ENTRY, type Tick } from '../../util/progress.ts';
import {
  horizonMonthsOf,
  DIMENSIONS,
  RACK_UNITS_PER_RACK,
  gapPercent,
  type Assignment,
  type Bounds,
  type CostBreakdown,
  type Dimension,
  type LinkLoad,
  type HostPlan,
  type Plan,
  type SiteSummary,
  type Unplaced,
  type Violation,
} from '../plan.ts';
import { planCostLowerBound } from './cost-bound.ts';
import type { SitePlan } from '../sites/sites.ts';
import { DIMS, type Sizing } from '../sizing/sizing.ts';

export type LowerBound = (input: PackClass['input']) => number;

const perDim = (f: (d: number) => number): Record<Dimension, number> =>
  Object.fromEntries(DIMENSIONS.map((d, i) => [d, f(i)])) as Record<Dimension, number>;

/**
 * The packer's bin bound (L2, conflict cliques) is used for classes up to this many items. Measured on the
 * generated 30k-server estate: with 200 it raised no class bound above peak-of-sum/clique and cost 3.8 s of
 * 13.7 s CPU to the first plan, so it is off by default (0); raise it for estates with very large servers.
 */
export const PACKER_BOUND_MAX_ITEMS = 0;

/**
 * Hosts bound of a class. `sol` decides the structure: a licence-pooled solution is bounded with its pools
 * apart (class-bound.ts), any other one (or none) with windows apart only.
 */
export function classBound(c: PackClass, lowerBound?: LowerBound, sol?: ClassSolution | null): number {
  const packerBound = lowerBound && c.input.itemCount <= PACKER_BOUND_MAX_ITEMS ? lowerBound(c.input) : 0;
  const structural = sol?.binPool ? c.bounds.pooled : c.bounds.mixed;
  return Math.max(peakOfSumBound(c.sums, c.input.binTypes[0].capacity), c.clique, structural, packerBound);
}

/** Summed sizes of a host's items: all coordinates, the hourly load (dims x hours) and the peak per dimension. */
function hostLoad(sizes: Float64Array, items: readonly number[], C: number, H: number): { sums: Float64Array; load: Float32Array; peaks: Float64Array } {
  const sums = new Float64Array(C);
  for (const it of items) {
    const base = it * C;
    for (let k = 0; k < C; k++) sums[k] += sizes[base + k];
  }
  const load = new Float32Array(DIMS * H);
  const peaks = new Float64Array(DIMS);
  for (let d = 0; d < DIMS; d++) {
    let mx = 0;
    for (let h = 0; h < H; h++) {
      const v = sums[d * H + h];
      load[d * H + h] = v;
      if (v > mx) mx = v;
    }
    peaks[d] = mx;
  }
  return { sums, load, peaks };
}

export function assemble(
  ctx: EngineContext,
  sizing: Sizing,
  sites: SitePlan,
  classes: readonly PackClass[],
  solutions: readonly ClassSolution[],
  opts: { final: boolean; classBounds: readonly number[]; links: LinkLoad[] },
  tick: Tick = noTick,
): Plan {
  const { servers, rules } = ctx;
  const H = sizing.hours;
  const C = DIMS * H + 1;
  const violations: Violation[] = [...sites.violations];
  const hostLabelOf: (string | null)[] = new Array<string | null>(servers.length).fill(null);
  const packBlocked = new Map<number, string[]>();
  const hosts: HostPlan[] = [];
  const usedLabels = new Map<string, Set<string>>();
  const counters = new Map<string, number>();
  const labelsOf = (d: string) => {
    let s = usedLabels.get(d);
    if (!s) usedLabels.set(d, (s = new Set()));
    return s;
  };
  for (const c of classes) for (const l of c.fixedLabels) labelsOf(c.dataCentreId).add(l);
  const nextLabel = (d: string): string => {
    const used = labelsOf(d);
    let k = counters.get(d) ?? 0;
    let label: string;
    do label = `${d}-h${String(++k).padStart(3, '0')}`;
    while (used.has(label));
    counters.set(d, k);
    used.add(label);
    return label;
  };
  const claimedFixed = new Set<string>();
  const poolOf = new Map<number, string>();
  // Host loads sum every item's coordinates and the later loops visit every server: a large class or estate
  // takes a while, so the loops count their work and report progress.
  const meter = new Heartbeat(tick);
  for (let ci = 0; ci < classes.length; ci++) {
    const c = classes[ci];
    if ((ci & 7) === 7) tick((0.5 * ci) / classes.length);
    const sol = solutions[ci];
    const bins = sol.binType.length;
    const binItems: number[][] = Array.from({ length: bins }, () => []);
    sol.binOf.forEach((b, it) => {
      if (b >= 0) binItems[b].push(it);
    });
    for (const it of sol.unplaced) {
      const row = c.input.sizes.subarray(it * C, (it + 1) * C);
      const cap = c.input.binTypes[0].capacity;
      const over: string[] = [];
      for (let d = 0; d < DIMS; d++) for (let h = 0; h < H; h++) if (row[d * H + h] > cap[d * H + h]) {
        over.push(DIMENSIONS[d]);
        break;
      }
      if (row[C - 1] > cap[C - 1]) over.push('vCPU overcommit');
      const why = over.length > 0 ? [`larger than one ${c.model.model.id} host (${over.join(', ')})`] : ['anti-affinity/DR conflicts leave no host'];
      for (const m of c.items[it]) packBlocked.set(m, why);
    }
    for (let b = 0; b < bins; b++) {
      const items = binItems[b];
      if (items.length === 0) continue;
      let label: string;
      const key = `${c.dataCentreId}\u0000${c.fixedLabels[b]}`;
      if (b < c.fixedLabels.length && !claimedFixed.has(key)) {
        label = c.fixedLabels[b];
        claimedFixed.add(key);
      } else {
        label = nextLabel(c.dataCentreId);
        if (b < c.fixedLabels.length) violations.push({ kind: 'pin', serverIds: items.flatMap((it) => c.items[it].map((m) => servers[m].id)), message: `host ${c.fixedLabels[b]} is pinned by servers of different compatibility classes; these went to ${label}` });
      }
      const ids: string[] = [];
      const pool = sol.binPool?.[b] ? sol.binPool[b].split('+').map((p) => c.productLabels[Number(p)] ?? p).join('+') : '';
      for (const it of items) {
        for (const m of c.items[it]) {
          ids.push(servers[m].id);
          hostLabelOf[m] = label;
          if (pool !== '') poolOf.set(m, pool);
        }
      }
      if (c.windows.length > 1) {
        const ws = new Set(items.map((it) => c.windowOf[it]).filter((w) => w >= 0));
        if (ws.size > 1) violations.push({ kind: 'pin', serverIds: ids, message: `${label} mixes maintenance windows ${[...ws].map((w) => c.windows[w]).join(', ')}, forced by pins` });
      }
      meter.add(C * (items.length + 1), (0.5 * ci) / classes.length);
      const { sums, load, peaks } = hostLoad(c.input.sizes, items, C, H);
      const peak = perDim((d) => peaks[d]);
      const capacity = perDim((d) => c.model.capacity[d]);
      const over = DIMENSIONS.filter((d) => peak[d] > capacity[d] * (1 + 1e-6) + 1e-6);
      if (over.length > 0 || sums[C - 1] > c.model.vcpuLimit + 1e-9) {
        violations.push({ kind: 'capacity', serverIds: ids, message: `${label} is over capacity (${[...over, ...(sums[C - 1] > c.model.vcpuLimit ? ['vCPU'] : [])].join(', ')}), forced by pins` });
      }
      hosts.push({ label, dataCentreId: c.dataCentreId, hostModelId: c.model.model.id, classKey: pool !== '' ? `${c.classKey}|pool:${pool}` : c.classKey, serverIds: ids, spare: false, peak, capacity, vcpus: sums[C - 1], vcpuLimit: c.model.vcpuLimit, load });
    }
  }
  tick(0.6);
  // Pinned host labels that could not be honoured.
  if (ctx.pinOf.size > 0) servers.forEach((s, i) => {
    const pin = ctx.pinOf.get(s.id);
    if (pin?.hostLabel && hostLabelOf[i] !== null && hostLabelOf[i] !== pin.hostLabel) {
      violations.push({ kind: 'pin', serverIds: [s.id], message: `${s.id} is pinned to host ${pin.hostLabel} but runs on ${hostLabelOf[i]}` });
    }
  });
  const siteIds = [...new Set([...ctx.kept, ...sites.models.keys()])].filter((d) => sites.models.has(d));
  if (rules.nPlusOne) {
    for (const d of siteIds) {
      if (!hosts.some((h) => h.dataCentreId === d)) continue;
      const m = sites.models.get(d);
      if (!m) continue;
      hosts.push({ label: nextLabel(d), dataCentreId: d, hostModelId: m.model.id, classKey: 'spare', serverIds: [], spare: true, peak: perDim(() => 0), capacity: perDim((k) => m.capacity[k]), vcpus: 0, vcpuLimit: m.vcpuLimit, load: new Float32Array(DIMS * H) });
    }
  }
  tick(0.65);
  // Bounds per site.
  const perSite: Bounds['perSite'] = {};
  for (const d of siteIds) {
    const cls = classes.filter((c) => c.dataCentreId === d);
    if (cls.length === 0) continue;
    const sums = new Float64Array(C);
    for (const c of cls) for (let k = 0; k < C; k++) sums[k] += c.sums[k];
    const peakOfSum = peakOfSumBound(sums, cls[0].input.binTypes[0].capacity);
    let classSum = 0;
    let hardSum = 0;
    let ownSum = 0;
    classes.forEach((c, ci) => {
      if (c.dataCentreId !== d) return;
      // this plan's own structure: every class it keeps in licence pools bounded with its pools apart
      ownSum += Math.max(opts.classBounds[ci], classBound(c, undefined, solutions[ci]));
      // pools bound a class only when it is always packed in pools: then every plan of the run has the same bound
      // (a class packed both ways keeps whichever is cheaper, so only its mixed bound holds for all its plans)
      classSum += Math.max(opts.classBounds[ci], classBound(c, undefined, packsPoolOnly(c.input) ? solutions[ci] : null));
      hardSum += Math.max(opts.classBounds[ci], classBound(c));
    });
    const anti = Math.max(...cls.map((c) => c.clique));
    const spare = (x: number) => x + (rules.nPlusOne && x > 0 ? 1 : 0);
    // the site's bound from a sum of class bounds: never below its peak-of-sum or its largest clique
    const site = (sum: number) => spare(Math.max(peakOfSum, sum, anti));
    perSite[d] = { peakOfSum, classes: classSum, antiAffinity: anti, bound: site(classSum), hardRules: site(hardSum), ownPools: site(ownSum) };
  }
  const sumOf = (pick: (b: Bounds['perSite'][string]) => number) => Object.values(perSite).reduce((a, b) => a + pick(b), 0);
  const boundTotal = sumOf((b) => b.bound);
  const hardTotal = sumOf((b) => b.hardRules ?? b.bound);
  const ownTotal = sumOf((b) => b.ownPools ?? b.bound);
  tick(0.7);
  // Cost.
  const inForce = ctx.estate.licenceModels.filter((l) => ctx.scenario.licenceModelIds.includes(l.id));
  const modelById = new Map(ctx.estate.hostModels.map((h) => [h.id, h]));
  const horizon = horizonMonthsOf(ctx.estate);
  const serverById = new Map(servers.map((s) => [s.id, s]));
  tick(0.72);
  let hostPurchase = 0;
  let hostRunning = 0;
  const siteCost = new Map<string, number>();
  const licences: CostBreakdown['licences'] = inForce.map((l) => ({ licenceModelId: l.id, metric: l.metric, units: 0, cost: 0 }));
  // Lower bound on per-host licence units: per class, the hosts that must carry each product.
  inForce.forEach((l, li) => {
    if (l.metric === 'per-vm') return;
    let units = 0;
    for (const c of classes) {
      const pi = c.productLabels.findIndex((lab) => lab.split('+').includes(l.id));
      if (pi >= 0) units += c.productBound[pi] * (l.metric === 'per-host-core' ? Math.max(c.model.model.cores, l.minCoresPerHost) : c.model.model.sockets);
    }
    licences[li].boundUnits = units;
  });
  for (const h of hosts) {
    meter.add(PER_ENTRY * (h.serverIds.length + 1), 0.75);
    const m = modelById.get(h.hostModelId);
    if (!m) continue;
    hostPurchase += m.price;
    hostRunning += m.costPerMonth * horizon;
    let c = m.price + m.costPerMonth * horizon;
    const products = new Set(h.serverIds.flatMap((id) => serverById.get(id)?.licensedProductIds ?? []));
    inForce.forEach((l, li) => {
      if (l.metric === 'per-vm' || !products.has(l.productId)) return;
      const units = l.metric === 'per-host-core' ? Math.max(m.cores, l.minCoresPerHost) : m.sockets;
      licences[li].units += units;
      licences[li].cost += units * l.price;
      c += units * l.price;
    });
    siteCost.set(h.dataCentreId, (siteCost.get(h.dataCentreId) ?? 0) + c);
  }
  inForce.forEach((l, li) => {
    if (l.metric !== 'per-vm') return;
    servers.forEach((s, i) => {
      if (hostLabelOf[i] !== null && s.licensedProductIds.includes(l.productId)) {
        licences[li].units++;
        licences[li].cost += l.price;
      }
    });
  });
  tick(0.78);
  const licenceTotal = licences.reduce((a, l) => a + l.cost, 0);
  const costBound = planCostLowerBound(perSite, (d) => sites.models.get(d)?.model, licences, inForce, horizon);
  const cost: CostBreakdown = { horizonMonths: horizon, hostPurchase, hostRunning, licences, licenceTotal, total: hostPurchase + hostRunning + licenceTotal };
  tick(0.8);
  // Assignments and unplaced.
  const unplaced: Unplaced[] = [];
  const assignments: Assignment[] = [];
  for (let i = 0; i < servers.length; i++) {
    meter.add(PER_ENTRY, 0.85);
    const s = servers[i];
    let target = sites.site[i];
    let reason = sites.reason[i];
    let detail = sites.detail[i];
    const pool = poolOf.get(i);
    if (pool !== undefined) detail = `${detail}; licence pool ${pool}`;
    const blocked = packBlocked.get(i);
    if (blocked) {
      target = null;
      reason = 'unplaced';
      detail = blocked.join('; ');
    }
    if (target === null) unplaced.push({ serverId: s.id, blockedBy: blocked ?? sites.blockedBy.get(i) ?? ['no allowed site'] });
    assignments.push({ serverId: s.id, sourceDataCentreId: s.dataCentreId, targetDataCentreId: target, hostLabel: target === null ? null : hostLabelOf[i], reason, detail });
  }
  tick(0.9);
  // Site summaries with facility checks.
  const dcById = new Map(ctx.estate.dataCentres.map((d) => [d.id, d]));
  const summaries: SiteSummary[] = [];
  for (const d of siteIds) {
    tick(0.95);
    const m = sites.models.get(d);
    const dc = dcById.get(d);
    if (!m || !dc) continue;
    const siteHosts = hosts.filter((h) => h.dataCentreId === d);
    const here = assignments.filter((a) => a.targetDataCentreId === d);
    tick(0.95);
    const physical = here.filter((a) => a.reason === 'stays-physical' || (a.hostLabel === null && !serverById.get(a.serverId)?.virtualisable));
    let physW = 0;
    let movedRU = 0;
    for (const a of physical) {
      const s = serverById.get(a.serverId);
      if (!s) continue;
      physW += s.powerW;
      if (s.dataCentreId !== d) movedRU += s.rackUnits;
    }
    const powerKw = (siteHosts.length * m.model.powerW + physW) / 1000;
    const racks = dc.racksUsed + Math.ceil((siteHosts.length * m.model.rackUnits) / RACK_UNITS_PER_RACK) + Math.ceil(movedRU / RACK_UNITS_PER_RACK);
    if (dc.powerKw > 0 && powerKw > dc.powerKw + 1e-9) violations.push({ kind: 'facility', serverIds: [], message: `${d} needs ${powerKw.toFixed(1)} kW, more than its ${dc.powerKw} kW` });
    if (dc.rackCapacity > 0 && racks > dc.rackCapacity) violations.push({ kind: 'facility', serverIds: [], message: `${d} needs ${racks} racks, more than its ${dc.rackCapacity}` });
    const bound = perSite[d]?.bound ?? 0;
    summaries.push({
      dataCentreId: d,
      hostModelId: m.model.id,
      servers: here.length,
      physicalServers: physical.length,
      hosts: siteHosts.length,
      spareHosts: siteHosts.filter((h) => h.spare).length,
      bound,
      gapPct: gapPercent(siteHosts.length, bound),
      powerKw,
      powerLimitKw: dc.powerKw,
      racks,
      rackLimit: dc.rackCapacity,
      cost: siteCost.get(d) ?? 0,
    });
  }
  return {
    scenarioId: ctx.scenario.id,
    seed: ctx.scenario.seed,
    hours: H,
    assignments,
    hosts,
    sites: summaries,
    links: opts.links,
    bounds: { perSite, total: boundTotal, hardRules: hardTotal, ownPools: ownTotal, cost: costBound },
    hostsUsed: hosts.length,
    gapPct: gapPercent(hosts.length, boundTotal),
    cost,
    unplaced,
    violations,
    gapFills: sizing.gapFills,
    final: opts.final,
  };
}
