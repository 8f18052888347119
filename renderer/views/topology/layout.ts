/**
 * Pure geometry of the topology view: the US projection (d3-geo geoAlbersUsa fitted to the us-atlas states),
 * a deterministic force layout for sites without coordinates, mark sizes, link widths and colour classes.
 * Nothing here touches the DOM.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  geoAlbersUsa,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopo from 'us-atlas/states-10m.json';
import type { Estate } from '../../../core/model/schema.ts';

export type Point = { x: number; y: number };
export type NodeKind = 'dc' | 'user';
export type LaidOutNode = Point & { id: string; kind: NodeKind; geo: boolean };
export type TopologyLayout = {
  width: number;
  height: number;
  /** 'geo': a US map under the marks; 'graph': no site has coordinates, a force layout only. */
  mode: 'geo' | 'graph';
  nodes: Map<string, LaidOutNode>;
  /** SVG path data of the state shapes and the state borders (empty in graph mode). */
  landPath: string;
  bordersPath: string;
};

type StatesObjects = { states: GeometryCollection; nation: GeometryCollection };
// The JSON import is typed by its literal shape; the atlas is a TopoJSON topology with these two objects.
const topo = statesTopo as unknown as Topology<StatesObjects>;
let statesCache: GeoPermissibleObjects | null = null;
function statesFeature(): GeoPermissibleObjects {
  statesCache ??= feature(topo, topo.objects.states);
  return statesCache;
}

/** geoAlbersUsa fitted to the lower 48 + Alaska + Hawaii inset, inside width x height with a margin. */
export function usProjection(width: number, height: number, margin = 12): GeoProjection {
  return geoAlbersUsa().fitExtent(
    [
      [margin, margin],
      [Math.max(margin + 1, width - margin), Math.max(margin + 1, height - margin)],
    ],
    statesFeature(),
  );
}

/** Projected point, or null when the coordinates are missing or outside the projection (e.g. Europe). */
export function project(projection: GeoProjection, latitude: number | null, longitude: number | null): Point | null {
  if (latitude === null || longitude === null) return null;
  const p = projection([longitude, latitude]);
  return p ? { x: p[0], y: p[1] } : null;
}

type SimNode = SimulationNodeDatum & { id: string };

/**
 * Positions for every data centre and user site. Sites with coordinates are projected and pinned; the others
 * are placed by a force simulation over the WAN links (fixed ticks, d3-force's seeded LCG: deterministic).
 */
