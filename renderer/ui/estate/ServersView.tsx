/**
 * The servers table: virtualised (only the visible rows are in the DOM, so 100k servers scroll smoothly),
 * sorted by clicking a column header, filtered by data centre / environment / virtualisable and a search box.
 * The displayed order is an Int32Array of positions in estate.servers (estate/server-query.ts).
 */
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Server } from '../../../core/model/schema.ts';
import { queryServers, hasFilters } from '../../estate/server-query.ts';
import { useWorkbench } from '../../store/react.ts';
import {
  selectApplicationById,
  selectDataCentreById,
  selectDataCentres,
  selectSelectedServer,
  selectServers,
  serverIndexById,
} from '../../store/selectors.ts';
import { NO_SERVER_FILTERS, type ServerSortKey } from '../../store/view-slice.ts';
import { fmtInt, fmtNum, objectKey } from '../format.ts';
import { ServerEditor } from './ServerEditor.tsx';

export const ROW_HEIGHT = 28;

type Column = { key: ServerSortKey; label: string; numeric?: boolean; cell: (s: Server, names: Names) => string };
type Names = { dc: (id: string) => string; app: (id: string | null) => string };

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', cell: (s) => s.name },
  { key: 'id', label: 'Id', cell: (s) => s.id },
  { key: 'dataCentre', label: 'Data centre', cell: (s, n) => n.dc(s.dataCentreId) },
  { key: 'application', label: 'Application', cell: (s, n) => n.app(s.applicationId) },
  { key: 'environment', label: 'Env', cell: (s) => s.environment },
  { key: 'os', label: 'OS', cell: (s) => s.os },
  { key: 'cores', label: 'Cores', numeric: true, cell: (s) => fmtInt(s.cores) },
  { key: 'memoryGiB', label: 'Memory (GiB)', numeric: true, cell: (s) => fmtNum(s.memoryGiB) },
  { key: 'storageGiB', label: 'Storage (GiB)', numeric: true, cell: (s) => fmtInt(s.storageGiB) },
  { key: 'virtualisable', label: 'Virtualisable', cell: (s) => (s.virtualisable ? 'yes' : `no (${s.blocker?.kind ?? '?'})`) },
];

function Filters() {
  const filters = useWorkbench((s) => s.serverFilters);
  const setFilters = useWorkbench((s) => s.setServerFilters);
  const dcs = useWorkbench(selectDataCentres);
  return (
    <div className="filters" role="search">
      <input
        type="text"
        className="search"
        aria-label="Search servers"
        placeholder="Search servers (name, id, application)"
        value={filters.search}
        onChange={(e) => setFilters({ search: e.target.value })}
      />
      <label>
        <span>Data centre</span>
        <select value={filters.dataCentreId ?? ''} onChange={(e) => setFilters({ dataCentreId: e.target.value || null })}>
          <option value="">All</option>
          {dcs.map((dc) => (
            <option key={dc.id} value={dc.id}>
              {dc.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Environment</span>
        <select
          value={filters.environment ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            setFilters({ environment: v === 'prod' || v === 'test' || v === 'dev' ? v : null });
          }}
        >
          <option value="">All</option>
          <option value="prod">prod</option>
          <option value="test">test</option>
          <option value="dev">dev</option>
        </select>
      </label>
      <label>
        <span>Virtualisable</span>
        <select
          value={filters.virtualisable === null ? '' : filters.virtualisable ? 'yes' : 'no'}
          onChange={(e) => setFilters({ virtualisable: e.target.value === '' ? null : e.target.value === 'yes' })}
        >
          <option value="">All</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </label>
      {hasFilters(filters) && (
        <button type="button" onClick={() => setFilters(NO_SERVER_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}

export function ServersView() {
  const servers = useWorkbench(selectServers);
  const dcById = useWorkbench(selectDataCentreById);
  const appById = useWorkbench(selectApplicationById);
  const filters = useWorkbench((s) => s.serverFilters);
  const sort = useWorkbench((s) => s.serverSort);
  const sortBy = useWorkbench((s) => s.sortServersBy);
  const selectedId = useWorkbench((s) => s.selectedServerId);
  const indexById = serverIndexById(servers);
  const selected = useWorkbench(selectSelectedServer);
  const select = useWorkbench((s) => s.selectServer);

  // Typing in the search box stays responsive: the query over 100k rows runs as a deferred render.
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);
  const order = useMemo(
    () => queryServers(servers, { dataCentreById: dcById, applicationById: appById }, deferredFilters, deferredSort),
    [servers, dcById, appById, deferredFilters, deferredSort],
  );
  const names = useMemo<Names>(
    () => ({
      dc: (id) => dcById.get(id)?.name ?? id,
      app: (id) => (id === null ? '—' : (appById.get(id)?.name ?? id)),
    }),
    [dcById, appById],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    // Before the first measurement (and in tests without layout) render a screenful.
    initialRect: { width: 1200, height: 640 },
  });
  const items = virtualizer.getVirtualItems();

  // A new filter or sort starts at the top of the list.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [deferredFilters, deferredSort]);

  return (
    <div className="split">
      <div className="servers">
        <div className="servers-head">
          <Filters />
          <span className="muted count" aria-live="polite">
            {order.length === servers.length ? `${fmtInt(servers.length)} servers` : `${fmtInt(order.length)} of ${fmtInt(servers.length)} servers`}
          </span>
        </div>
        <div className="grid" data-testid="server-table" role="grid" aria-label="Servers" aria-rowcount={order.length + 1} aria-colcount={COLUMNS.length}>
          <div className="grid-row grid-header" role="row" aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              </div>
            ))}
          </div>
          <div
            className="grid-body"
            ref={scrollRef}
            tabIndex={0}
            aria-label="Server rows: arrow keys move the selection"
            onKeyDown={(e) => {
              const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20 }[e.key];
              if (step === undefined || order.length === 0) return;
              e.preventDefault();
              const at = selectedId === null ? -1 : order.indexOf(indexById.get(selectedId) ?? -1);
              const next = Math.min(order.length - 1, Math.max(0, at < 0 ? 0 : at + step));
              select(servers[order[next]].id);
              virtualizer.scrollToIndex(next, { align: 'auto' });
            }}
          >
            {order.length === 0 && <p className="empty-state">{servers.length === 0 ? 'This estate has no servers yet.' : 'No server matches the filters.'}</p>}
            <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((v) => {
                const s = servers[order[v.index]];
                const isSelected = s.id === selectedId;
                return (
                  <div
                    key={s.id}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={isSelected}
                    data-testid="server-row"
                    data-server-id={s.id}
                    className={isSelected ? 'grid-row selected' : 'grid-row'}
                    style={{ transform: `translateY(${v.start}px)` }}
                    tabIndex={-1}
                    onClick={() => select(s.id)}
                  >
                    {COLUMNS.map((c) => {
                      const text = c.cell(s, names);
                      return (
                        <div key={c.key} role="gridcell" title={text} className={c.numeric ? 'num' : c.key === 'id' ? 'mono' : undefined}>
                          {text}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {selected && <ServerEditor key={objectKey(selected)} server={selected} onClose={() => select(null)} />}
    </div>
  );
}
