/** The stacked per-server series of one host (pure: d3-shape and d3-scale, no DOM). */
import { area, line, range, scaleLinear, stack, type SeriesPoint } from 'd3';
import { DIMENSIONS, type Dimension, type HostPlan } from '../../../core/engine/plan.ts';
import type { HostModel } from '../../../core/model/schema.ts';

export type ServerSeries = (serverId: string, dimension: Dimension) => Float32Array | null;

export type StackLayer = { key: string; label: string; path: string; peak: number };
export type HostStackGeometry = {
  layers: StackLayer[];
  /** Server ids with no series (their load is in the plan's total but not in the stack). */
  missing: string[];
  totalPath: string;
  /** y of the usable capacity (after headroom) and of the host model's raw capacity, null when unknown. */
  usableY: number;
  rawY: number | null;
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; hour: number }[];
  yMax: number;
};

/** Raw (before headroom) capacity of a host model in a dimension, in the plan's units. */
export function rawCapacity(model: HostModel | undefined, dim: Dimension): number | null {
  if (!model) return null;
  switch (dim) {
    case 'cpu':
      return model.cores * model.ratingPerCore;
    case 'memory':
      return model.memoryGiB;
    case 'storage':
      return model.storageGiB;
    case 'iops':
      return model.iops;
    case 'network':
      return model.networkMbps;
  }
}

export function hostStack(args: {
  host: HostPlan;
  dim: Dimension;
  hours: number;
  serverSeries?: ServerSeries;
  serverName?: (id: string) => string;
  model?: HostModel;
  width: number;
  height: number;
  maxLayers?: number;
}): HostStackGeometry {
  const { host, dim, hours, width, height } = args;
  const name = args.serverName ?? ((id: string) => id);
  const d = DIMENSIONS.indexOf(dim);
  const total = host.load.subarray(d * hours, (d + 1) * hours);
  const found: { id: string; s: Float32Array; peak: number }[] = [];
  const missing: string[] = [];
  for (const id of host.serverIds) {
    const s = args.serverSeries?.(id, dim) ?? null;
    if (!s || s.length < hours) {
      missing.push(id);
      continue;
    }
    let peak = 0;
    for (let h = 0; h < hours; h++) if (s[h] > peak) peak = s[h];
    found.push({ id, s, peak });
  }
  found.sort((a, b) => b.peak - a.peak || (a.id < b.id ? -1 : 1));
  const maxLayers = args.maxLayers ?? 8;
  const shown = found.slice(0, maxLayers);
  const rest = found.slice(maxLayers);
  const series = new Map<string, ArrayLike<number>>(shown.map((f) => [f.id, f.s]));
  const labels = new Map(shown.map((f) => [f.id, name(f.id)]));
  if (rest.length > 0) {
    const other = new Float32Array(hours);
    for (const f of rest) for (let h = 0; h < hours; h++) other[h] += Number.isNaN(f.s[h]) ? 0 : f.s[h];
    series.set('__other', other);
    labels.set('__other', `${rest.length} other servers`);
  }
  const keys = [...series.keys()];
  const value = (h: number, k: string) => {
    const v = series.get(k)?.[h] ?? 0;
    return Number.isNaN(v) ? 0 : v;
  };
  const layersData = stack<number, string>().keys(keys).value(value)(range(hours));
  let top = 0;
  for (let h = 0; h < hours; h++) {
    let sum = 0;
    for (const k of keys) sum += value(h, k);
    top = Math.max(top, sum, Number.isNaN(total[h]) ? 0 : total[h]);
  }
  const raw = rawCapacity(args.model, dim);
  const yMax = Math.max(top, host.capacity[dim], raw ?? 0, 1e-9) * 1.05;
  const x = scaleLinear().domain([0, Math.max(1, hours - 1)]).range([0, width]);
  const y = scaleLinear().domain([0, yMax]).range([height, 0]).nice(4);
  const areaOf = area<SeriesPoint<number>>()
    .x((p) => x(p.data))
    .y0((p) => y(p[0]))
    .y1((p) => y(p[1]));
  const layers = layersData.map((l) => ({ key: l.key, label: labels.get(l.key) ?? l.key, path: areaOf(l) ?? '', peak: shown.find((f) => f.id === l.key)?.peak ?? 0 }));
  const totalPath =
    line<number>()
      .x((h) => x(h))
      .y((h) => y(Number.isNaN(total[h]) ? 0 : total[h]))(range(hours)) ?? '';
  return {
    layers,
    missing,
    totalPath,
    usableY: y(host.capacity[dim]),
    rawY: raw === null ? null : y(raw),
    yTicks: y.ticks(4).map((v) => ({ y: y(v), value: v })),
    xTicks: range(0, hours, hours > 24 ? 24 : 6).map((h) => ({ x: x(h), hour: h })),
    yMax: y.domain()[1],
  };
}
