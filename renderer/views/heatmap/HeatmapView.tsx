import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { brushX, select } from 'd3';
import type { Dimension, Plan } from '../../../core/engine/plan.ts';
import type { Estate } from '../../../core/model/schema.ts';
import { hourLabel } from '../hours.ts';
import { viewLinks } from '../topology/link-loads.ts';
import { HeatmapCanvas, type Cell } from './HeatmapCanvas.tsx';
import { HeatmapLegend } from './HeatmapLegend.tsx';
import { HostStack } from './HostStack.tsx';
import { filterRows, HEATMAP_DIMENSIONS, hostMatrix, linkMatrix, rowOrder, siteMatrix, type HeatmapKind, type HeatmapMatrix, type SortKey } from './matrices.ts';
import type { HeatmapInput, HeatmapScale } from './render.ts';
import type { ServerSeries } from './stack.ts';
import '../views.css';
import './heatmap.css';

export type HeatmapViewProps = {
  estate: Estate;
  plan: Plan | null;
  /** Per-server demand series over the plan's hours (the engine's sizing output), for the host panel. */
  serverSeries?: ServerSeries;
  /** A selected data centre: host and site rows of that site only, links touching it. */
  siteId?: string | null;
  /** The brushed range of hours, inclusive, or null when cleared. */
  onBrush?(range: [number, number] | null): void;
  /** Canvas width and maximum height, CSS pixels. */
  width?: number;
  height?: number;
  initialKind?: HeatmapKind;
  /** Shows a "PNG" button; called with the raster input as drawn and a name for it. */
  onExportImage?(input: HeatmapInput, label: string): void;
};

const SCALE: HeatmapScale = { max: 1, over: 1 };
const AXIS_H = 26;
const LABEL_W = 150;
const KINDS = ['hosts', 'sites', 'links'] as const satisfies readonly HeatmapKind[];
const SORTS = ['peak', 'site', 'cluster', 'name'] as const satisfies readonly SortKey[];
/** A select's value narrowed to one of the options (no cast). */
function oneOf<T extends string>(options: readonly T[], v: string, fallback: T): T {
  return options.find((o) => o === v) ?? fallback;
}
const pct = (v: number) => (Number.isNaN(v) ? 'no data' : `${Math.round(v * 100)}%`);

