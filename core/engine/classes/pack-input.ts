/**
 * From a site plan to packing problems: one PackInput per site and compatibility class. A class is the
 * servers that may share hosts: same dedicated zone (zones with dedicatedHosts), same department when
 * segregated (scenario rule, or the department refuses sharing), same environment when segregated. Maintenance
 * windows do not split classes: each item carries its window (`windowOf`, -1 = none, compatible with any
 * host) and `class-pack.ts` keeps different windows apart. Items: affinity groups merged (summed series; a
 * group takes the window of its windowed members, only genuinely different windows split it); conflicts:
 * anti-affinity groups and DR pairs.
 * Coordinates: DIMS x hours of sized demand, plus one vCPU coordinate (cores <= host cores x overcommit).
 * Per-host licences (per-host-core, per-socket) go into productCost; per-VM licences do not depend on packing.
 */
import type { MaintenanceWindow } from '../../model/schema.ts';
import type { PackInput } from '../pack/types.ts';
import { classBounds, licenceSignatures, productBounds, type BoundInput, type ClassBounds } from './class-bound.ts';
import { createUnionFind, type EngineContext, type SiteModel } from '../context.ts';
import { Heartbeat, noTick, PER_ENTRY, type Tick } from '../../util/progress.ts';
import type { Violation } from '../plan.ts';
import { DIMS, type Sizing } from '../sizing/sizing.ts';

export type PackClass = {
  dataCentreId: string;
  classKey: string;
  model: SiteModel;
  /** Server indices (estate order) per item. */
  items: number[][];
  input: PackInput;
  /** Pinned host label per fixed bin. */
  fixedLabels: string[];
  /** Largest anti-affinity clique among the items (a lower bound on hosts). */
  clique: number;
  /** 1 for items that fit an empty host (the others are unplaced and left out of the bounds). */
  placeable: Uint8Array;
  /** Per coordinate: the summed sizes of the placeable items not pinned to a host. */
  sums: Float64Array;
  /** Maintenance window per item: index into `windows`, or -1 when none of its servers has one. */
  windowOf: Int32Array;
  /** Window keys (`windowKey`) of the class, sorted. */
  windows: string[];
  /** Per productCost column: the per-host licence models in force for that product (for reports). */
  productLabels: string[];
  /** Hosts bound from windows: different windows never share, so the sum over windows of their bounds. */
  windowBound: number;
  /** Per productCost column: at least this many hosts carry the product (class-bound.ts). */
  productBound: number[];
  /** Host bounds of the class for a mixed and a licence-pooled packing (class-bound.ts). */
  bounds: ClassBounds;
};

export function windowKey(w: MaintenanceWindow | null): string {
  if (w === null) return 'none';
  return `${[...w.days].sort().join('')}@${w.startHour}+${w.durationHours}${w.timeZone}`;
}

export function classKeyOf(ctx: EngineContext, serverIndex: number): string {
  const s = ctx.servers[serverIndex];
  const zone = s.zoneId !== null ? ctx.zoneById.get(s.zoneId) : undefined;
  const dept = ctx.deptById.get(s.departmentId);
  const parts = [
    zone?.dedicatedHosts ? `zone:${zone.id}` : 'zone:*',
    ctx.rules.segregateDepartments || dept?.refusesSharing ? `dept:${s.departmentId}` : 'dept:*',
    ctx.rules.segregateEnvironments ? `env:${s.environment}` : 'env:*',
  ];
  return parts.join('|');
}

/** Per-host licence cost of a product on a host model (per-host-core with a minimum, or per socket). */
function perHostLicences(ctx: EngineContext, model: SiteModel): Map<string, number> {
  const out = new Map<string, number>();
  const inForce = new Set(ctx.scenario.licenceModelIds);
  for (const l of ctx.estate.licenceModels) {
    if (!inForce.has(l.id)) continue;
    if (l.metric === 'per-vm') continue;
    const c = l.metric === 'per-host-core' ? l.price * Math.max(model.model.cores, l.minCoresPerHost) : l.price * model.model.sockets;
    out.set(l.productId, (out.get(l.productId) ?? 0) + c);
  }
  return out;
}

/**
 * One class's packing problem: a large class takes over half a second, so every loop over its servers or
 * items counts its work on the heartbeat (progress).
 */
