/** Unplaced reasons name the rule that binds (issue 19.6): headroom, a host too small, a pin to a closed site. */
import { describe, expect, it } from 'vitest';
import { byServer, estate, project, run, server } from './fixtures.ts';

const servers = (n: number) => Array.from({ length: n }, (_, i) => server(`s${i}`));

describe('unplaced reasons', () => {
  it('100% CPU headroom is reported as headroom leaving no room on a host, with figures, not as facility limits', () => {
    const plan = run(project(estate({ servers: servers(4), scenario: { rules: { headroomPct: { cpu: 100 } } } })));
    expect(plan.unplaced).toHaveLength(4);
    const why = plan.unplaced[0].blockedBy.join(' | ');
    expect(why).not.toMatch(/facility limits/);
    expect(why).toMatch(/host too small at dc-a: s0 needs \d+ cpu at peak, one h1 host offers 0 after 100% headroom: 100% cpu headroom leaves no room on any host/);
  });

  it('a host model far too small for the servers is reported as such, with the figures, not as facility limits', () => {
    const e = estate({ servers: servers(3) });
    e.hostModels = e.hostModels.map((h) => ({ ...h, ratingPerCore: 0.001 }));
    const plan = run(project(e));
    expect(plan.unplaced).toHaveLength(3);
    const why = plan.unplaced[0].blockedBy.join(' | ');
    expect(why).not.toMatch(/facility limits/);
    expect(why).toMatch(/host too small at dc-(a|b): s0 needs \d+ cpu at peak, one h1 host offers 0\.01/);
  });

  it('servers pinned to a closed site are unplaced with that reason, never placed there on 0 hosts', () => {
    const pinned = Array.from({ length: 300 }, (_, i) => server(`p${i}`, { dataCentreId: 'dc-c' }));
    const plan = run(project(estate({ servers: [...pinned, server('free')], scenario: { pins: pinned.map((s) => ({ serverId: s.id, dataCentreId: 'dc-c' })) } })));
    const a = byServer(plan);
    expect(plan.unplaced).toHaveLength(300);
    expect(a.get('p0')).toMatchObject({ targetDataCentreId: null, hostLabel: null, reason: 'unplaced' });
    expect(plan.unplaced.find((u) => u.serverId === 'p7')?.blockedBy.join(' ')).toMatch(/pinned to dc-c, which the scenario does not keep \(closed\)/);
    expect(plan.assignments.filter((x) => x.targetDataCentreId === 'dc-c')).toEqual([]);
    expect(a.get('free')?.targetDataCentreId).not.toBeNull();
    expect(plan.violations.filter((v) => v.kind === 'pin')).toHaveLength(300);
  });
});