/** Utilisation heatmaps (hosts, sites or WAN links x hours of the week) with a time brush and a host panel. */
export function HeatmapView({ estate, plan, serverSeries, siteId = null, onBrush, width = 840, height = 420, initialKind, onExportImage }: HeatmapViewProps) {
  const [kind, setKind] = useState<HeatmapKind>(initialKind ?? (plan ? 'hosts' : 'links'));
  const [dim, setDim] = useState<Dimension>('cpu');
  const [when, setWhen] = useState<'before' | 'after'>(plan ? 'after' : 'before');
  const [sort, setSort] = useState<SortKey>('peak');
  const [hover, setHover] = useState<{ cell: Cell; x: number; y: number } | null>(null);
  const [hostId, setHostId] = useState<string | null>(null);
  const [brushed, setBrushed] = useState<[number, number] | null>(null);
  const shownKind: HeatmapKind = plan ? kind : 'links';

  const dcName = useMemo(() => {
    const m = new Map(estate.dataCentres.map((d) => [d.id, d.name]));
    for (const u of estate.userSites) m.set(u.id, u.name);
    return (id: string) => m.get(id) ?? id;
  }, [estate.dataCentres, estate.userSites]);
  const links = useMemo(() => {
    if (shownKind !== 'links') return [];
    const all = viewLinks(estate, plan);
    if (siteId === null) return all;
    const touching = new Set(estate.wanLinks.filter((l) => l.a === siteId || l.b === siteId).map((l) => l.id));
    return all.filter((l) => touching.has(l.linkId));
  }, [shownKind, estate, plan, siteId]);
  const matrix = useMemo(() => {
    const ofSite = (m: HeatmapMatrix) => (siteId === null ? m : filterRows(m, (r) => r.site === siteId));
    if (shownKind === 'hosts' && plan) return ofSite(hostMatrix(plan, dim));
    if (shownKind === 'sites' && plan) return ofSite(siteMatrix(plan, dim, dcName));
    const ends = new Map(estate.wanLinks.map((l) => [l.id, l]));
    return linkMatrix(links, plan ? when : 'before', (id) => {
      const l = ends.get(id);
      return l ? { label: `${dcName(l.a)} – ${dcName(l.b)}`, site: l.a } : { label: id, site: '' };
    });
  }, [shownKind, plan, dim, dcName, links, when, estate.wanLinks, siteId]);
  const order = useMemo(() => rowOrder(matrix, sort), [matrix, sort]);
  const rowH = matrix.rows.length > 0 ? Math.min(24, height / matrix.rows.length) : 24;
  const canvasH = Math.max(1, Math.round(Math.min(height, rowH * Math.max(1, matrix.rows.length))));
  const input = useMemo<HeatmapInput>(
    () => ({ rows: matrix.rows.length, cols: matrix.cols, values: matrix.values, scale: SCALE, width, height: canvasH, rowOrder: order }),
    [matrix, order, width, canvasH],
  );
  const showLabels = matrix.rows.length > 0 && canvasH / matrix.rows.length >= 11;

  // The brush: d3-brush on the time axis strip, attached here and taken down on unmount.
  const brushRef = useRef<SVGGElement>(null);
  const onBrushRef = useRef(onBrush);
  useEffect(() => {
    onBrushRef.current = onBrush;
  }, [onBrush]);
  useEffect(() => {
    const g = brushRef.current;
    if (!g || matrix.cols === 0) return;
    const cols = matrix.cols;
    const sel = select(g);
    const brush = brushX<unknown>()
      .extent([
        [0, 0],
        [width, AXIS_H],
      ])
      .on('end', (e: { selection: [number, number] | null }) => {
        const range: [number, number] | null = e.selection
          ? [Math.max(0, Math.floor((e.selection[0] / width) * cols)), Math.min(cols - 1, Math.ceil((e.selection[1] / width) * cols) - 1)]
          : null;
        setBrushed(range);
        onBrushRef.current?.(range);
      });
    sel.call(brush);
    return () => {
      sel.on('.brush', null).selectAll('*').remove();
      sel.property('__brush', null);
    };
  }, [width, matrix.cols]);

  const onCellClick = useCallback((cell: Cell) => {
    if (shownKind === 'hosts') setHostId(matrix.rows[cell.row]?.id ?? null);
  }, [shownKind, matrix]);
  const onCellHover = useCallback((cell: Cell | null, at: { x: number; y: number }) => setHover(cell ? { cell, ...at } : null), []);

  const host = plan && hostId ? plan.hosts.find((h) => h.label === hostId) : undefined;
  const hourTicks = Array.from({ length: Math.ceil(matrix.cols / (matrix.cols > 24 ? 24 : 6)) }, (_, i) => i * (matrix.cols > 24 ? 24 : 6));
  const hoverRow = hover ? matrix.rows[hover.cell.row] : undefined;
  const serverName = useMemo(() => {
    const m = new Map(estate.servers.map((s) => [s.id, s.name]));
    return (id: string) => m.get(id) ?? id;
  }, [estate.servers]);

  return (
    <div className="cwb-view heatmap" data-testid="heatmap" data-kind={shownKind}>
      <div className="heatmap-controls">
        <label>
          Show{' '}
          <select value={shownKind} onChange={(e) => setKind(oneOf(KINDS, e.currentTarget.value, 'links'))} aria-label="Rows">
            <option value="hosts" disabled={!plan}>Hosts × hours</option>
            <option value="sites" disabled={!plan}>Sites × hours</option>
            <option value="links">WAN links × hours</option>
          </select>
        </label>
        {shownKind !== 'links' ? (
          <label>
            Dimension{' '}
            <select value={dim} onChange={(e) => setDim(oneOf(HEATMAP_DIMENSIONS, e.currentTarget.value, 'cpu'))} aria-label="Dimension">
              {HEATMAP_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {d === 'iops' ? 'IOPS' : d}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            Links{' '}
            <select value={plan ? when : 'before'} onChange={(e) => setWhen(e.currentTarget.value === 'after' ? 'after' : 'before')} aria-label="Before or after">
              <option value="before">today</option>
              <option value="after" disabled={!plan}>after the plan</option>
            </select>
          </label>
        )}
        <label>
          Sort by{' '}
          <select value={sort} onChange={(e) => setSort(oneOf(SORTS, e.currentTarget.value, 'peak'))} aria-label="Sort rows">
            <option value="peak">peak</option>
            <option value="site">site</option>
            <option value="cluster">{shownKind === 'hosts' ? 'cluster (class)' : 'cluster'}</option>
            <option value="name">name</option>
          </select>
        </label>
        {siteId !== null && (
          <span className="heatmap-site-filter" data-testid="heatmap-site-filter">
            Filtered to {dcName(siteId)}
          </span>
        )}
        {onExportImage && matrix.rows.length > 0 && (
          <button type="button" title="Export the heatmap as PNG" onClick={() => onExportImage(input, `${shownKind} ${shownKind === 'links' ? (plan ? when : 'before') : dim}`)} data-testid="heatmap-export-png">
            PNG
          </button>
        )}
        <span className="v-muted">
          {matrix.rows.length} rows{brushed ? `, ${hourLabel(brushed[0], matrix.cols)} – ${hourLabel(brushed[1], matrix.cols)}` : ''}
        </span>
      </div>
      {matrix.rows.length === 0 ? (
        <p className="v-muted">Nothing to show{plan ? (siteId !== null ? ` for ${dcName(siteId)}` : '') : ': run the engine for hosts and sites'}.</p>
      ) : (
        <div className="heatmap-grid" style={{ gridTemplateColumns: `${LABEL_W}px ${width}px` }}>
          <div />
          <svg className="heatmap-axis" width={width} height={AXIS_H} aria-label="Hours of the week: drag to select a range">
            {hourTicks.map((h) => (
              <g key={h} transform={`translate(${(h / matrix.cols) * width},0)`}>
                <line y1={AXIS_H - 6} y2={AXIS_H} />
                <text x={3} y={AXIS_H - 9}>
                  {matrix.cols > 24 ? hourLabel(h, matrix.cols, false).slice(0, 3) : hourLabel(h, matrix.cols, false)}
                </text>
              </g>
            ))}
            <g ref={brushRef} className="heatmap-brush" />
          </svg>
          <div className="heatmap-labels" style={{ height: canvasH }}>
            {showLabels
              ? Array.from(order, (r, i) => (
                  <div key={matrix.rows[r].id} style={{ top: i * (canvasH / matrix.rows.length), height: canvasH / matrix.rows.length }} title={matrix.rows[r].label}>
                    {matrix.rows[r].label}
                  </div>
                ))
              : <p className="heatmap-labels-note v-muted">{matrix.rows.length} rows: hover a cell for its name</p>}
          </div>
          <div className="heatmap-plot" style={{ width, height: canvasH }}>
            <HeatmapCanvas input={input} label={`${shownKind} by hour of the week`} onCellClick={onCellClick} onCellHover={onCellHover} />
            {brushed && <div className="heatmap-brushed" style={{ left: (brushed[0] / matrix.cols) * width, width: ((brushed[1] - brushed[0] + 1) / matrix.cols) * width }} />}
            {hover && hoverRow && (
              <div className="cwb-tooltip" role="tooltip" data-testid="heatmap-tooltip" style={{ left: Math.min(hover.x + 12, width - 200), top: hover.y + 12 }}>
                <strong>{hoverRow.label}</strong>
                <div>{hourLabel(hover.cell.col, matrix.cols)}</div>
                <div>{pct(matrix.values[hover.cell.row * matrix.cols + hover.cell.col])} of {shownKind === 'links' ? 'bandwidth' : 'usable capacity'}</div>
              </div>
            )}
          </div>
        </div>
      )}
      <HeatmapLegend scale={SCALE} />
      {host && plan && (
        <HostStack
          host={host}
          dimension={dim}
          hours={plan.hours}
          serverSeries={serverSeries}
          serverName={serverName}
          hostModel={estate.hostModels.find((m) => m.id === host.hostModelId)}
          onClose={() => setHostId(null)}
          width={Math.min(width + LABEL_W, 900)}
        />
      )}
    </div>
  );
}