function buildClass(ctx: EngineContext, sizing: Sizing, key: string, members: readonly number[], violations: Violation[], meter: Heartbeat): (PackClass & { boundInput: BoundInput }) | null {
  const H = sizing.hours;
  const C = DIMS * H + 1;
  const [dataCentreId, classKey] = key.split('\u0000');
  const model = ctx.siteModels.get(dataCentreId) ?? null;
  if (model === null) return null;
  const local = new Map(members.map((m, k) => [m, k]));
  const uf = createUnionFind(members.length);
  // Affinity: a group's window-less members follow its (first) windowed members; different windows split it.
  const ownWindow = members.map((m) => (ctx.servers[m].maintenanceWindow === null ? null : windowKey(ctx.servers[m].maintenanceWindow)));
  meter.now();
  const groupWindows = new Map<string, Map<string, string[]>>();
  for (let k = 0; k < members.length; k++) {
    meter.add(PER_ENTRY);
    const m = members[k];
    const w = ownWindow[k];
    for (const g of ctx.servers[m].affinityGroups) {
      let ws = groupWindows.get(g);
      if (!ws) groupWindows.set(g, (ws = new Map()));
      if (w !== null) {
        const l = ws.get(w);
        if (l) l.push(ctx.servers[m].id);
        else ws.set(w, [ctx.servers[m].id]);
      }
    }
  }
  for (const [g, ws] of groupWindows) if (ws.size > 1) {
    const parts = [...ws.entries()].map(([w, ids]) => `${ids.join(', ')} (window ${w})`);
    violations.push({ kind: 'affinity', serverIds: [...ws.values()].flat(), message: `affinity group ${g} is split: its members have different maintenance windows: ${parts.join(' / ')}` });
  }
  // DR partners never share a host: an affinity union that would merge them is refused and reported.
  const partnerLocal = members.map((m) => {
    const p = ctx.servers[m].drPartnerId;
    const pi = p !== null ? ctx.serverIndex.get(p) : undefined;
    return pi !== undefined ? (local.get(pi) ?? -1) : -1;
  });
  const comp = new Map<number, number[]>(members.map((_m, k) => [k, [k]]));
  const firstOf = new Map<string, number>();
  for (let k = 0; k < members.length; k++) {
    meter.add(PER_ENTRY);
    const m = members[k];
    for (const g of ctx.servers[m].affinityGroups) {
      const ws = groupWindows.get(g);
      const w = ownWindow[k] ?? (ws && ws.size > 0 ? [...ws.keys()].sort()[0] : 'none');
      const key = `${g}\u0001${w}`;
      const f = firstOf.get(key);
      if (f === undefined) {
        firstOf.set(key, k);
        continue;
      }
      const ra = uf.find(f);
      const rb = uf.find(k);
      if (ra === rb) continue;
      const a = comp.get(ra) ?? [];
      const b = comp.get(rb) ?? [];
      const inA = new Set(a);
      const antiA = new Set(a.flatMap((x) => ctx.servers[members[x]].antiAffinityGroups));
      const clash = b.find((x) => (partnerLocal[x] >= 0 && inA.has(partnerLocal[x])) || ctx.servers[members[x]].antiAffinityGroups.some((ag) => antiA.has(ag)));
      if (clash !== undefined) {
        violations.push({ kind: 'affinity', serverIds: [...a, ...b].map((x) => ctx.servers[members[x]].id), message: `affinity group ${g} is split: ${ctx.servers[members[clash]].id} has a DR partner or anti-affinity peer among the others` });
        continue;
      }
      uf.union(ra, rb);
      const r = uf.find(ra);
      comp.delete(ra);
      comp.delete(rb);
      comp.set(r, a.concat(b));
      meter.add(PER_ENTRY * (a.length + b.length));
    }
  }
  const itemOfLocal = new Int32Array(members.length);
  const items: number[][] = [];
  const rootItem = new Map<number, number>();
  for (let k = 0; k < members.length; k++) {
    meter.add(PER_ENTRY);
    const m = members[k];
    const r = uf.find(k);
    let it = rootItem.get(r);
    if (it === undefined) {
      it = items.length;
      rootItem.set(r, it);
      items.push([]);
    }
    items[it].push(m);
    itemOfLocal[k] = it;
  }
  meter.now();
  const sizes = new Float64Array(items.length * C);
  for (let it = 0; it < items.length; it++) {
    addDemand(sizes, it * C, items[it], sizing, ctx);
    meter.add(items[it].length * C);
  }
  const capacity = new Float64Array(C);
  for (let d = 0; d < DIMS; d++) capacity.fill(model.capacity[d], d * H, (d + 1) * H);
  capacity[C - 1] = model.vcpuLimit;
  // Conflicts: anti-affinity groups and DR pairs that ended up in the same class.
  const conflicts: number[] = [];
  const anti = new Map<string, Set<number>>();
  for (let k = 0; k < members.length; k++) {
    meter.add(PER_ENTRY);
    const m = members[k];
    for (const g of ctx.servers[m].antiAffinityGroups) {
      let set = anti.get(g);
      if (!set) anti.set(g, (set = new Set()));
      if (set.has(itemOfLocal[k])) {
        violations.push({ kind: 'anti-affinity', serverIds: items[itemOfLocal[k]].map((x) => ctx.servers[x].id), message: `anti-affinity group ${g} members are also affine (must share a host)` });
      }
      set.add(itemOfLocal[k]);
    }
    const p = ctx.servers[m].drPartnerId;
    const pi = p !== null ? ctx.serverIndex.get(p) : undefined;
    const pk = pi !== undefined ? local.get(pi) : undefined;
    if (pk !== undefined && pk > k && itemOfLocal[pk] !== itemOfLocal[k]) conflicts.push(itemOfLocal[k], itemOfLocal[pk]);
  }
  const antiSets = [...anti.values()];
  for (const set of antiSets) {
    const list = [...set];
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) conflicts.push(list[a], list[b]);
      meter.add(PER_ENTRY + list.length);
    }
  }
  // Licences charged per host.
  const hostLicence = perHostLicences(ctx, model);
  const products = [...hostLicence.keys()].sort();
  const productIdx = new Map(products.map((p, i) => [p, i]));
  const itemProducts: number[][] = [];
  for (const ms of items) {
    const set = new Set<number>();
    for (const m of ms) for (const p of ctx.servers[m].licensedProductIds) {
      const pi = productIdx.get(p);
      if (pi !== undefined) set.add(pi);
    }
    itemProducts.push([...set].sort((a, b) => a - b));
    meter.add(PER_ENTRY * ms.length);
  }
  // Host-label pins become fixed bins.
  const fixedLabels: string[] = [];
  const fixed = new Map<number, number>();
  for (let it = 0; it < items.length; it++) {
    for (const m of items[it]) {
      const pin = ctx.pinOf.get(ctx.servers[m].id);
      if (!pin?.hostLabel) continue;
      let b = fixedLabels.indexOf(pin.hostLabel);
      if (b < 0) b = fixedLabels.push(pin.hostLabel) - 1;
      fixed.set(it, b);
    }
    meter.add(PER_ENTRY * items[it].length);
  }
  const input: PackInput = {
    coords: C,
    itemCount: items.length,
    sizes,
    binTypes: [{ capacity, cost: model.hostCost, available: Number.POSITIVE_INFINITY }],
    conflicts: Int32Array.from(conflicts),
    itemProducts,
    productCost: [products.map((p) => hostLicence.get(p) ?? 0)],
    ...(fixedLabels.length > 0 ? { fixed, fixedBins: fixedLabels.map(() => 0) } : {}),
  };
  const placeable = new Uint8Array(items.length);
  const sums = new Float64Array(C);
  for (let it = 0; it < items.length; it++) {
    meter.add(2 * C);
    if (!fitsEmpty(input, it)) continue;
    placeable[it] = 1;
    if (fixed.has(it)) continue; // pins may force a host over capacity: bounds count the unpinned items
    for (let k = 0; k < C; k++) sums[k] += sizes[it * C + k];
  }
  let clique = placeable.includes(1) ? 1 : 0;
  for (const set of antiSets) {
    clique = Math.max(clique, [...set].filter((it) => placeable[it] === 1 && !fixed.has(it)).length);
    meter.add(PER_ENTRY + set.size);
  }
  // Window per item. Items chained by a window-less server in two groups could hold two windows: reported.
  const windows = [...new Set(ownWindow.filter((w): w is string => w !== null))].sort();
  const windowIdx = new Map(windows.map((w, i) => [w, i]));
  const windowOf = new Int32Array(items.length).fill(-1);
  for (let k = 0; k < members.length; k++) {
    meter.add(PER_ENTRY);
    const w = ownWindow[k];
    if (w === null) continue;
    const it = itemOfLocal[k];
    const wi = windowIdx.get(w) ?? -1;
    if (windowOf[it] >= 0 && windowOf[it] !== wi) {
      violations.push({ kind: 'affinity', serverIds: items[it].map((x) => ctx.servers[x].id), message: `affinity groups chain servers with different maintenance windows onto one host` });
    }
    if (windowOf[it] < 0) windowOf[it] = wi;
  }
  const productLabels = products.map((p) => ctx.estate.licenceModels.filter((l) => l.productId === p && l.metric !== 'per-vm' && ctx.scenario.licenceModelIds.includes(l.id)).map((l) => l.id).join('+') || p);
  // Bounds that respect windows (and licence pools when the class is pooled), and per product.
  // Bounds come next, in their own step.
  meter.now();
  const boundInput = { input, placeable, windowOf, signature: licenceSignatures(input), antiSets: antiSets.map((set) => [...set]), pinned: fixedLabels.length };
  const bounds: ClassBounds = { mixed: 0, pooled: 0 };
  return { dataCentreId, classKey, model, items, input, fixedLabels, clique, placeable, sums, windowOf, windows, productLabels, windowBound: 0, productBound: [], bounds, boundInput };
}

