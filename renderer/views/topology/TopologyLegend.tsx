import type { Flow } from '../../../core/model/schema.ts';
import { formatHourRanges, hourLabel } from '../hours.ts';
import type { DcMark, LinkMark, Mode, TopologyModel } from './model.ts';

const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pct = (u: number) => (Number.isFinite(u) ? `${Math.round(u * 100)}%` : '—');

type Names = (kind: 'server' | 'userSite', id: string) => string;

function flowLabel(flowId: string, flowsById: ReadonlyMap<string, Flow>, names: Names): string {
  const f = flowsById.get(flowId);
  if (!f) return flowId;
  return `${names(f.from.kind, f.from.id)} → ${names(f.to.kind, f.to.id)}`;
}

export function TopologyTooltip({ x, y, dc, link, flowsById, names }: { x: number; y: number; dc?: DcMark; link?: LinkMark; flowsById: ReadonlyMap<string, Flow>; names: Names }) {
  return (
    <div className="cwb-tooltip" role="tooltip" data-testid="topology-tooltip" style={{ left: x + 14, top: y + 10 }}>
      {dc && (
        <>
          <strong>{dc.name}</strong> <span className="v-muted">{dc.city}</span>
          <div>Status: {dc.status}</div>
          <div>Servers today: {fmt.format(dc.servers)}</div>
          {dc.hosts !== null && <div>Hosts in the plan: {fmt.format(dc.hosts)}</div>}
        </>
      )}
      {link && (
        <>
          <strong>
            {link.aName} – {link.bName}
          </strong>
          <div>
            Load: {Number.isFinite(link.loadMbps) ? `${fmt.format(link.loadMbps)} Mbps` : 'no data'} ({pct(link.utilisation)})
          </div>
          <div>Bandwidth: {fmt.format(link.bandwidthMbps)} Mbps</div>
          <div>Latency: {link.latencyMs} ms round trip</div>
          {link.overload ? (
            <>
              <div className="tooltip-bad">
                Over capacity {link.overload.hours.length} h a week, peak {fmt.format(link.overload.peakMbps)} Mbps
              </div>
              <div>Heaviest flows in the worst hour:</div>
              <ul>
                {link.overload.topFlows.slice(0, 5).map((f) => (
                  <li key={f.flowId}>
                    {flowLabel(f.flowId, flowsById, names)}: {fmt.format(f.mbps)} Mbps
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <div className="v-muted">Within capacity all week</div>
          )}
        </>
      )}
    </div>
  );
}

export function TopologyLegend({ model, mode, hasPlan, hour }: { model: TopologyModel; mode: Mode; hasPlan: boolean; hour: number | null }) {
  return (
    <aside className="topology-legend" aria-label="Legend">
      <section>
        <h4>Data centres</h4>
        <ul className="legend-keys">
          <li>
            <span className="swatch dc-keep" /> keep
          </li>
          <li>
            <span className="swatch dc-candidate" /> candidate
          </li>
          <li>
            <span className="swatch dc-closing" /> closing
          </li>
          <li>
            <span className="swatch user" /> user site
          </li>
        </ul>
        <p className="v-muted">Size: {mode === 'after' && hasPlan ? 'hosts in the plan' : 'servers today'}</p>
      </section>
      <section>
        <h4>WAN links at {hour === null ? 'peak' : hourLabel(hour)}</h4>
        <ul className="legend-keys">
          <li>
            <span className="swatch link-ok" /> &lt; 70%
          </li>
          <li>
            <span className="swatch link-warn" /> 70–100%
          </li>
          <li>
            <span className="swatch link-bad" /> ≥ 100%
          </li>
        </ul>
        <p className="v-muted">Width: bandwidth</p>
        {mode === 'after' && !hasPlan && <p className="v-muted">No plan yet: loads shown are today's.</p>}
      </section>
      <section data-testid="overloaded-links">
        <h4>
          Over capacity {mode === 'after' && hasPlan ? 'after' : 'today'} ({model.overloaded.length})
        </h4>
        {model.overloaded.length === 0 ? (
          <p className="v-muted">No link exceeds its bandwidth.</p>
        ) : (
          <ul className="overloaded-list">
            {model.overloaded.map((l) => (
              <li key={l.id} data-link-id={l.id}>
                <strong>
                  {l.aName} – {l.bName}
                </strong>
                <div>
                  peak {fmt.format(l.overload?.peakMbps ?? 0)} / {fmt.format(l.bandwidthMbps)} Mbps ({pct((l.overload?.peakMbps ?? 0) / l.bandwidthMbps)}),{' '}
                  {l.overload?.hours.length} h
                </div>
                <div className="v-muted">{formatHourRanges(l.overload?.hours ?? [], 3)}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
