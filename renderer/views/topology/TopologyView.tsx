import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { select, zoom, zoomIdentity } from 'd3';
import type { Estate } from '../../../core/model/schema.ts';
import type { Plan } from '../../../core/engine/plan.ts';
import { layoutTopology } from './layout.ts';
import { viewLinks } from './link-loads.ts';
import { buildTopologyModel, type DcMark, type LinkMark, type Mode } from './model.ts';
import { TopologyLegend, TopologyTooltip } from './TopologyLegend.tsx';
import '../views.css';
import './topology.css';

export type TopologyViewProps = {
  estate: Estate;
  plan: Plan | null;
  keptIds: string[];
  mode: Mode;
  /** Hour of the week (0-167, Sunday 00:00 UTC first), or null for the peak over the week. */
  hour: number | null;
  selectedDcId: string | null;
  onSelectDc(id: string | null): void;
  /** Drawing size in SVG units (the SVG scales to its container). */
  width?: number;
  height?: number;
  /** Shows "SVG" and "PNG" buttons on the map; called with the live SVG element. */
  onExportImage?(svg: SVGSVGElement, format: 'svg' | 'png'): void;
};

export type Hover = { kind: 'dc' | 'link'; id: string; x: number; y: number } | null;

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Data centres, user sites and WAN links on a US map (or a graph layout when coordinates are missing). */
export function TopologyView({ estate, plan, keptIds, mode, hour, selectedDcId, onSelectDc, width = 960, height = 600, onExportImage }: TopologyViewProps) {
  const { dataCentres, userSites, wanLinks } = estate;
  const layout = useMemo(() => layoutTopology({ dataCentres, userSites, wanLinks }, width, height), [dataCentres, userSites, wanLinks, width, height]);
  const links = useMemo(() => viewLinks(estate, plan), [estate, plan]);
  const model = useMemo(() => buildTopologyModel({ estate, plan, links, layout, keptIds, mode, hour }), [estate, plan, links, layout, keptIds, mode, hour]);
  const flowsById = useMemo(() => new Map(estate.flows.map((f) => [f.id, f])), [estate.flows]);
  const names = useMemo(() => nameIndex(estate), [estate]);

  const [hover, setHover] = useState<Hover>(null);
  const [scale, setScale] = useState(1);
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const sceneRef = useRef<SVGGElement>(null);

  // Pan and zoom: d3-zoom owns the scene's transform attribute; removed (with its listeners) on unmount.
  useEffect(() => {
    const svg = svgRef.current;
    const scene = sceneRef.current;
    if (!svg || !scene) return;
    const sel = select(svg);
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 12])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .on('zoom', (e: { transform: { k: number; toString(): string } }) => {
        scene.setAttribute('transform', e.transform.toString());
        setScale(e.transform.k);
      });
    sel.call(behaviour).on('dblclick.zoom', null);
    return () => {
      sel.on('.zoom', null);
      sel.property('__zoom', zoomIdentity);
      scene.removeAttribute('transform');
      setScale(1);
    };
  }, [width, height]);

  const place = (e: MouseEvent, kind: 'dc' | 'link', id: string) => {
    const box = boxRef.current?.getBoundingClientRect();
    setHover({ kind, id, x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) });
  };
  const hoveredDc = hover?.kind === 'dc' ? model.dcs.find((d) => d.id === hover.id) : undefined;
  const hoveredLink = hover?.kind === 'link' ? model.links.find((l) => l.id === hover.id) : undefined;
  const k = Math.sqrt(scale);

  return (
    <div className="cwb-view topology" data-testid="topology" data-layout={layout.mode} data-mode={mode} ref={boxRef}>
      <svg
        ref={svgRef}
        className="topology-map"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`WAN topology, ${mode === 'after' ? 'after consolidation' : 'today'}, ${hour === null ? 'peak over the week' : `hour ${hour}`}`}
        onClick={() => onSelectDc(null)}
      >
        <defs>
          <filter id="topology-glow" x="-50%" y="-50%" width="200%" height="200%">
            <feGaussianBlur stdDeviation="3" result="blur" />
            <feMerge>
              <feMergeNode in="blur" />
              <feMergeNode in="SourceGraphic" />
            </feMerge>
          </filter>
        </defs>
        <g ref={sceneRef}>
          {layout.mode === 'geo' && (
            <g className="topology-land" aria-hidden="true">
              <path d={layout.landPath} className="land" />
              <path d={layout.bordersPath} className="borders" />
            </g>
          )}
          <g className="topology-links">
            {model.links.map((l) => (
              <LinkPath key={l.id} link={l} scale={k} onHover={(e) => place(e, 'link', l.id)} onLeave={() => setHover(null)} />
            ))}
          </g>
          <g className="topology-users">
            {model.users.map((u) => (
              <rect
                key={u.id}
                className="user-mark"
                data-user-site-id={u.id}
                x={u.x - 3 / k}
                y={u.y - 3 / k}
                width={6 / k}
                height={6 / k}
                transform={`rotate(45 ${u.x} ${u.y})`}
              >
                <title>{`${u.name}: ${fmt.format(u.users)} users`}</title>
              </rect>
            ))}
          </g>
          <g className="topology-dcs">
            {model.dcs.map((d) => (
              <DcCircle
                key={d.id}
                dc={d}
                scale={k}
                selected={d.id === selectedDcId}
                onSelect={() => onSelectDc(d.id)}
                onHover={(e) => place(e, 'dc', d.id)}
                onLeave={() => setHover(null)}
              />
            ))}
          </g>
        </g>
      </svg>
      {onExportImage && (
        <div className="topology-export" role="group" aria-label="Export the map">
          {(['svg', 'png'] as const).map((f) => (
            <button key={f} type="button" title={`Export the map as ${f.toUpperCase()}`} onClick={() => svgRef.current && onExportImage(svgRef.current, f)} data-testid={`topology-export-${f}`}>
              {f.toUpperCase()}
            </button>
          ))}
        </div>
      )}
      {hover && (hoveredDc || hoveredLink) && <TopologyTooltip x={hover.x} y={hover.y} dc={hoveredDc} link={hoveredLink} flowsById={flowsById} names={names} />}
      <TopologyLegend model={model} mode={mode} hasPlan={plan !== null} hour={hour} />
    </div>
  );
}