/** Add the servers' sized demand (all hours) and cores to one item's row of sizes. */
function addDemand(sizes: Float64Array, row: number, servers: readonly number[], sizing: Sizing, ctx: EngineContext): void {
  const HD = DIMS * sizing.hours;
  for (const m of servers) {
    const base = m * HD;
    for (let k = 0; k < HD; k++) sizes[row + k] += sizing.demand[base + k];
    sizes[row + HD] += ctx.servers[m].cores;
  }
}

/** The classes of a site plan; `tick` gets the fraction of classes built (progress). */
export function buildPackClasses(ctx: EngineContext, sizing: Sizing, site: readonly (string | null)[], violations: Violation[], tick: Tick = noTick): PackClass[] {
  let at = 0;
  const meter = new Heartbeat(() => tick(at));
  const byClass = new Map<string, number[]>();
  for (let i = 0; i < ctx.servers.length; i++) {
    meter.add(PER_ENTRY);
    const d = site[i];
    if (d === null || !ctx.servers[i].virtualisable) continue;
    const key = `${d}\u0000${classKeyOf(ctx, i)}`;
    const l = byClass.get(key);
    if (l) l.push(i);
    else byClass.set(key, [i]);
  }
  const out: PackClass[] = [];
  const keys = [...byClass.keys()].sort();
  // Affinity groups split across sites or classes are reported, once per group.
  const homes = new Map<string, Map<string, string[]>>();
  for (const key of keys) for (const i of byClass.get(key) ?? []) {
    meter.add(PER_ENTRY);
    for (const g of ctx.servers[i].affinityGroups) {
      let m = homes.get(g);
      if (!m) homes.set(g, (m = new Map()));
      const l = m.get(key);
      if (l) l.push(ctx.servers[i].id);
      else m.set(key, [ctx.servers[i].id]);
    }
  }
  for (const [g, m] of homes) if (m.size > 1) {
    const parts = [...m.entries()].map(([k, ids]) => `${ids.join(', ')} (${k.replace('\u0000', ' ')})`);
    violations.push({ kind: 'affinity', serverIds: [...m.values()].flat(), message: `affinity group ${g} is split: its members differ in site or compatibility class: ${parts.join(' / ')}` });
  }
  for (let ki = 0; ki < keys.length; ki++) {
    at = ki / keys.length;
    meter.now();
    const built = buildClass(ctx, sizing, keys[ki], byClass.get(keys[ki]) ?? [], violations, meter);
    if (!built) continue;
    at = (ki + 0.5) / keys.length;
    const { boundInput, ...c } = built;
    c.bounds = classBounds(boundInput, () => meter.now());
    c.windowBound = c.bounds.mixed;
    at = (ki + 0.75) / keys.length;
    c.productBound = productBounds(boundInput, c.productLabels.length, () => meter.now());
    out.push(c);
  }
  return out;
}

/** Whether item i fits an empty bin of the (single) bin type: items that do not are unplaced, not bounded. */
export function fitsEmpty(input: PackInput, i: number): boolean {
  const C = input.coords;
  const cap = input.binTypes[0].capacity;
  for (let k = 0; k < C; k++) if (input.sizes[i * C + k] > cap[k] * (1 + 1e-9) + 1e-9) return false;
  return true;
}

/** Peak-of-sum bound on one bin type: max over coordinates of ceil(sum / capacity). */
export function peakOfSumBound(sums: Float64Array, capacity: Float64Array): number {
  let best = 0;
  for (let k = 0; k < sums.length; k++) if (capacity[k] > 0) best = Math.max(best, Math.ceil(sums[k] / capacity[k] - 1e-9));
  return best;
}
