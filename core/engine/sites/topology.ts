/**
 * The WAN: data centres and user sites joined by bidirectional links. Lowest-latency paths (Dijkstra from
 * every node; the graph is small), flow routing and per-hour link loads with overload lists.
 */
import { noTick, type Tick } from '../../util/progress.ts';
import type { Estate, Flow } from '../../model/schema.ts';
import type { LinkLoad, LinkOverload } from '../plan.ts';

export const WEEK_HOURS = 168;

export type Topology = {
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** Round-trip latency of the best path, N x N; Infinity when unreachable, 0 on the diagonal. */
  latency: Float64Array;
  /** Links on the best path, N x N lists of link indices (the diagonal is empty). */
  paths: Int32Array[];
  linkIds: string[];
  bandwidth: Float64Array;
};

export function buildTopology(estate: Pick<Estate, 'dataCentres' | 'userSites' | 'wanLinks'>): Topology {
  const nodeIds = [...estate.dataCentres.map((d) => d.id), ...estate.userSites.map((u) => u.id)];
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const N = nodeIds.length;
  const adj: { to: number; link: number; w: number }[][] = nodeIds.map(() => []);
  estate.wanLinks.forEach((l, i) => {
    const a = nodeIndex.get(l.a);
    const b = nodeIndex.get(l.b);
    if (a === undefined || b === undefined) return;
    adj[a].push({ to: b, link: i, w: l.latencyMs });
    adj[b].push({ to: a, link: i, w: l.latencyMs });
  });
  const latency = new Float64Array(N * N).fill(Number.POSITIVE_INFINITY);
  const paths: Int32Array[] = new Array<Int32Array>(N * N);
  for (let src = 0; src < N; src++) {
    const dist = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
    const prevLink = new Int32Array(N).fill(-1);
    const prevNode = new Int32Array(N).fill(-1);
    const done = new Uint8Array(N);
    dist[src] = 0;
    for (;;) {
      let u = -1;
      for (let i = 0; i < N; i++) if (!done[i] && dist[i] < Number.POSITIVE_INFINITY && (u < 0 || dist[i] < dist[u])) u = i;
      if (u < 0) break;
      done[u] = 1;
      for (const e of adj[u]) {
        const nd = dist[u] + e.w;
        if (nd < dist[e.to]) {
          dist[e.to] = nd;
          prevLink[e.to] = e.link;
          prevNode[e.to] = u;
        }
      }
    }
    for (let dst = 0; dst < N; dst++) {
      latency[src * N + dst] = dist[dst];
      const links: number[] = [];
      if (dist[dst] < Number.POSITIVE_INFINITY) {
        for (let v = dst; v !== src && prevNode[v] >= 0; v = prevNode[v]) links.push(prevLink[v]);
      }
      paths[src * N + dst] = Int32Array.from(links.reverse());
    }
  }
  return {
    nodeIds,
    nodeIndex,
    latency,
    paths,
    linkIds: estate.wanLinks.map((l) => l.id),
    bandwidth: Float64Array.from(estate.wanLinks.map((l) => l.bandwidthMbps)),
  };
}

export function latencyBetween(t: Topology, a: string, b: string): number {
  if (a === b) return 0;
  const i = t.nodeIndex.get(a);
  const j = t.nodeIndex.get(b);
  if (i === undefined || j === undefined) return Number.POSITIVE_INFINITY;
  return t.latency[i * t.nodeIds.length + j];
}

/** A flow's value in hour h of the week (24-value profiles repeat each day). */
export function flowAt(f: Flow, h: number): number {
  return f.hourlyMbps[f.hourlyMbps.length === 24 ? h % 24 : h];
}

/** Where each endpoint of a flow sits: a data centre or user site id, or null (unplaced). */
export type Locate = (ep: Flow['from']) => string | null;

/** Per-hour load on every link (168 h, both directions summed) when flows are routed on best paths. */
export function linkLoads(t: Topology, flows: readonly Flow[], locate: Locate, tick: Tick = noTick): { load: Float32Array[]; flowPaths: (Int32Array | null)[] } {
  const L = t.linkIds.length;
  const load = Array.from({ length: L }, () => new Float32Array(WEEK_HOURS));
  const flowPaths: (Int32Array | null)[] = new Array<Int32Array | null>(flows.length).fill(null);
  const CHUNK = 4096;
  for (let from = 0; from < flows.length; from += CHUNK) {
    if (from > 0) tick(from / flows.length);
    routeFlows(t, flows, locate, from, Math.min(flows.length, from + CHUNK), load, flowPaths);
  }
  return { load, flowPaths };
}

function routeFlows(t: Topology, flows: readonly Flow[], locate: Locate, from: number, to: number, load: Float32Array[], flowPaths: (Int32Array | null)[]): void {
  const N = t.nodeIds.length;
  for (let fi = from; fi < to; fi++) {
    const f = flows[fi];
    const a = locate(f.from);
    const b = locate(f.to);
    if (a === null || b === null || a === b) continue;
    const i = t.nodeIndex.get(a);
    const j = t.nodeIndex.get(b);
    if (i === undefined || j === undefined) continue;
    const path = t.paths[i * N + j];
    if (path.length === 0) continue;
    flowPaths[fi] = path;
    const prof = f.hourlyMbps;
    for (const li of path) {
      const row = load[li];
      if (prof.length === 24) for (let h = 0; h < WEEK_HOURS; h++) row[h] += prof[h % 24];
      else for (let h = 0; h < WEEK_HOURS; h++) row[h] += prof[h];
    }
  }
}

function overloadOf(li: number, row: Float32Array, bandwidth: number, flows: readonly Flow[], flowPaths: readonly (Int32Array | null)[]): LinkOverload | null {
  const hours: number[] = [];
  let worst = -1;
  for (let h = 0; h < WEEK_HOURS; h++) {
    if (row[h] > bandwidth) {
      hours.push(h);
      if (worst < 0 || row[h] > row[worst]) worst = h;
    }
  }
  if (worst < 0) return null;
  const top: { flowId: string; mbps: number }[] = [];
  flowPaths.forEach((p, fi) => {
    if (p && p.includes(li)) {
      const mbps = flowAt(flows[fi], worst);
      if (mbps > 0) top.push({ flowId: flows[fi].id, mbps });
    }
  });
  top.sort((x, y) => y.mbps - x.mbps || (x.flowId < y.flowId ? -1 : 1));
  return { hours, peakMbps: row[worst], topFlows: top.slice(0, 10) };
}

/** Link loads before (servers where they are) and after (servers at their target), with overloads. */
export function compareLinks(t: Topology, flows: readonly Flow[], before: Locate, after: Locate, tick: Tick = noTick): LinkLoad[] {
  const b = linkLoads(t, flows, before, (f) => tick(0.45 * f));
  const a = linkLoads(t, flows, after, (f) => tick(0.45 + 0.45 * f));
  const out: LinkLoad[] = [];
  for (let li = 0; li < t.linkIds.length; li++) {
    tick(0.9 + (0.1 * li) / t.linkIds.length);
    out.push({
      linkId: t.linkIds[li],
      bandwidthMbps: t.bandwidth[li],
      before: b.load[li],
      after: a.load[li],
      overloadBefore: overloadOf(li, b.load[li], t.bandwidth[li], flows, b.flowPaths),
      overloadAfter: overloadOf(li, a.load[li], t.bandwidth[li], flows, a.flowPaths),
    });
  }
  return out;
}
