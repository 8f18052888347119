import { colourOf, NO_DATA_RGBA, OVER_RGBA, type HeatmapScale, type Rgba } from './render.ts';

const css = (c: Rgba) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${c[3] / 255})`;

/** The colour scale: the ramp from 0 to scale.max, the over-capacity colour and the no-data swatch. */
export function HeatmapLegend({ scale }: { scale: HeatmapScale }) {
  const stops = Array.from({ length: 11 }, (_, i) => `${css(colourOf((i / 10) * scale.max * 0.999, { ...scale, over: Number.POSITIVE_INFINITY }))} ${i * 10}%`);
  return (
    <div className="heatmap-legend" data-testid="heatmap-legend" aria-label="Colour scale">
      <span>0%</span>
      <span className="legend-ramp" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>{Math.round(scale.max * 100)}%</span>
      <span className="legend-swatch" style={{ background: css(OVER_RGBA) }} /> ≥ {Math.round((scale.over ?? 1) * 100)}% of capacity
      <span className="legend-swatch legend-nodata" style={{ background: css(NO_DATA_RGBA) }} /> no data
    </div>
  );
}
