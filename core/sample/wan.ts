/**
 * The WAN of the sample estate: a hub-and-spoke mesh (hub data centres meshed with their nearest hubs, the
 * other data centres dual-homed on their two nearest hubs, offices on their nearest data centre and a second
 * one when it is close). Latency comes from great-circle distance. Bandwidth is sized the way the client did
 * it: today's peak traffic, routed on the lowest-latency path, at most 70% of a standard circuit size.
 */
import type { DataCentre, Flow, UserSite, WanLink } from '../model/schema.ts';
import { DATA_CENTRES, byDistance, distanceKm, latencyFromDistanceMs } from './geography.ts';

/** Standard circuit sizes, Mbps. */
export const CIRCUIT_STEPS = [50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000, 20000, 40000, 100000] as const;
/** Peak utilisation the client sized circuits for. */
export const SIZING_UTILISATION = 0.7;
const SECOND_HOMING_KM = 700;

type Node = { id: string; code: string; latitude: number | null; longitude: number | null; isDc: boolean };
type Edge = { a: number; b: number; km: number; latencyMs: number };

/** The smallest standard circuit that carries `peakMbps` at the sizing utilisation (at least `min`). */
export function circuitFor(peakMbps: number, min: number): number {
  const need = Math.max(min, peakMbps / SIZING_UTILISATION);
  for (const step of CIRCUIT_STEPS) if (step >= need) return step;
  return Math.ceil(need / 100000) * 100000;
}

function topology(nodes: readonly Node[], dcCount: number): Edge[] {
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const link = (a: number, b: number) => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    const km = distanceKm(nodes[a], nodes[b]);
    edges.push({ a, b, km, latencyMs: latencyFromDistanceMs(km) });
  };
  const dcs = nodes.slice(0, dcCount);
  const hubs = DATA_CENTRES.map((d, i) => (d.hub ? i : -1)).filter((i) => i >= 0);
  const hubNodes = hubs.map((i) => dcs[i]);
  for (const h of hubs) byDistance(dcs[h], hubNodes).map((k) => hubs[k]).filter((k) => k !== h).slice(0, 3).forEach((k) => link(h, k));
  for (let i = 0; i < dcCount; i++) {
    if (DATA_CENTRES[i].hub) continue;
    byDistance(dcs[i], hubNodes).slice(0, 2).forEach((k) => link(i, hubs[k]));
  }
  for (let s = dcCount; s < nodes.length; s++) {
    const [first, second] = byDistance(nodes[s], dcs);
    link(s, first);
    if (distanceKm(nodes[s], dcs[second]) <= SECOND_HOMING_KM) link(s, second);
  }
  return edges;
}

/** For every source node, the edge used to reach each node on its lowest-latency path (-1 = none). */
function shortestPathTrees(nodeCount: number, edges: readonly Edge[]): Int32Array[] {
  const adj: number[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, k) => {
    adj[e.a].push(k);
    adj[e.b].push(k);
  });
  return Array.from({ length: nodeCount }, (_, src) => {
    const dist = new Float64Array(nodeCount).fill(Infinity);
    const via = new Int32Array(nodeCount).fill(-1);
    const done = new Uint8Array(nodeCount);
    dist[src] = 0;
    for (;;) {
      let v = -1;
      for (let i = 0; i < nodeCount; i++) if (!done[i] && dist[i] < Infinity && (v < 0 || dist[i] < dist[v])) v = i;
      if (v < 0) break;
      done[v] = 1;
      for (const k of adj[v]) {
        const e = edges[k];
        const w = e.a === v ? e.b : e.a;
        const d = dist[v] + e.latencyMs;
        if (d < dist[w]) {
          dist[w] = d;
          via[w] = k;
        }
      }
    }
    return via;
  });
}

/**
 * The WAN links between `dataCentres` (in DATA_CENTRES order) and `sites`, sized to carry today's `flows`
 * (servers sit in their data centre: `dcIndexOf` maps a server id to it).
 */
export function buildWan(dataCentres: readonly DataCentre[], sites: readonly UserSite[], flows: readonly Flow[], dcIndexOf: ReadonlyMap<string, number>): WanLink[] {
  const nodes: Node[] = [
    ...dataCentres.map((d, i) => ({ id: d.id, code: DATA_CENTRES[i].code, latitude: d.latitude, longitude: d.longitude, isDc: true })),
    ...sites.map((s) => ({ id: s.id, code: s.id.replace(/^site-/, ''), latitude: s.latitude, longitude: s.longitude, isDc: false })),
  ];
  const dcCount = dataCentres.length;
  const edges = topology(nodes, dcCount);
  const trees = shortestPathTrees(nodes.length, edges);
  const siteIndex = new Map(sites.map((s, i) => [s.id, dcCount + i]));
  const nodeOf = (ep: Flow['from']) => (ep.kind === 'server' ? dcIndexOf.get(ep.id) : siteIndex.get(ep.id)) ?? -1;

  // Sum the flows per pair of nodes, then route each pair once.
  const pairs = new Map<number, Float64Array>();
  for (const f of flows) {
    const a = nodeOf(f.from);
    const b = nodeOf(f.to);
    if (a < 0 || b < 0 || a === b) continue;
    const key = Math.min(a, b) * nodes.length + Math.max(a, b);
    let load = pairs.get(key);
    if (!load) pairs.set(key, (load = new Float64Array(168)));
    const n = f.hourlyMbps.length;
    for (let h = 0; h < 168; h++) load[h] += f.hourlyMbps[h % n];
  }
  const linkLoad = edges.map(() => new Float64Array(168));
  for (const [key, load] of [...pairs].sort((x, y) => x[0] - y[0])) {
    const src = Math.floor(key / nodes.length);
    let v = key % nodes.length;
    while (v !== src) {
      const k = trees[src][v];
      if (k < 0) break;
      const l = linkLoad[k];
      for (let h = 0; h < 168; h++) l[h] += load[h];
      v = edges[k].a === v ? edges[k].b : edges[k].a;
    }
  }
  return edges.map((e, k) => {
    const peak = linkLoad[k].reduce((m, x) => Math.max(m, x), 0);
    const backbone = nodes[e.a].isDc && nodes[e.b].isDc;
    const bandwidthMbps = circuitFor(peak, backbone ? 500 : 50);
    const rate = backbone ? 30 : 18;
    return {
      id: `wan-${nodes[e.a].code}-${nodes[e.b].code}`,
      a: nodes[e.a].id,
      b: nodes[e.b].id,
      bandwidthMbps,
      latencyMs: e.latencyMs,
      costPerMonth: Math.round((rate * bandwidthMbps ** 0.7 * (1 + e.km / 3000)) / 10) * 10,
      measuredPeakUtilisationPct: Math.round((peak / bandwidthMbps) * 1000) / 10,
    };
  });
}
