/**
 * A hosts x hours heatmap for print: the heatmap view's own matrix (hostMatrix) and raster (renderHeatmap),
 * rows grouped by site then peak, encoded as a PNG data URL (core/util/png.ts) so it is on the page as soon as
 * the report renders (no canvas to paint first). Site bands are labelled at the left, days along the bottom.
 */
import { useMemo } from 'react';
import type { Dimension, Plan } from '../../core/engine/plan.ts';
import { encodePng, pngDataUrl, scaleRgba } from '../../core/util/png.ts';
import { hostMatrix, rowOrder } from '../views/heatmap/matrices.ts';
import { renderHeatmap } from '../views/heatmap/render.ts';
import { HeatmapLegend } from '../views/heatmap/HeatmapLegend.tsx';

const SCALE = { max: 1, over: 1 };
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export type HeatmapImage = { url: string; bands: { site: string; from: number; to: number }[]; rows: number; cols: number };

/** The PNG (data URL) of the hosts x hours matrix of one dimension and the site bands in display order. */
export function hostHeatmapImage(plan: Pick<Plan, 'hosts' | 'hours'>, dim: Dimension): HeatmapImage | null {
  const m = hostMatrix(plan, dim);
  if (m.rows.length === 0 || m.cols === 0) return null;
  const order = rowOrder(m, 'site');
  // 4 px per hour; 3 px per host up to 300 hosts, fewer (max of the hosts a pixel covers) beyond
  const height = Math.min(900, m.rows.length * 3);
  const img = renderHeatmap({ rows: m.rows.length, cols: m.cols, values: m.values, scale: SCALE, width: m.cols * 2, height, rowOrder: order });
  // no-data cells are transparent on screen; on paper they are white
  const data = img.data;
  for (let i = 3; i < data.length; i += 4) if (data[i] === 0) data.set([255, 255, 255, 255], i - 3);
  const big = scaleRgba(img.width, img.height, data, 2, 1);
  const bands: HeatmapImage['bands'] = [];
  order.forEach((r, i) => {
    const site = m.rows[r].site;
    const last = bands.at(-1);
    if (last && last.site === site) last.to = i + 1;
    else bands.push({ site, from: i, to: i + 1 });
  });
  return { url: pngDataUrl(encodePng(big.width, big.height, big.data)), bands, rows: m.rows.length, cols: m.cols };
}

export function ReportHeatmap({ plan, dim, title, siteName }: { plan: Plan; dim: Dimension; title: string; siteName: (id: string) => string }) {
  const image = useMemo(() => hostHeatmapImage(plan, dim), [plan, dim]);
  if (!image) return <p>No hosts in the plan.</p>;
  const days = image.cols >= 168 ? DAYS : [];
  return (
    <figure className="report-figure report-heatmap" data-testid={`report-heatmap-${dim}`}>
      <figcaption className="report-figure-title">{title}</figcaption>
      <div className="report-heatmap-grid">
        <div className="report-heatmap-bands">
          {image.bands.map((b) => (
            <div key={b.site} style={{ top: `${(b.from / image.rows) * 100}%`, height: `${((b.to - b.from) / image.rows) * 100}%` }}>
              <span>
                {siteName(b.site)} ({b.to - b.from})
              </span>
            </div>
          ))}
        </div>
        <img src={image.url} alt={`${title}: ${image.rows} hosts by ${image.cols} hours`} />
        <div />
        <div className="report-heatmap-axis">
          {days.map((d) => (
            <span key={d}>{d}</span>
          ))}
          {days.length === 0 && <span>hours 0–{image.cols - 1} UTC</span>}
        </div>
      </div>
      <HeatmapLegend scale={SCALE} />
    </figure>
  );
}
