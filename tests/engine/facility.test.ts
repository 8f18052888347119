import { describe, expect, it } from 'vitest';
import { estate, project, run, server } from './fixtures.ts';

const servers = (n: number) => Array.from({ length: n }, (_, i) => server(`s${i}`)); // 20 rating units each: 5 per host

function withSites(a: { powerKw: number; rackCapacity: number }, b: { powerKw: number; rackCapacity: number }) {
  const e = estate({ servers: servers(10) });
  e.dataCentres = e.dataCentres.map((d) => (d.id === 'dc-a' ? { ...d, ...a } : d.id === 'dc-b' ? { ...d, ...b } : d));
  return project(e);
}

describe('facility limits (power kW, racks)', () => {
  it('a site without the power for its hosts takes no more servers; with none anywhere they stay unplaced, naming the limit', () => {
    // host h1 draws 500 W: 0.4 kW holds no host
    const plan = run(withSites({ powerKw: 0.4, rackCapacity: 100 }, { powerKw: 0.4, rackCapacity: 100 }));
    expect(plan.unplaced).toHaveLength(10);
    expect(plan.unplaced[0].blockedBy.join(' ')).toContain('facility limits');
  });

  it('servers go where the power is', () => {
    const plan = run(withSites({ powerKw: 0.4, rackCapacity: 100 }, { powerKw: 1000, rackCapacity: 100 }));
    expect(plan.unplaced).toHaveLength(0);
    expect(new Set(plan.assignments.map((a) => a.targetDataCentreId))).toEqual(new Set(['dc-b']));
  });

  it('a site near its power limit takes no more servers while another kept site has room', () => {
    // 30 servers at dc-a need 6 hosts (3 kW); dc-a has 3.6 kW: it passes with the usual slack (7 hosts) but
    // has no room for classes packing worse than that, so the last servers go to dc-b.
    const e = estate({ servers: servers(30) });
    e.dataCentres = e.dataCentres.map((d) => (d.id === 'dc-a' ? { ...d, powerKw: 3.6 } : d));
    const plan = run(project(e));
    expect(plan.unplaced).toHaveLength(0);
    const atA = plan.assignments.filter((a) => a.targetDataCentreId === 'dc-a').length;
    expect(atA).toBeGreaterThan(0);
    expect(atA).toBeLessThan(30);
    expect(plan.violations.filter((v) => v.kind === 'facility')).toEqual([]);
  });

  it('a limit of 0 is unknown (an imported site): not enforced, no violation', () => {
    const plan = run(withSites({ powerKw: 0, rackCapacity: 0 }, { powerKw: 0, rackCapacity: 0 }));
    expect(plan.unplaced).toHaveLength(0);
    expect(plan.assignments).toHaveLength(10);
    expect(plan.violations.filter((v) => v.kind === 'facility')).toEqual([]);
  });
});
