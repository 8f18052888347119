/**
 * The server table's sort, filter and search, as pure functions over index arrays: the result is an
 * Int32Array of positions in estate.servers, in display order. No server object is copied.
 *
 * The sort order per column is computed once per servers array (memoised) and reused while the user types in
 * the search box or changes filters, which then cost one linear scan. Descending walks the order backwards.
 */
import type { Application, DataCentre, Server } from '../../core/model/schema.ts';
import type { ServerFilters, ServerSort, ServerSortKey } from '../store/view-slice.ts';

export type ServerLookups = {
  dataCentreById: ReadonlyMap<string, DataCentre>;
  applicationById: ReadonlyMap<string, Application>;
};

type SortKeys = { kind: 'text'; keys: string[] } | { kind: 'number'; keys: Float64Array };

function sortKeys(servers: readonly Server[], key: ServerSortKey, lookups: ServerLookups): SortKeys {
  const n = servers.length;
  const text = (f: (s: Server) => string): SortKeys => {
    const keys = new Array<string>(n);
    for (let i = 0; i < n; i++) keys[i] = f(servers[i]).toLowerCase();
    return { kind: 'text', keys };
  };
  const num = (f: (s: Server) => number): SortKeys => {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = f(servers[i]);
    return { kind: 'number', keys };
  };
  switch (key) {
    case 'name':
      return text((s) => s.name);
    case 'id':
      return text((s) => s.id);
    case 'dataCentre':
      return text((s) => lookups.dataCentreById.get(s.dataCentreId)?.name ?? s.dataCentreId);
    case 'application':
      // servers without an application sort last
      return text((s) => (s.applicationId === null ? '\uffff' : (lookups.applicationById.get(s.applicationId)?.name ?? s.applicationId)));
    case 'environment':
      return num((s) => (s.environment === 'prod' ? 0 : s.environment === 'test' ? 1 : 2));
    case 'os':
      return text((s) => s.os);
    case 'cores':
      return num((s) => s.cores);
    case 'memoryGiB':
      return num((s) => s.memoryGiB);
    case 'storageGiB':
      return num((s) => s.storageGiB);
    case 'virtualisable':
      return num((s) => (s.virtualisable ? 0 : 1));
  }
}

/** Ascending order of the servers by a column; ties keep the estate's order. */
export function sortOrder(servers: readonly Server[], key: ServerSortKey, lookups: ServerLookups): Int32Array {
  const order = new Int32Array(servers.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const k = sortKeys(servers, key, lookups);
  if (k.kind === 'number') {
    const keys = k.keys;
    order.sort((a, b) => keys[a] - keys[b] || a - b);
  } else {
    const keys = k.keys;
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  }
  return order;
}

/** Lower-case "name id applicationId applicationName" per server, what the search box matches. */
export function searchText(servers: readonly Server[], applicationById: ReadonlyMap<string, Application>): string[] {
  const out = new Array<string>(servers.length);
  for (let i = 0; i < servers.length; i++) {
    const s = servers[i];
    const app = s.applicationId === null ? '' : `${s.applicationId}\u0000${applicationById.get(s.applicationId)?.name ?? ''}`;
    out[i] = `${s.name}\u0000${s.id}\u0000${app}`.toLowerCase();
  }
  return out;
}

/** Caches keyed on the servers array: a new array (an edit) recomputes, anything else reuses. */
type Cache = { lookups: ServerLookups; orders: Map<ServerSortKey, Int32Array>; search: string[] | null };
const caches = new WeakMap<readonly Server[], Cache>();

function cacheFor(servers: readonly Server[], lookups: ServerLookups): Cache {
  let c = caches.get(servers);
  if (!c || c.lookups.dataCentreById !== lookups.dataCentreById || c.lookups.applicationById !== lookups.applicationById) {
    c = { lookups, orders: new Map(), search: null };
    caches.set(servers, c);
  }
  return c;
}

export function cachedSortOrder(servers: readonly Server[], key: ServerSortKey, lookups: ServerLookups): Int32Array {
  const c = cacheFor(servers, lookups);
  let order = c.orders.get(key);
  if (!order) {
    order = sortOrder(servers, key, lookups);
    c.orders.set(key, order);
  }
  return order;
}

export function cachedSearchText(servers: readonly Server[], lookups: ServerLookups): string[] {
  const c = cacheFor(servers, lookups);
  c.search ??= searchText(servers, lookups.applicationById);
  return c.search;
}

/** Search words: every word must appear (in name, id or application). */
export function searchWords(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

export function hasFilters(f: ServerFilters): boolean {
  return f.dataCentreId !== null || f.environment !== null || f.virtualisable !== null || searchWords(f.search).length > 0;
}

/** Positions in `servers` that pass the filters, in the sort's order. */
export function queryServers(
  servers: readonly Server[],
  lookups: ServerLookups,
  filters: ServerFilters,
  sort: ServerSort,
): Int32Array {
  const order = cachedSortOrder(servers, sort.key, lookups);
  const words = searchWords(filters.search);
  const text = words.length > 0 ? cachedSearchText(servers, lookups) : null;
  const { dataCentreId, environment, virtualisable } = filters;
  const out = new Int32Array(order.length);
  let count = 0;
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const i = order[sort.descending ? n - 1 - k : k];
    const s = servers[i];
    if (dataCentreId !== null && s.dataCentreId !== dataCentreId) continue;
    if (environment !== null && s.environment !== environment) continue;
    if (virtualisable !== null && s.virtualisable !== virtualisable) continue;
    if (text) {
      const t = text[i];
      let all = true;
      for (const w of words) {
        if (!t.includes(w)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
    }
    out[count++] = i;
  }
  return count === n ? out : out.slice(0, count);
}
