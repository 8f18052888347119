import { describe, expect, it } from 'vitest';
import { allTables, planTables } from '../../core/export/plan-tables.ts';
import { tableCsv } from '../../core/export/csv.ts';
import { estate, project, run, server } from '../engine/fixtures.ts';

describe('plan tables', () => {
  const e = estate({ servers: [server('s1', { name: 'web one' }), server('s2', { dataCentreId: 'dc-c' }), server('s3', { dataCentreId: 'dc-b' })] });
  const plan = run(project(e));
  const t = planTables(e, e.scenarios[0], plan);

  it('has one row per server, host, site and link, each as wide as its header', () => {
    expect(t.title).toBe(`test - ${e.scenarios[0].name}`);
    expect(t.servers.rows).toHaveLength(3);
    expect(t.hosts.rows).toHaveLength(plan.hosts.length);
    expect(t.sites.rows).toHaveLength(plan.sites.length);
    expect(t.links.rows).toHaveLength(plan.links.length);
    for (const table of allTables(t)) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it('fills the servers table from the assignments with names', () => {
    const a = plan.assignments.find((x) => x.serverId === 's1')!;
    expect(t.servers.rows.find((r) => r[0] === 's1')).toEqual(['s1', 'web one', 'dc-a', a.targetDataCentreId, a.hostLabel, a.reason, a.detail]);
  });

  it('puts numbers in number columns and lists server ids per host', () => {
    const h = plan.hosts[0];
    const row = t.hosts.rows[0];
    expect(row[0]).toBe(h.label);
    expect(row[4]).toBe(h.serverIds.length);
    expect(row[5]).toBe(h.serverIds.join(' '));
    expect(typeof row[t.hosts.header.indexOf('cpu_peak_rating')]).toBe('number');
    expect(row[t.hosts.header.indexOf('spare')]).toMatch(/^(yes|no)$/);
    const site = t.sites.rows[0];
    expect(typeof site[t.sites.header.indexOf('hosts')]).toBe('number');
    expect(t.sites.header.at(-1)).toBe('cost_36_months_USD');
    const link = t.links.rows.find((r) => r[0] === 'l-ua')!;
    expect(link.slice(1, 4)).toEqual(['u1', 'dc-a', 100]);
  });

  it('serialises the servers table to CSV with the CLI header', () => {
    expect(tableCsv(t.servers).split('\r\n')[0]).toBe('server_id,server_name,source_site,target_site,target_host,reason,detail');
  });
});
