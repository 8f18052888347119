/**
 * The WAN map for print: a static SVG of the same layout and model as the topology view (layoutTopology,
 * buildTopologyModel in 'after' mode at the week's peak), with no zoom, no hover and no animation, drawn in
 * print-safe styles that still read in black and white: kept sites solid and labelled in bold, closed sites
 * hollow with a cross, links by load class in both colour and line pattern (thin solid, dashed, thick).
 */
import { useMemo } from 'react';
import type { Plan } from '../../core/engine/plan.ts';
import type { Estate } from '../../core/model/schema.ts';
import { layoutTopology } from '../views/topology/layout.ts';
import { buildTopologyModel, type LinkMark } from '../views/topology/model.ts';

const W = 960;
const H = 600;

const LINK_STYLE: Record<LinkMark['cls'], { stroke: string; dash?: string; k: number }> = {
  ok: { stroke: '#6b7280', k: 1 },
  warn: { stroke: '#b7791f', dash: '7 4', k: 1.3 },
  bad: { stroke: '#b91c1c', k: 2.2 },
  idle: { stroke: '#9ca3af', dash: '2 3', k: 1 },
};

const shortName = (city: string, name: string) => (city.split(',')[0] || name).trim();

type Box = { x: number; y: number; w: number; h: number };
type LabelIn = { id: string; x: number; y: number; r: number; kept: boolean; text: string };
export type PlacedLabel = LabelIn & { size: number; box: Box };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Label boxes beside their marks: kept sites first, each at the first of right, left, below, above that
 * stays inside the map and clears the labels and marks placed so far (else right, inside the map).
 * Widths are estimated from the text (about 0.56 em per character in Helvetica).
 */
export function placeLabels(items: LabelIn[], width = W, height = H): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const marks: Box[] = items.map((m) => ({ x: m.x - m.r, y: m.y - m.r, w: 2 * m.r, h: 2 * m.r }));
  const order = [...items].sort((a, b) => Number(b.kept) - Number(a.kept) || (a.id < b.id ? -1 : 1));
  for (const it of order) {
    const size = it.kept ? 15 : 11;
    const w = it.text.length * size * 0.56 + 4;
    const h = size + 5;
    const gap = it.r + 3;
    const candidates: Box[] = [
      { x: it.x + gap, y: it.y - h / 2, w, h },
      { x: it.x - gap - w, y: it.y - h / 2, w, h },
      { x: it.x - w / 2, y: it.y + gap, w, h },
      { x: it.x - w / 2, y: it.y - gap - h, w, h },
    ];
    const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height;
    const free = (b: Box) => inside(b) && !placed.some((p) => overlaps(p.box, b)) && !marks.some((m, i) => items[i].id !== it.id && overlaps(m, b));
    const first = candidates[0];
    const box = candidates.find(free) ?? candidates.find(inside) ?? { ...first, x: Math.max(0, Math.min(width - w, first.x)) };
    placed.push({ ...it, size, box });
  }
  return placed;
}

export function ReportMap({ estate, plan, keptIds }: { estate: Estate; plan: Plan; keptIds: string[] }) {
  const { dataCentres, userSites, wanLinks } = estate;
  const layout = useMemo(() => layoutTopology({ dataCentres, userSites, wanLinks }, W, H), [dataCentres, userSites, wanLinks]);
  const model = useMemo(() => buildTopologyModel({ estate, plan, links: plan.links, layout, keptIds, mode: 'after', hour: null }), [estate, plan, layout, keptIds]);
  const kept = new Set(keptIds);
  // closed sites first, kept on top; labels last so no mark hides them
  const dcs = [...model.dcs].sort((a, b) => Number(kept.has(a.id)) - Number(kept.has(b.id)));
  const labels = placeLabels(
    dcs.map((d) => {
      const isKept = kept.has(d.id);
      return { id: d.id, x: d.x, y: d.y, r: isKept ? Math.max(8, d.r) : 5, kept: isKept, text: `${shortName(d.city, d.name)}${isKept && d.hosts !== null ? ` (${d.hosts} hosts)` : ''}` };
    }),
  );
  return (
    <figure className="report-figure report-map" data-testid="report-map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="WAN map after the moves: kept and closed sites, link loads at the week's peak" xmlns="http://www.w3.org/2000/svg">
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        {layout.mode === 'geo' && (
          <g aria-hidden="true">
            <path d={layout.landPath} fill="#eceef1" stroke="none" />
            <path d={layout.bordersPath} fill="none" stroke="#b8bec8" strokeWidth={0.6} />
          </g>
        )}
        <g>
          {model.links.map((l) => {
            const s = LINK_STYLE[l.cls];
            return (
              <path
                key={l.id}
                d={l.path}
                fill="none"
                stroke={s.stroke}
                strokeWidth={l.width * s.k}
                strokeDasharray={s.dash}
                strokeLinecap="round"
                data-link-id={l.id}
                data-link-class={l.cls}
              />
            );
          })}
        </g>
        <g>
          {model.users.map((u) => (
            <rect key={u.id} x={u.x - 2.5} y={u.y - 2.5} width={5} height={5} transform={`rotate(45 ${u.x} ${u.y})`} fill="#4b5563" />
          ))}
        </g>
        <g>
          {dcs.map((d) => {
            const isKept = kept.has(d.id);
            const r = isKept ? Math.max(8, d.r) : 5;
            return (
              <g key={d.id} data-dc-id={d.id} data-status={isKept ? 'keep' : 'closed'}>
                <circle cx={d.x} cy={d.y} r={r} fill={isKept ? '#166534' : '#ffffff'} stroke="#111827" strokeWidth={isKept ? 1.5 : 1.2} />
                {!isKept && <path d={`M${d.x - 3} ${d.y - 3}L${d.x + 3} ${d.y + 3}M${d.x + 3} ${d.y - 3}L${d.x - 3} ${d.y + 3}`} stroke="#111827" strokeWidth={1.1} />}
              </g>
            );
          })}
        </g>
        <g fontFamily="Helvetica, Arial, sans-serif">
          {labels.map((l) => (
            <g key={l.id}>
              <rect x={l.box.x} y={l.box.y} width={l.box.w} height={l.box.h} rx={2} fill="#ffffff" fillOpacity={0.85} />
              <text x={l.box.x + 2} y={l.box.y + l.box.h - 4} fontSize={l.size} fontWeight={l.kept ? 700 : 400} fill={l.kept ? '#111827' : '#374151'}>
                {l.text}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="report-legend">
        <span>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5.5" fill="#166534" stroke="#111827" />
          </svg>{' '}
          kept site (size: hosts)
        </span>
        <span>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" fill="#fff" stroke="#111827" />
            <path d="M4 4L10 10M10 4L4 10" stroke="#111827" />
          </svg>{' '}
          closed site
        </span>
        {(['ok', 'warn', 'bad'] as const).map((c) => (
          <span key={c}>
            <svg width="30" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="29" y2="5" stroke={LINK_STYLE[c].stroke} strokeWidth={2 * LINK_STYLE[c].k} strokeDasharray={LINK_STYLE[c].dash} />
            </svg>{' '}
            {c === 'ok' ? 'link below 70%' : c === 'warn' ? '70–100%' : 'over capacity'}
          </span>
        ))}
        <span>Link loads after the moves, at the week&apos;s peak hour; line width: bandwidth.</span>
      </figcaption>
    </figure>
  );
}