/** Names of flow endpoints for the tooltip; the server map is built on first use (hover), not on render. */
function nameIndex(estate: Pick<Estate, 'userSites' | 'servers'>): (kind: 'server' | 'userSite', id: string) => string {
  let servers: Map<string, string> | null = null;
  const sites = new Map(estate.userSites.map((u) => [u.id, u.name]));
  return (kind, id) => {
    if (kind === 'userSite') return sites.get(id) ?? id;
    servers ??= new Map(estate.servers.map((s) => [s.id, s.name]));
    return servers.get(id) ?? id;
  };
}

function LinkPath({ link, scale, onHover, onLeave }: { link: LinkMark; scale: number; onHover(e: MouseEvent): void; onLeave(): void }) {
  const w = (link.over ? link.width * 1.8 : link.width) / scale;
  const pct = Number.isFinite(link.utilisation) ? `${Math.round(link.utilisation * 100)}%` : 'no data';
  return (
    <g
      className={`link link-${link.cls}${link.over ? ' link-over' : ''}${link.overload ? ' link-overloaded' : ''}`}
      data-link-id={link.id}
      data-link-class={link.cls}
      data-overloaded={link.overload ? 'true' : 'false'}
      onMouseMove={onHover}
      onMouseLeave={onLeave}
    >
      <path d={link.path} className="link-line" strokeWidth={w} filter={link.over ? 'url(#topology-glow)' : undefined}>
        <title>{`${link.aName} – ${link.bName}: ${pct} of ${fmt.format(link.bandwidthMbps)} Mbps`}</title>
      </path>
      <path d={link.path} className="link-hit" strokeWidth={Math.max(10, w + 6) / scale} />
    </g>
  );
}

function DcCircle({ dc, scale, selected, onSelect, onHover, onLeave }: { dc: DcMark; scale: number; selected: boolean; onSelect(): void; onHover(e: MouseEvent): void; onLeave(): void }) {
  const label = `${dc.name} (${dc.city}), ${dc.status === 'closing' ? 'closing' : dc.status}, ${dc.sizeLabel}`;
  return (
    <g
      className={`dc-mark dc-${dc.status}${selected ? ' dc-selected' : ''}`}
      data-dc-id={dc.id}
      data-status={dc.status}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      onClick={(e) => {
        e.stopPropagation();
        onSelect();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
      onMouseMove={onHover}
      onMouseLeave={onLeave}
    >
      <circle cx={dc.x} cy={dc.y} r={dc.r / scale} />
      {selected && <circle className="dc-ring" cx={dc.x} cy={dc.y} r={(dc.r + 4) / scale} />}
    </g>
  );
}
