/**
 * Site planning: the target data centre of every server among the scenario's kept sites.
 * Placement groups: an application moves as a unit with its affinity groups; the DR secondary of a pair
 * (the later server, unless it is pinned) is its own group so it can go to another site. Hard rules: DR
 * partners in different sites, zone residency, user latency (front tiers), tier latency between groups of one
 * application (DR secondaries exempt: they serve when the primary site is down), facility limits (estimated
 * from the peak of the summed demand x FACILITY_SLACK). Soft: WAN traffic (average Mbps x links crossed) and
 * migration distance (source-to-target latency). Link overload is reported (topology.ts), not optimised: a
 * penalty on it was tried and made plans dearer without reducing the overload on the sample estate. Greedy (most constrained first) then local improvement.
 */
import { type EngineContext, type SiteModel, siteModel } from '../context.ts';
import { placementGroups } from './site-groups.ts';
import { Heartbeat, noTick, PER_ENTRY, type Tick } from '../../util/progress.ts';
import { DIMENSIONS, RACK_UNITS_PER_RACK, type PlacementReason, type Violation } from '../plan.ts';
import { serverSiteRules } from './site-rules.ts';
import { DIMS, type Sizing } from '../sizing/sizing.ts';
import { latencyBetween } from './topology.ts';

/** Packing rarely beats the peak-of-sum bound by much: plan facilities for bound x this. */
export const FACILITY_SLACK = 1.1;
/**
 * Classes (windows, zones, departments) make a site need more hosts than its peak-of-sum bound: among the
 * sites that pass, those with room for bound x this are preferred, so a tight site takes no more servers
 * while another kept site has room.
 */
export const FACILITY_ROOM = 1.3;
/** A figure for a message: whole numbers above 10, else up to 2 decimals. */
const fig = (x: number): string => (Math.abs(x) >= 10 ? String(Math.round(x)) : String(Math.round(x * 100) / 100));

/** Soft-cost weight of migration: Mbps-equivalents per server per ms of source-to-target latency. */
export const MIGRATION_WEIGHT = 0.1;

export type SitePlan = {
  /** Target site per server (estate order); null = unplaced. */
  site: (string | null)[];
  reason: PlacementReason[];
  detail: string[];
  blockedBy: Map<number, string[]>;
  violations: Violation[];
  /** Site models of every site used (kept sites and pin targets). */
  models: Map<string, SiteModel>;
};

