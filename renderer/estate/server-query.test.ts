import { describe, expect, it } from 'vitest';
import { queryServers, sortOrder, searchWords } from './server-query.ts';
import { makeProject } from '../test/fixtures.ts';
import { byId } from '../store/selectors.ts';
import { NO_SERVER_FILTERS } from '../store/view-slice.ts';
import type { Server } from '../../core/model/schema.ts';

const project = makeProject(100_000, 6, 50);
const servers = project.estate.servers;
const lookups = { dataCentreById: byId(project.estate.dataCentres), applicationById: byId(project.estate.applications) };

function isSorted(idx: Int32Array, key: (s: Server) => number | string, descending = false) {
  for (let k = 1; k < idx.length; k++) {
    const a = key(servers[idx[k - 1]]);
    const b = key(servers[idx[k]]);
    if (descending ? a < b : a > b) return false;
  }
  return true;
}

describe('server query on 100,000 servers', () => {
  it('with no filters returns every server once, sorted by name', () => {
    const idx = queryServers(servers, lookups, NO_SERVER_FILTERS, { key: 'name', descending: false });
    expect(idx.length).toBe(100_000);
    expect(new Set(idx).size).toBe(100_000);
    expect(isSorted(idx, (s) => s.name.toLowerCase())).toBe(true);
  });

  it('sorts by numbers both ways, ties in estate order', () => {
    const up = queryServers(servers, lookups, NO_SERVER_FILTERS, { key: 'cores', descending: false });
    expect(isSorted(up, (s) => s.cores)).toBe(true);
    for (let k = 1; k < up.length; k++) {
      if (servers[up[k - 1]].cores === servers[up[k]].cores) expect(up[k - 1]).toBeLessThan(up[k]);
      if (k > 2000) break;
    }
    const down = queryServers(servers, lookups, NO_SERVER_FILTERS, { key: 'memoryGiB', descending: true });
    expect(isSorted(down, (s) => s.memoryGiB, true)).toBe(true);
  });

  it('sorts by data centre name and puts servers without an application last', () => {
    const byDc = queryServers(servers, lookups, NO_SERVER_FILTERS, { key: 'dataCentre', descending: false });
    expect(isSorted(byDc, (s) => lookups.dataCentreById.get(s.dataCentreId)!.name.toLowerCase())).toBe(true);
    const byApp = sortOrder(servers, 'application', lookups);
    expect(servers[byApp[byApp.length - 1]].applicationId).toBeNull();
    expect(servers[byApp[0]].applicationId).not.toBeNull();
  });

  it('filters by data centre, environment and virtualisable together', () => {
    const filters = { ...NO_SERVER_FILTERS, dataCentreId: 'dc-3', environment: 'prod' as const, virtualisable: false };
    const idx = queryServers(servers, lookups, filters, { key: 'id', descending: false });
    const expected = servers.filter((s) => s.dataCentreId === 'dc-3' && s.environment === 'prod' && !s.virtualisable);
    expect(idx.length).toBe(expected.length);
    expect(idx.length).toBeGreaterThan(0);
    expect(Array.from(idx, (i) => servers[i].id)).toEqual(expected.map((s) => s.id));
  });

  it('searches name, id and application, case-insensitively, every word', () => {
    const byId = queryServers(servers, lookups, { ...NO_SERVER_FILTERS, search: 'SRV-012345' }, { key: 'name', descending: false });
    expect(Array.from(byId, (i) => servers[i].id)).toEqual(['srv-012345']);
    const target = servers[777];
    const byName = queryServers(servers, lookups, { ...NO_SERVER_FILTERS, search: target.name }, { key: 'name', descending: false });
    expect(Array.from(byName, (i) => servers[i].id)).toContain(target.id);
    const byApp = queryServers(servers, lookups, { ...NO_SERVER_FILTERS, search: 'APP-17' }, { key: 'id', descending: false });
    const expected = servers.filter((s) => s.applicationId === 'app-17');
    expect(Array.from(byApp, (i) => servers[i].id)).toEqual(expected.map((s) => s.id));
    const none = queryServers(servers, lookups, { ...NO_SERVER_FILTERS, search: 'no-such-thing' }, { key: 'id', descending: false });
    expect(none.length).toBe(0);
  });

  it('does not copy servers: indices point into the estate array', () => {
    const idx = queryServers(servers, lookups, { ...NO_SERVER_FILTERS, environment: 'dev' }, { key: 'cores', descending: true });
    expect(idx).toBeInstanceOf(Int32Array);
    expect(idx.every((i) => servers[i].environment === 'dev')).toBe(true);
  });

  it('splits search words', () => {
    expect(searchWords('  Web  01 ')).toEqual(['web', '01']);
    expect(searchWords('')).toEqual([]);
  });
});
