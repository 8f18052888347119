/**
 * Heatmap matrices from a plan: hosts x hours, sites x hours and links x hours, as utilisation (load over
 * capacity or bandwidth, 1 = 100%), plus the row orders the view sorts by. Pure.
 */
import { DIMENSIONS, type Dimension, type LinkLoad, type Plan } from '../../../core/engine/plan.ts';

export type HeatmapKind = 'hosts' | 'sites' | 'links';
export type SortKey = 'peak' | 'site' | 'cluster' | 'name';

export type HeatmapRow = {
  /** Host label, data-centre id or link id. */
  id: string;
  label: string;
  /** Data centre (hosts, sites) or the link's first endpoint (links). */
  site: string;
  /** Compatibility class (hosts), else the site. */
  cluster: string;
};

export type HeatmapMatrix = { kind: HeatmapKind; rows: HeatmapRow[]; cols: number; values: Float32Array };

/** Dimensions the heatmap offers (storage does not vary by the hour). */
export const HEATMAP_DIMENSIONS = ['cpu', 'memory', 'iops', 'network'] as const satisfies readonly Dimension[];

export function hostMatrix(plan: Pick<Plan, 'hosts' | 'hours'>, dim: Dimension): HeatmapMatrix {
  const d = DIMENSIONS.indexOf(dim);
  const H = plan.hours;
  const values = new Float32Array(plan.hosts.length * H);
  plan.hosts.forEach((h, i) => {
    const cap = h.capacity[dim];
    for (let t = 0; t < H; t++) values[i * H + t] = cap > 0 ? h.load[d * H + t] / cap : Number.NaN;
  });
  const rows = plan.hosts.map((h) => ({ id: h.label, label: h.spare ? `${h.label} (spare)` : h.label, site: h.dataCentreId, cluster: h.classKey }));
  return { kind: 'hosts', rows, cols: H, values };
}

/** Per site: summed load over summed usable capacity of its hosts. */
export function siteMatrix(plan: Pick<Plan, 'hosts' | 'hours'>, dim: Dimension, siteName: (id: string) => string = (id) => id): HeatmapMatrix {
  const d = DIMENSIONS.indexOf(dim);
  const H = plan.hours;
  const sites = [...new Set(plan.hosts.map((h) => h.dataCentreId))].sort();
  const index = new Map(sites.map((s, i) => [s, i]));
  const load = new Float64Array(sites.length * H);
  const cap = new Float64Array(sites.length);
  for (const h of plan.hosts) {
    const i = index.get(h.dataCentreId) ?? 0;
    cap[i] += h.capacity[dim];
    for (let t = 0; t < H; t++) load[i * H + t] += h.load[d * H + t];
  }
  const values = new Float32Array(sites.length * H);
  for (let i = 0; i < sites.length; i++) for (let t = 0; t < H; t++) values[i * H + t] = cap[i] > 0 ? load[i * H + t] / cap[i] : Number.NaN;
  return { kind: 'sites', rows: sites.map((s) => ({ id: s, label: siteName(s), site: s, cluster: s })), cols: H, values };
}

export function linkMatrix(links: readonly LinkLoad[], which: 'before' | 'after', describe: (linkId: string) => { label: string; site: string } = (id) => ({ label: id, site: '' })): HeatmapMatrix {
  const H = links.reduce((m, l) => Math.max(m, l[which].length), 0);
  const values = new Float32Array(links.length * H).fill(Number.NaN);
  links.forEach((l, i) => {
    const s = l[which];
    for (let t = 0; t < s.length; t++) values[i * H + t] = l.bandwidthMbps > 0 ? s[t] / l.bandwidthMbps : Number.NaN;
  });
  const rows = links.map((l) => {
    const d = describe(l.linkId);
    return { id: l.linkId, label: d.label, site: d.site, cluster: d.site };
  });
  return { kind: 'links', rows, cols: H, values };
}

/** Peak per row (NaN rows -> -Infinity so they sort last). */
export function rowPeaks(m: Pick<HeatmapMatrix, 'rows' | 'cols' | 'values'>): Float32Array {
  const out = new Float32Array(m.rows.length).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < m.rows.length; r++) {
    for (let c = 0; c < m.cols; c++) {
      const v = m.values[r * m.cols + c];
      if (v > out[r]) out[r] = v;
    }
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Display order: by peak (highest first), by site, by cluster (then peak), or by label. */
export function rowOrder(m: Pick<HeatmapMatrix, 'rows' | 'cols' | 'values'>, key: SortKey): Int32Array {
  const idx = Array.from({ length: m.rows.length }, (_, i) => i);
  const peaks = rowPeaks(m);
  const byPeak = (a: number, b: number) => peaks[b] - peaks[a] || cmp(m.rows[a].label, m.rows[b].label);
  if (key === 'peak') idx.sort(byPeak);
  else if (key === 'site') idx.sort((a, b) => cmp(m.rows[a].site, m.rows[b].site) || byPeak(a, b));
  else if (key === 'cluster') idx.sort((a, b) => cmp(m.rows[a].site, m.rows[b].site) || cmp(m.rows[a].cluster, m.rows[b].cluster) || byPeak(a, b));
  else idx.sort((a, b) => cmp(m.rows[a].label, m.rows[b].label));
  return Int32Array.from(idx);
}

/** The rows of a matrix that pass `keep`, values copied row by row (the matrix itself when all pass). */
export function filterRows(m: HeatmapMatrix, keep: (row: HeatmapRow) => boolean): HeatmapMatrix {
  const kept: number[] = [];
  m.rows.forEach((r, i) => {
    if (keep(r)) kept.push(i);
  });
  if (kept.length === m.rows.length) return m;
  const values = new Float32Array(kept.length * m.cols);
  kept.forEach((r, i) => values.set(m.values.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
  return { kind: m.kind, rows: kept.map((r) => m.rows[r]), cols: m.cols, values };
}