export function planSites(ctx: EngineContext, sizing: Sizing, tick: Tick = noTick): SitePlan {
  const { servers, rules } = ctx;
  const n = servers.length;
  const H = sizing.hours;
  const rulesOf = serverSiteRules(ctx, () => tick(0.01));
  tick(0.02);
  const site: (string | null)[] = new Array<string | null>(n).fill(null);
  const reason: PlacementReason[] = new Array<PlacementReason>(n).fill('cheapest-feasible');
  const detail: string[] = new Array<string>(n).fill('');
  const blockedBy = new Map<number, string[]>();
  const violations: Violation[] = [];
  const models = new Map(ctx.siteModels);
  const partnerOf = new Int32Array(n).fill(-1);
  servers.forEach((s, i) => {
    const p = s.drPartnerId !== null ? ctx.serverIndex.get(s.drPartnerId) : undefined;
    if (p !== undefined) partnerOf[i] = p;
  });
  const pinned = (i: number) => ctx.pinOf.has(servers[i].id);
  const secondary = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = partnerOf[i];
    if (p < 0) continue;
    const iIsLater = i > p;
    if ((iIsLater && !pinned(i)) || (!iIsLater && pinned(p) && !pinned(i))) secondary[i] = 1;
  }

  // Pins first: respected, never silently fixed; their rule breaks are reported.
  for (const [serverId, pin] of ctx.pinOf) {
    const i = ctx.serverIndex.get(serverId);
    if (i === undefined) continue;
    const s = servers[i];
    const target = pin.dataCentreId ?? s.dataCentreId;
    if (!ctx.kept.includes(target)) {
      // A closed site has no hosts: the server is unplaced for that reason, never "placed" there on 0 hosts.
      reason[i] = 'unplaced';
      detail[i] = `pinned to ${target}, which the scenario closes`;
      blockedBy.set(i, [`pinned to ${target}, which the scenario does not keep (closed): unpin it or keep ${target}`]);
      violations.push({ kind: 'pin', serverIds: [s.id], message: `${s.id} is pinned to ${target}, which the scenario does not keep` });
      continue;
    }
    site[i] = target;
    reason[i] = 'pinned';
    detail[i] = `pinned to ${target}${pin.hostLabel ? ` host ${pin.hostLabel}` : ''}`;
    if (!models.has(target)) models.set(target, siteModel(ctx.estate, ctx.scenario, rules, target));
    if (!rulesOf[i].byZone.includes(target) && ctx.kept.includes(target)) violations.push({ kind: 'zone', serverIds: [s.id], message: `${s.id} is pinned to ${target}, outside the residency of zone ${s.zoneId}` });
    else if (!rulesOf[i].allowed.includes(target) && rulesOf[i].byZone.includes(target)) violations.push({ kind: 'latency', serverIds: [s.id], message: `${s.id} is pinned to ${target}, beyond its application's user latency budget` });
  }

  tick(0.03);
  // Placement groups: application + affinity groups (DR secondaries on their own, with their affinity mates).
  const groups = placementGroups(ctx, rulesOf, secondary, pinned, site, violations, () => tick(0.04));

  tick(0.05);
  // Facility tracking: per-site summed demand (dims x hours) and physical servers.
  const siteIds = [...models.keys()];
  const demand = new Map(siteIds.map((d) => [d, new Float64Array(DIMS * H)]));
  const vcpus = new Map(siteIds.map((d) => [d, 0]));
  const physW = new Map(siteIds.map((d) => [d, 0]));
  const physRU = new Map(siteIds.map((d) => [d, 0]));
  const dcById = new Map(ctx.estate.dataCentres.map((d) => [d.id, d]));
  // Sum of the servers' peaks per dimension: an upper bound of the peak of the sum, cheap to keep; the
  // hourly sums are only consulted when this quick estimate says a site is full.
  const peakSum = new Map(siteIds.map((d) => [d, new Float64Array(DIMS)]));
  const applyCheap = (members: readonly number[], d: string, sign: number) => {
    const ps = peakSum.get(d);
    if (!ps) return;
    for (const m of members) {
      const s = servers[m];
      if (!s.virtualisable) {
        physW.set(d, (physW.get(d) ?? 0) + sign * s.powerW);
        if (s.dataCentreId !== d) physRU.set(d, (physRU.get(d) ?? 0) + sign * s.rackUnits);
        continue;
      }
      vcpus.set(d, (vcpus.get(d) ?? 0) + sign * s.cores);
      for (let k = 0; k < DIMS; k++) ps[k] += sign * sizing.peak[m * DIMS + k];
    }
  };
  const applyHourly = (members: readonly number[], d: string, sign: number) => {
    const dem = demand.get(d);
    if (!dem) return;
    for (const m of members) {
      if (!servers[m].virtualisable) continue;
      const base = m * DIMS * H;
      for (let k = 0; k < DIMS * H; k++) dem[k] += sign * sizing.demand[base + k];
    }
  };
  const apply = (members: readonly number[], d: string, sign: number) => {
    applyCheap(members, d, sign);
    applyHourly(members, d, sign);
  };
  const hostsNeeded = (d: string, quick: boolean, slack: number): number => {
    const sm = models.get(d);
    const dem = demand.get(d);
    const ps = peakSum.get(d);
    if (!sm || !dem || !ps) return 0;
    let need = Math.ceil((vcpus.get(d) ?? 0) / sm.vcpuLimit);
    for (let k = 0; k < DIMS; k++) {
      let mx = 0;
      if (quick) mx = ps[k];
      else for (let h = 0; h < H; h++) mx = Math.max(mx, dem[k * H + h]);
      need = Math.max(need, Math.ceil(mx / sm.capacity[k]));
    }
    return Math.ceil(need * slack) + (rules.nPlusOne ? 1 : 0);
  };
  /** Why one host at `d` cannot hold a member on its own (headroom or a small model), with figures; else null. */
  const hostTooSmall = (members: readonly number[], d: string): string | null => {
    const sm = models.get(d);
    if (!sm) return null;
    for (const m of members) {
      if (!servers[m].virtualisable) continue;
      for (let k = 0; k < DIMS; k++) {
        const need = sizing.peak[m * DIMS + k];
        if (need <= sm.capacity[k]) continue;
        const dim = DIMENSIONS[k];
        const headroom = rules.headroomPct[dim];
        const room = headroom > 0 ? ` after ${headroom}% headroom` : '';
        const cause = headroom >= 100 ? `: ${headroom}% ${dim} headroom leaves no room on any host` : '';
        return `host too small at ${d}: ${servers[m].id} needs ${fig(need)} ${dim} at peak, one ${sm.model.id} host offers ${fig(sm.capacity[k])}${room}${cause}`;
      }
      if (servers[m].cores > sm.vcpuLimit) {
        return `host too small at ${d}: ${servers[m].id} has ${servers[m].cores} vCPUs, one ${sm.model.id} host allows ${fig(sm.vcpuLimit)} (${sm.model.cores} cores x ${rules.cpuOvercommit} overcommit)`;
      }
    }
    return null;
  };
  const facilityOk = (d: string, quick = false, slack = FACILITY_SLACK): boolean => {
    const dc = dcById.get(d);
    const sm = models.get(d);
    if (!dc || !sm) return false;
    const hosts = hostsNeeded(d, quick, slack);
    // a limit of 0 is unknown (imported sites): not enforced
    const powerOk = dc.powerKw <= 0 || hosts * sm.model.powerW + (physW.get(d) ?? 0) <= dc.powerKw * 1000;
    const racks = dc.racksUsed + Math.ceil((hosts * sm.model.rackUnits) / RACK_UNITS_PER_RACK) + Math.ceil((physRU.get(d) ?? 0) / RACK_UNITS_PER_RACK);
    return powerOk && (dc.rackCapacity <= 0 || racks <= dc.rackCapacity);
  };
  for (let i = 0; i < n; i++) if (site[i] !== null) apply([i], site[i] as string, 1);

  tick(0.06);
  // Soft cost: flows by server, average Mbps.
  const flowsOf: number[][] = Array.from({ length: n }, () => []);
  const flows = ctx.estate.flows;
  const avg = new Float64Array(flows.length);
  const meter = new Heartbeat(tick);
  for (let fi = 0; fi < flows.length; fi++) {
    meter.add(PER_ENTRY + flows[fi].hourlyMbps.length, 0.07);
    const f = flows[fi];
    avg[fi] = f.hourlyMbps.reduce((a, b) => a + b, 0) / f.hourlyMbps.length;
    for (const ep of [f.from, f.to]) if (ep.kind === 'server') {
      const i = ctx.serverIndex.get(ep.id);
      if (i !== undefined) flowsOf[i].push(fi);
    }
  }
  const topo = ctx.topology;
  const N = topo.nodeIds.length;
  const hops = (a: string, b: string): number => {
    if (a === b) return 0;
    const i = topo.nodeIndex.get(a);
    const j = topo.nodeIndex.get(b);
    if (i === undefined || j === undefined) return 10;
    const p = topo.paths[i * N + j];
    return p.length === 0 ? 10 : p.length;
  };
  const groupOf = new Int32Array(n).fill(-1);
  groups.forEach((g, gi) => g.members.forEach((m) => (groupOf[m] = gi)));
  const softCost = (gi: number, d: string): number => {
    const g = groups[gi];
    let c = 0;
    for (const m of g.members) {
      const lat = latencyBetween(topo, servers[m].dataCentreId, d);
      c += MIGRATION_WEIGHT * (Number.isFinite(lat) ? lat : 1000);
      for (const fi of flowsOf[m]) {
        const f = flows[fi];
        const other = f.from.kind === 'server' && f.from.id === servers[m].id ? f.to : f.from;
        let loc: string | null;
        if (other.kind === 'userSite') loc = other.id;
        else {
          const o = ctx.serverIndex.get(other.id);
          if (o === undefined || groupOf[o] === gi) continue;
          loc = site[o] ?? servers[o].dataCentreId;
        }
        c += avg[fi] * hops(d, loc);
      }
    }
    return c;
  };
  const tierLatencyOk = (gi: number, d: string): boolean => {
    const g = groups[gi];
    if (g.drSecondary || g.app === null) return true;
    const app = ctx.appById.get(g.app);
    if (!app || app.tierLatencyBudgetMs === null) return true;
    for (const [ogi, od] of placedByApp.get(g.app) ?? []) {
      if (ogi === gi || od === d) continue;
      const om = groups[ogi].tierMask;
      const adjacent = (om << 1) & g.tierMask || (g.tierMask << 1) & om || om & g.tierMask;
      if (adjacent && latencyBetween(topo, od, d) > app.tierLatencyBudgetMs) return false;
    }
    return true;
  };
  const placedByApp = new Map<string, Map<number, string>>();
  const drBlocked = (gi: number, d: string): number => {
    for (const m of groups[gi].members) if (partnerOf[m] >= 0 && groupOf[partnerOf[m]] !== gi && site[partnerOf[m]] === d) return partnerOf[m];
    return -1;
  };
  const place = (gi: number, d: string | null) => {
    const g = groups[gi];
    const old = site[g.members[0]];
    if (old !== null) apply(g.members, old, -1);
    for (const m of g.members) site[m] = d;
    if (d !== null) apply(g.members, d, 1);
    if (g.app !== null) {
      let m = placedByApp.get(g.app);
      if (!m) placedByApp.set(g.app, (m = new Map()));
      if (d === null) m.delete(gi);
      else m.set(gi, d);
    }
  };
  const whyNot = (gi: number, d: string, slack = FACILITY_SLACK): string | null => {
    const p = drBlocked(gi, d);
    if (p >= 0) return `DR partner ${servers[p].id} is at ${d}`;
    if (!tierLatencyOk(gi, d)) return `tier latency budget to the rest of the application rules out ${d}`;
    const members = groups[gi].members;
    const tooSmall = hostTooSmall(members, d);
    if (tooSmall !== null) return tooSmall;
    applyCheap(members, d, 1);
    let ok = facilityOk(d, true, slack);
    if (!ok) {
      applyHourly(members, d, 1);
      ok = facilityOk(d, false, slack);
      applyHourly(members, d, -1);
    }
    applyCheap(members, d, -1);
    return ok ? null : `facility limits (power/racks) at ${d}`;
  };

  // Greedy, most constrained first.
  for (let gi = 0; gi < groups.length; gi++) {
    if ((gi & 15) === 15) tick(0.1 + (0.6 * gi) / groups.length);
    const g = groups[gi];
    const candidates = g.forced !== null ? [g.forced] : g.allowed;
    let best: string | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestRoomy = false;
    const reasons: string[] = [];
    for (const d of candidates) {
      const why = g.forced !== null ? null : whyNot(gi, d);
      if (why !== null) {
        reasons.push(why);
        continue;
      }
      // A site with room beats a tight one whatever the soft cost.
      const roomy = g.forced !== null || candidates.length === 1 || whyNot(gi, d, FACILITY_ROOM) === null;
      const c = softCost(gi, d);
      if ((roomy && !bestRoomy) || (roomy === bestRoomy && c < bestCost)) {
        bestCost = c;
        best = d;
        bestRoomy = roomy;
      }
    }
    if (best === null) {
      const own = new Set<string>();
      for (const m of g.members) for (const e of rulesOf[m].excluded) own.add(e);
      for (const m of g.members) blockedBy.set(m, [...own, ...reasons]);
    }
    place(gi, best);
  }
  // Local improvement: move a group when the soft cost drops and the hard rules still hold.
  for (let pass = 0; pass < 2; pass++) {
    let moved = 0;
    for (let gi = 0; gi < groups.length; gi++) {
      if ((gi & 15) === 15) tick(0.7 + 0.15 * (pass + gi / groups.length));
      const g = groups[gi];
      const cur = site[g.members[0]];
      if (cur === null || g.forced !== null || g.allowed.length < 2) continue;
      let best = cur;
      let bestCost = softCost(gi, cur) - 1e-9;
      for (const d of g.allowed) {
        if (d === cur) continue;
        const c = softCost(gi, d);
        if (c < bestCost && whyNot(gi, d, FACILITY_ROOM) === null) {
          bestCost = c;
          best = d;
        }
      }
      if (best !== cur) {
        place(gi, best);
        moved++;
      }
    }
    if (moved === 0) break;
  }

  // Reasons.
  for (const g of groups) {
    const only = g.allowed.length === 1;
    for (const m of g.members) {
      const s = servers[m];
      const d = site[m];
      if (d === null) {
        reason[m] = 'unplaced';
        detail[m] = (blockedBy.get(m) ?? []).join('; ');
        continue;
      }
      const r = rulesOf[m];
      if (!s.virtualisable) {
        reason[m] = 'stays-physical';
        detail[m] = `not virtualisable (${s.blocker?.kind ?? 'other'}); ${d === s.dataCentreId ? 'stays at' : 'moves physically to'} ${d}`;
      } else if (g.forced !== null) {
        reason[m] = 'forced-by-affinity';
        detail[m] = `follows a pinned member of its group to ${d}`;
      } else if (secondary[m] && partnerOf[m] >= 0 && site[partnerOf[m]] !== null) {
        reason[m] = 'forced-by-dr';
        detail[m] = `DR partner ${servers[partnerOf[m]].id} is at ${site[partnerOf[m]]}`;
      } else if (r.byZone.length === 1) {
        reason[m] = 'forced-by-zone';
        detail[m] = `zone ${s.zoneId} may only run in ${d}`;
      } else if (r.allowed.length === 1) {
        reason[m] = 'forced-by-latency';
        detail[m] = `only ${d} meets the user latency budget`;
      } else if (only && g.members.length > 1) {
        reason[m] = 'forced-by-affinity';
        detail[m] = `its application/affinity group can only go to ${d}`;
      } else {
        reason[m] = 'cheapest-feasible';
        detail[m] = `lowest WAN traffic and migration cost among ${g.allowed.join(', ')}`;
      }
    }
  }
  // DR partners both pinned to one site: reported, not fixed.
  for (let i = 0; i < n; i++) {
    const p = partnerOf[i];
    if (p > i && site[i] !== null && site[i] === site[p]) {
      violations.push({ kind: 'dr', serverIds: [servers[i].id, servers[p].id], message: `DR partners ${servers[i].id} and ${servers[p].id} are both at ${site[i]}` });
    }
  }
  return { site, reason, detail, blockedBy, violations, models };
}
