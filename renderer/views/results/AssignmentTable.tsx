import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Plan, PlacementReason } from '../../../core/engine/plan.ts';
import type { Estate } from '../../../core/model/schema.ts';
import { REASONS } from './metrics.ts';
import '../views.css';
import './results.css';

export type AssignmentTableProps = {
  estate: Estate;
  plan: Plan;
  onSelectServer?(serverId: string): void;
  selectedServerId?: string | null;
  /** Controlled site filter (a data centre id, null for all); without it the table keeps its own. */
  site?: string | null;
  onSiteChange?(id: string | null): void;
  /** With it, each row gets a "Pin…" button (it selects the row too); the caller opens its pin picker. */
  onPinServer?(serverId: string): void;
  /** Servers pinned in the plan's scenario, marked in the Server column. */
  pinnedServerIds?: ReadonlySet<string>;
};

const ROW_HEIGHT = 26;
const COLUMNS = ['Server', 'Source site', 'Target site', 'Host', 'Reason', 'Detail'] as const;
const isReason = (v: string): v is PlacementReason => (REASONS as readonly string[]).includes(v);

/** Every server's placement: virtualised rows, filtered by reason and site, searched by name, host or detail. */
export function AssignmentTable({ estate, plan, onSelectServer, selectedServerId = null, site: siteProp, onSiteChange, onPinServer, pinnedServerIds }: AssignmentTableProps) {
  const [reason, setReason] = useState<PlacementReason | ''>('');
  const [ownSite, setOwnSite] = useState('');
  const site = siteProp === undefined ? ownSite : (siteProp ?? '');
  const setSite = (id: string) => (siteProp === undefined ? setOwnSite(id) : onSiteChange?.(id || null));
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim().toLowerCase());
  const serverName = useMemo(() => new Map(estate.servers.map((s) => [s.id, s.name])), [estate.servers]);
  const dcName = useMemo(() => new Map(estate.dataCentres.map((d) => [d.id, d.name])), [estate.dataCentres]);
  const rows = useMemo(
    () =>
      plan.assignments.filter((a) => {
        if (reason && a.reason !== reason) return false;
        if (site && a.sourceDataCentreId !== site && a.targetDataCentreId !== site) return false;
        if (!q) return true;
        const name = serverName.get(a.serverId) ?? '';
        return name.toLowerCase().includes(q) || a.serverId.toLowerCase().includes(q) || (a.hostLabel ?? '').toLowerCase().includes(q) || a.detail.toLowerCase().includes(q);
      }),
    [plan.assignments, reason, site, q, serverName],
  );
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const a of plan.assignments) m.set(a.reason, (m.get(a.reason) ?? 0) + 1);
    return m;
  }, [plan.assignments]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 480 },
  });
  const dc = (id: string | null) => (id === null ? '—' : (dcName.get(id) ?? id));

  return (
    <div className="cwb-view assignment-table" data-testid="assignment-table">
      <div className="table-filters">
        <input type="search" placeholder="Search server, host, detail" aria-label="Search assignments" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <select aria-label="Filter by reason" value={reason} onChange={(e) => setReason(isReason(e.currentTarget.value) ? e.currentTarget.value : '')}>
          <option value="">all reasons</option>
          {REASONS.filter((r) => counts.has(r)).map((r) => (
            <option key={r} value={r}>
              {r} ({counts.get(r)})
            </option>
          ))}
        </select>
        <select aria-label="Filter by site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
          <option value="">all sites</option>
          {estate.dataCentres.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <span className="v-muted" aria-live="polite">
          {rows.length === plan.assignments.length ? `${rows.length} servers` : `${rows.length} of ${plan.assignments.length} servers`}
        </span>
      </div>
      <div className="vt" role="grid" aria-label="Assignments" aria-rowcount={rows.length + 1}>
        <div className="vt-row vt-head" role="row">
          {COLUMNS.map((c) => (
            <div key={c} role="columnheader">
              {c}
            </div>
          ))}
        </div>
        <div className="vt-body" ref={scrollRef}>
          {rows.length === 0 && <p className="v-muted">No assignment matches.</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const a = rows[v.index];
              return (
                <div
                  key={a.serverId}
                  role="row"
                  data-testid="assignment-row"
                  data-server-id={a.serverId}
                  aria-rowindex={v.index + 2}
                  aria-selected={a.serverId === selectedServerId}
                  className={`vt-row reason-${a.reason}`}
                  style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => onSelectServer?.(a.serverId)}
                >
                  <div role="gridcell">
                    {serverName.get(a.serverId) ?? a.serverId}
                    {pinnedServerIds?.has(a.serverId) && (
                      <span className="pin-mark v-muted" title="pinned in this scenario">
                        {' '}
                        (pinned)
                      </span>
                    )}
                    {onPinServer && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="row-pin"
                          aria-label={`Pin ${serverName.get(a.serverId) ?? a.serverId}`}
                          onClick={(e) => {
                            e.stopPropagation();
                            onSelectServer?.(a.serverId);
                            onPinServer(a.serverId);
                          }}
                        >
                          Pin…
                        </button>
                      </>
                    )}
                  </div>
                  <div role="gridcell">{dc(a.sourceDataCentreId)}</div>
                  <div role="gridcell">{dc(a.targetDataCentreId)}</div>
                  <div role="gridcell">{a.hostLabel ?? '—'}</div>
                  <div role="gridcell">
                    <span className="reason-chip">{a.reason}</span>
                  </div>
                  <div role="gridcell" title={a.detail}>
                    {a.detail}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