export function layoutTopology(estate: Pick<Estate, 'dataCentres' | 'userSites' | 'wanLinks'>, width: number, height: number, ticks = 300): TopologyLayout {
  const all = [
    ...estate.dataCentres.map((d) => ({ id: d.id, kind: 'dc' as const, lat: d.latitude, lon: d.longitude })),
    ...estate.userSites.map((u) => ({ id: u.id, kind: 'user' as const, lat: u.latitude, lon: u.longitude })),
  ];
  const projection = usProjection(width, height);
  const fixed = new Map<string, Point>();
  for (const n of all) {
    const p = project(projection, n.lat, n.lon);
    if (p) fixed.set(n.id, p);
  }
  const mode = fixed.size > 0 ? 'geo' : 'graph';
  const nodes = new Map<string, LaidOutNode>();
  const free = all.filter((n) => !fixed.has(n.id));
  if (free.length > 0) {
    const sim: SimNode[] = all.map((n, i) => {
      const f = fixed.get(n.id);
      // Free nodes start on a circle in estate order (deterministic), pinned ones where they are.
      const a = (2 * Math.PI * i) / all.length;
      const start = f ?? { x: width / 2 + (Math.min(width, height) / 3) * Math.cos(a), y: height / 2 + (Math.min(width, height) / 3) * Math.sin(a) };
      return { id: n.id, x: start.x, y: start.y, fx: f?.x, fy: f?.y };
    });
    const ids = new Set(all.map((n) => n.id));
    const links: SimulationLinkDatum<SimNode>[] = estate.wanLinks.filter((l) => ids.has(l.a) && ids.has(l.b)).map((l) => ({ source: l.a, target: l.b }));
    const distance = Math.min(width, height) / (mode === 'graph' ? 5 : 8);
    const simulation = forceSimulation(sim)
      .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(links).id((d) => d.id).distance(distance).strength(0.4))
      .force('charge', forceManyBody<SimNode>().strength(-Math.max(60, distance * 2)))
      .force('collide', forceCollide<SimNode>(14))
      .force('x', forceX<SimNode>(width / 2).strength(0.04))
      .force('y', forceY<SimNode>(height / 2).strength(0.06))
      .stop();
    simulation.tick(ticks);
    const pad = 16;
    for (const s of sim) {
      const n = all.find((m) => m.id === s.id);
      if (!n) continue;
      const x = Math.min(width - pad, Math.max(pad, s.x ?? width / 2));
      const y = Math.min(height - pad, Math.max(pad, s.y ?? height / 2));
      nodes.set(s.id, { id: s.id, kind: n.kind, x, y, geo: fixed.has(s.id) });
    }
  } else {
    for (const n of all) {
      const p = fixed.get(n.id);
      if (p) nodes.set(n.id, { id: n.id, kind: n.kind, ...p, geo: true });
    }
  }
  let landPath = '';
  let bordersPath = '';
  if (mode === 'geo') {
    const path = geoPath(projection);
    landPath = path(statesFeature()) ?? '';
    bordersPath = path(mesh(topo, topo.objects.states, (a, b) => a !== b)) ?? '';
  }
  return { width, height, mode, nodes, landPath, bordersPath };
}

/** Mark radius: area proportional to the value (sqrt scale), 0 -> the minimum radius. */
export function markRadius(value: number, maxValue: number, minR = 4, maxR = 22): number {
  if (!(value > 0) || !(maxValue > 0)) return minR;
  return minR + (maxR - minR) * Math.sqrt(Math.min(1, value / maxValue));
}

/** Link stroke width by bandwidth, on a log scale between minW and maxW. */
export function linkWidth(bandwidthMbps: number, maxBandwidthMbps: number, minW = 1.2, maxW = 7): number {
  if (!(bandwidthMbps > 0) || !(maxBandwidthMbps > 0)) return minW;
  const t = Math.log1p(bandwidthMbps) / Math.log1p(Math.max(bandwidthMbps, maxBandwidthMbps));
  return minW + (maxW - minW) * t;
}

export type LinkClass = 'ok' | 'warn' | 'bad' | 'idle';

/** Colour class of a utilisation (load / bandwidth): ok < 70%, warn < 100%, bad >= 100%; idle when unknown. */
export function linkClass(utilisation: number): LinkClass {
  if (!Number.isFinite(utilisation)) return 'idle';
  if (utilisation < 0.7) return 'ok';
  if (utilisation < 1) return 'warn';
  return 'bad';
}

/** Load at an hour, or the peak over the week when hour is null. NaN for an empty series. */
export function loadAt(load: ArrayLike<number>, hour: number | null): number {
  if (load.length === 0) return Number.NaN;
  if (hour !== null) return load[((hour % load.length) + load.length) % load.length];
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < load.length; i++) if (load[i] > m) m = load[i];
  return m;
}

/** A slightly bowed quadratic curve from a to b (bow = fraction of the length, to the left of a -> b). */
export function arcPath(a: Point, b: Point, bow = 0.12): string {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const cx = mx - dy * bow;
  const cy = my + dx * bow;
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
}

/** Midpoint of arcPath's curve (for hit targets and labels). */
export function arcMidpoint(a: Point, b: Point, bow = 0.12): Point {
  const cx = (a.x + b.x) / 2 - (b.y - a.y) * bow;
  const cy = (a.y + b.y) / 2 + (b.x - a.x) * bow;
  return { x: 0.25 * a.x + 0.5 * cx + 0.25 * b.x, y: 0.25 * a.y + 0.5 * cy + 0.25 * b.y };
}
