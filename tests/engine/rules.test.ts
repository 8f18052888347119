import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../core/model/schema.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { byServer, estate, project, run, server } from './fixtures.ts';

const hostOf = (plan: Plan, id: string) => plan.hosts.find((h) => h.serverIds.includes(id));
const many = (n: number, f: (i: number) => Parameters<typeof server>[1] = () => ({})) =>
  Array.from({ length: n }, (_, i) => server(`s${i}`, f(i)));

describe('engine rules (hand-checked small estates)', () => {
  it('packs by the peak of the summed series: 5 servers of 20 rating units per 100-unit host', () => {
    const plan = run(project(estate({ servers: many(10) })));
    expect(plan.hosts.filter((h) => !h.spare)).toHaveLength(2);
    expect(plan.bounds.total).toBe(2);
    expect(plan.gapPct).toBe(0);
    for (const h of plan.hosts) expect(h.peak.cpu).toBeLessThanOrEqual(h.capacity.cpu);
    expect(plan.hosts[0].label).toBe('dc-a-h001');
  });

  it('two servers whose peaks alternate share a host when the sum stays under capacity in every hour', () => {
    const e = estate({ servers: many(2, () => ({ cores: 10 })) }); // 100 rating units each
    const p = project(e);
    for (let h = 0; h < 168; h++) {
      p.series.cpuPct[h] = h % 2 === 0 ? 90 : 10;
      p.series.cpuPct[168 + h] = h % 2 === 0 ? 10 : 90;
    }
    const plan = run(p);
    expect(plan.hosts).toHaveLength(1); // sum of peaks 180 > 100, but peak of sums is 100
    expect(plan.hosts[0].peak.cpu).toBeCloseTo(100, 3);
  });

  it('headroom reduces usable host capacity', () => {
    const e = estate({ servers: many(10), scenario: { rules: { headroomPct: { cpu: 20 } } } });
    const plan = run(project(e));
    expect(plan.hosts[0].capacity.cpu).toBeCloseTo(80, 6);
    expect(plan.hosts).toHaveLength(3); // 4 servers of 20 per 80-unit host
  });

  it('CPU overcommit limits vCPUs per host (an extra coordinate)', () => {
    const e = estate({ servers: many(8, () => ({ cores: 4 })), scenario: { rules: { cpuOvercommit: 1 } } });
    const p = project(e, undefined);
    p.series.cpuPct.fill(1);
    const plan = run(p);
    // 10 host cores x 1 = 10 vCPUs: two 4-core servers per host.
    expect(plan.hosts).toHaveLength(4);
    for (const h of plan.hosts) expect(h.vcpus).toBeLessThanOrEqual(h.vcpuLimit);
  });

  it('DR partners go to different sites (and so different hosts)', () => {
    const e = estate({ servers: [server('p', { drPartnerId: 'q' }), server('q', { drPartnerId: 'p' })] });
    const plan = run(project(e));
    const a = byServer(plan);
    expect(a.get('p')?.targetDataCentreId).not.toBe(a.get('q')?.targetDataCentreId);
    expect(a.get('q')?.reason).toBe('forced-by-dr');
    expect(plan.violations).toEqual([]);
  });

  it('DR partners pinned to one site: kept there, on different hosts, and the violation reported', () => {
    const e = estate({
      servers: [server('p', { drPartnerId: 'q' }), server('q', { drPartnerId: 'p' })],
      scenario: { pins: [{ serverId: 'p', dataCentreId: 'dc-a' }, { serverId: 'q', dataCentreId: 'dc-a' }] },
    });
    const plan = run(project(e));
    expect(hostOf(plan, 'p')?.label).not.toBe(hostOf(plan, 'q')?.label);
    expect(plan.violations.some((v) => v.kind === 'dr' && v.serverIds.includes('p'))).toBe(true);
    expect(byServer(plan).get('p')?.reason).toBe('pinned');
  });

  it('zone residency and dedicated hosts', () => {
    const e = estate({
      zones: [{ id: 'pci', name: 'pci', kind: 'pci', dedicatedHosts: true, allowedDataCentreIds: ['dc-b'] }],
      servers: [server('z1', { zoneId: 'pci' }), server('z2', { zoneId: 'pci' }), server('o1'), server('o2', { dataCentreId: 'dc-b' })],
    });
    const plan = run(project(e));
    const a = byServer(plan);
    expect(a.get('z1')?.targetDataCentreId).toBe('dc-b');
    expect(a.get('z1')?.reason).toBe('forced-by-zone');
    const zHost = hostOf(plan, 'z1');
    expect(zHost?.serverIds.sort()).toEqual(['z1', 'z2']);
    expect(hostOf(plan, 'o2')?.label).not.toBe(zHost?.label);
  });

  it('a zone whose residency allows no kept site leaves its servers unplaced, naming the zone', () => {
    const e = estate({
      zones: [{ id: 'eu', name: 'eu', kind: 'other', dedicatedHosts: false, allowedDataCentreIds: ['dc-c'] }],
      servers: [server('x', { zoneId: 'eu' })],
    });
    const plan = run(project(e));
    expect(plan.unplaced).toHaveLength(1);
    expect(plan.unplaced[0].blockedBy.join(' ')).toMatch(/zone eu residency/);
    expect(byServer(plan).get('x')?.reason).toBe('unplaced');
  });

  it('department segregation: by scenario rule, and for a department that refuses sharing', () => {
    const servers = [server('a1'), server('a2'), server('b1', { departmentId: 'd2' }), server('b2', { departmentId: 'd2' })];
    const mixed = run(project(estate({ servers })));
    expect(mixed.hosts).toHaveLength(1);
    const seg = run(project(estate({ servers, scenario: { rules: { segregateDepartments: true } } })));
    expect(seg.hosts).toHaveLength(2);
    const refuses = run(project(estate({ servers, departments: [{ id: 'd1', name: 'd1' }, { id: 'd2', name: 'd2', refusesSharing: true }] })));
    expect(refuses.hosts.map((h) => h.serverIds.sort())).toEqual([['a1', 'a2'], ['b1', 'b2']]);
  });

  it('environment segregation', () => {
    const servers = [server('p1'), server('t1', { environment: 'test' }), server('d1', { environment: 'dev' })];
    expect(run(project(estate({ servers }))).hosts).toHaveLength(1);
    expect(run(project(estate({ servers, scenario: { rules: { segregateEnvironments: true } } }))).hosts).toHaveLength(3);
  });

  it('only servers with the same maintenance window share a host', () => {
    const w = (startHour: number) => ({ days: [0], startHour, durationHours: 2, timeZone: 'UTC' });
    const servers = [server('w1', { maintenanceWindow: w(1) }), server('w2', { maintenanceWindow: w(1) }), server('w3', { maintenanceWindow: w(3) })];
    const plan = run(project(estate({ servers })));
    expect(plan.hosts).toHaveLength(2);
    expect(hostOf(plan, 'w1')?.label).toBe(hostOf(plan, 'w2')?.label);
    expect(hostOf(plan, 'w3')?.label).not.toBe(hostOf(plan, 'w1')?.label);
  });

  it('servers without a maintenance window share hosts with windowed ones; two windows never share', () => {
    const w = (startHour: number) => ({ days: [0], startHour, durationHours: 2, timeZone: 'UTC' });
    // 20 rating units each: w1 + w3 + four window-less = 120 units, two hosts; w1 and w3 apart.
    const servers = [server('w1', { maintenanceWindow: w(1) }), server('w3', { maintenanceWindow: w(3) }), ...many(4)];
    for (const packer of [undefined, defaultPacker]) {
      const plan = run(project(estate({ servers })), 's1', packer);
      expect(plan.hosts).toHaveLength(2);
      expect(hostOf(plan, 'w1')?.label).not.toBe(hostOf(plan, 'w3')?.label);
      for (const h of plan.hosts) expect(h.serverIds.some((id) => id.startsWith('w'))).toBe(true); // no 'mw:none' host
      expect(plan.violations).toEqual([]);
    }
  });

  it('an affinity group of windowed and window-less servers stays together; different windows split it', () => {
    const w = (startHour: number) => ({ days: [0], startHour, durationHours: 2, timeZone: 'UTC' });
    const together = [server('a', { maintenanceWindow: w(1), affinityGroups: ['g'] }), server('b', { affinityGroups: ['g'] }), server('x', { maintenanceWindow: w(3) }), server('y', { maintenanceWindow: w(3) })];
    const plan = run(project(estate({ servers: together })));
    expect(hostOf(plan, 'a')?.label).toBe(hostOf(plan, 'b')?.label);
    expect(hostOf(plan, 'a')?.label).not.toBe(hostOf(plan, 'x')?.label);
    expect(plan.violations).toEqual([]);
    const apart = [server('a', { maintenanceWindow: w(1), affinityGroups: ['g'] }), server('b', { maintenanceWindow: w(3), affinityGroups: ['g'] })];
    const split = run(project(estate({ servers: apart })));
    expect(hostOf(split, 'a')?.label).not.toBe(hostOf(split, 'b')?.label);
    expect(split.violations.map((v) => v.kind)).toEqual(['affinity']);
  });

  it('licence pools: with an expensive per-core licence, licensed VMs gather on the fewest hosts', () => {
    // 6 licensed VMs of 10 rating units, 6 unlicensed of 20, interleaved: 180 units, 2 hosts. Mixed first
    // fit would spread the licensed ones over both hosts; the pool keeps them on one (one licence, 10 cores).
    const servers = Array.from({ length: 12 }, (_, i) => (i % 2 === 1 ? server(`l${i}`, { cores: 2, licensedProductIds: ['ora'] }) : server(`u${i}`)));
    const lic = { products: [{ id: 'ora', name: 'ora' }], licenceModels: [{ id: 'l-ora', productId: 'ora', name: 'ora', metric: 'per-host-core' as const, price: 1000, minCoresPerHost: 0 }] };
    for (const packer of [undefined, defaultPacker]) {
      const plan = run(project(estate({ servers, ...lic, scenario: { licenceModelIds: ['l-ora'] } })), 's1', packer);
      expect(plan.hosts).toHaveLength(2);
      const licensed = plan.hosts.filter((h) => h.serverIds.some((id) => id.startsWith('l')));
      expect(licensed).toHaveLength(1);
      expect(plan.cost.licences[0]).toMatchObject({ units: 10, cost: 10000, boundUnits: 10 });
    }
    const pooled = run(project(estate({ servers, ...lic, scenario: { licenceModelIds: ['l-ora'] } })));
    expect(pooled.hosts.find((h) => h.serverIds.includes('l1'))?.classKey).toContain('pool:l-ora');
    expect(byServer(pooled).get('l1')?.detail).toContain('licence pool l-ora');
    // No licence in force: no pools, plain first fit.
    const plain = run(project(estate({ servers, ...lic })));
    expect(plain.hosts).toHaveLength(2);
    expect(plain.hosts.every((h) => !h.classKey.includes('pool:'))).toBe(true);
    expect(plain.hosts.filter((h) => h.serverIds.some((id) => id.startsWith('l')))).toHaveLength(2);
  });

  it('anti-affinity members get separate hosts; the clique raises the bound', () => {
    const plan = run(project(estate({ servers: many(3, () => ({ antiAffinityGroups: ['g'] })) })));
    expect(new Set(plan.hosts.map((h) => h.label)).size).toBe(3);
    expect(plan.bounds.perSite['dc-a'].antiAffinity).toBe(3);
    expect(plan.bounds.total).toBe(3);
  });

  it('affinity group members land on one host, and follow each other across sites', () => {
    const servers = [server('a', { affinityGroups: ['g'] }), server('x1'), server('x2'), server('x3'), server('x4'), server('b', { affinityGroups: ['g'], dataCentreId: 'dc-c' })];
    const plan = run(project(estate({ servers })));
    expect(hostOf(plan, 'a')?.label).toBe(hostOf(plan, 'b')?.label);
  });

  it('non-virtualisable servers stay physical and are listed, not packed', () => {
    const servers = [server('v'), server('phys', { virtualisable: false, blocker: { kind: 'usb-dongle' } })];
    const plan = run(project(estate({ servers })));
    const a = byServer(plan).get('phys');
    expect(a?.reason).toBe('stays-physical');
    expect(a?.hostLabel).toBeNull();
    expect(a?.targetDataCentreId).toBe('dc-a');
    expect(plan.hosts.flatMap((h) => h.serverIds)).toEqual(['v']);
    expect(plan.sites.find((s) => s.dataCentreId === 'dc-a')?.physicalServers).toBe(1);
  });

  it('N+1 adds one spare host per site in use, counted in the bound and the cost', () => {
    const servers = [server('a'), server('b', { dataCentreId: 'dc-b' })];
    const plan = run(project(estate({ servers, scenario: { rules: { nPlusOne: true } } })));
    const spares = plan.hosts.filter((h) => h.spare);
    expect(spares.map((h) => h.dataCentreId).sort()).toEqual(['dc-a', 'dc-b']);
    expect(plan.hostsUsed).toBe(4);
    expect(plan.bounds.total).toBe(4);
    expect(plan.cost.hostPurchase).toBe(4000);
    expect(plan.cost.hostRunning).toBe(4 * 10 * 36);
  });

  it('the estate\'s cost horizon sets the months of running cost (default 36)', () => {
    const servers = [server('a'), server('b', { dataCentreId: 'dc-b' })];
    const plan = run(project({ ...estate({ servers, scenario: { rules: { nPlusOne: true } } }), horizonMonths: 60 }));
    expect(plan.cost.horizonMonths).toBe(60);
    expect(plan.cost.hostRunning).toBe(plan.hostsUsed * 10 * 60);
    expect(plan.cost.total).toBe(plan.cost.hostPurchase + plan.hostsUsed * 10 * 60 + plan.cost.licenceTotal);
  });

  it('pins: to a site, to a host label, and a pin to a closed site is honoured and reported', () => {
    const servers = [server('p1'), server('p2'), server('p3'), server('free')];
    const plan = run(project(estate({
      servers,
      scenario: { pins: [{ serverId: 'p1', dataCentreId: 'dc-b' }, { serverId: 'p2', dataCentreId: 'dc-a', hostLabel: 'dc-a-h007' }, { serverId: 'p3', dataCentreId: 'dc-c' }] },
    })));
    const a = byServer(plan);
    expect(a.get('p1')).toMatchObject({ targetDataCentreId: 'dc-b', reason: 'pinned' });
    expect(a.get('p2')).toMatchObject({ targetDataCentreId: 'dc-a', hostLabel: 'dc-a-h007' });
    expect(a.get('p3')?.targetDataCentreId).toBe('dc-c');
    expect(plan.violations.filter((v) => v.kind === 'pin').map((v) => v.serverIds)).toEqual([['p3']]);
  });

  it('user latency budget keeps a front tier near its users', () => {
    const e = estate({
      applications: [{ id: 'app', name: 'app', departmentId: 'd1', tiers: ['web', 'db'], criticality: 'low', availabilityTargetPct: 99, userLatencyBudgetMs: 8 }],
      // dc-c closes; u1 reaches dc-a in 5 ms and dc-b in 15 ms.
      servers: [server('web', { applicationId: 'app', tier: 'web', dataCentreId: 'dc-c' })],
      flows: [{ id: 'f', from: { kind: 'userSite', id: 'u1' }, to: { kind: 'server', id: 'web' }, hourlyMbps: Array.from({ length: 24 }, () => 1) }],
    });
    const plan = run(project(e));
    expect(byServer(plan).get('web')).toMatchObject({ targetDataCentreId: 'dc-a', reason: 'forced-by-latency' });
  });

  it('tier latency budget: a split application keeps adjacent tiers within budget, or they are unplaced', () => {
    const e = estate({
      applications: [{ id: 'app', name: 'app', departmentId: 'd1', tiers: ['web', 'db'], criticality: 'low', availabilityTargetPct: 99, tierLatencyBudgetMs: 5 }],
      zones: [{ id: 'za', name: 'za', kind: 'other', dedicatedHosts: false, allowedDataCentreIds: ['dc-a'] }, { id: 'zb', name: 'zb', kind: 'other', dedicatedHosts: false, allowedDataCentreIds: ['dc-b'] }],
      servers: [server('web', { applicationId: 'app', tier: 'web', zoneId: 'za' }), server('db', { applicationId: 'app', tier: 'db', zoneId: 'zb' })],
    });
    const plan = run(project(e));
    // The zones force the tiers 10 ms apart (dc-a <-> dc-b) against a 5 ms budget: one of them cannot be placed.
    expect(plan.unplaced).toHaveLength(1);
    expect(plan.unplaced[0].blockedBy.join(' ')).toMatch(/tier latency/);
  });

  it('an application moves as a unit from a closing site, to where its users and partners are', () => {
    const e = estate({
      applications: [{ id: 'app', name: 'app', departmentId: 'd1', tiers: ['web', 'db'], criticality: 'low', availabilityTargetPct: 99 }],
      servers: [
        server('w', { applicationId: 'app', tier: 'web', dataCentreId: 'dc-c' }),
        server('d', { applicationId: 'app', tier: 'db', dataCentreId: 'dc-c' }),
        server('other', { dataCentreId: 'dc-a' }),
      ],
      flows: [
        { id: 'wd', from: { kind: 'server', id: 'w' }, to: { kind: 'server', id: 'd' }, hourlyMbps: Array.from({ length: 24 }, () => 50) },
        { id: 'uw', from: { kind: 'userSite', id: 'u1' }, to: { kind: 'server', id: 'w' }, hourlyMbps: Array.from({ length: 24 }, () => 5) },
      ],
    });
    const plan = run(project(e));
    const a = byServer(plan);
    expect(a.get('w')?.targetDataCentreId).toBe('dc-a'); // users sit behind dc-a
    expect(a.get('d')?.targetDataCentreId).toBe('dc-a');
    expect(a.get('w')?.reason).toBe('cheapest-feasible');
  });

  it('licences: per-host-core with a minimum and per-socket per host using the product, per-VM per server', () => {
    const e = estate({
      products: [{ id: 'ora', name: 'ora' }, { id: 'win', name: 'win' }, { id: 'av', name: 'av' }],
      licenceModels: [
        { id: 'l-ora', productId: 'ora', name: 'ora', metric: 'per-host-core', price: 100, minCoresPerHost: 16 },
        { id: 'l-win', productId: 'win', name: 'win', metric: 'per-socket', price: 50 },
        { id: 'l-av', productId: 'av', name: 'av', metric: 'per-vm', price: 7 },
      ],
      servers: [server('o1', { licensedProductIds: ['ora', 'av'] }), server('o2', { licensedProductIds: ['ora', 'win', 'av'] }), server('n')],
      scenario: { licenceModelIds: ['l-ora', 'l-win', 'l-av'] },
    });
    const plan = run(project(e));
    expect(plan.hosts).toHaveLength(1);
    const lic = new Map(plan.cost.licences.map((l) => [l.licenceModelId, l]));
    expect(lic.get('l-ora')).toMatchObject({ units: 16, cost: 1600 }); // max(10 cores, 16)
    expect(lic.get('l-win')).toMatchObject({ units: 2, cost: 100 });
    expect(lic.get('l-av')).toMatchObject({ units: 2, cost: 14 });
    expect(plan.cost.total).toBe(1000 + 360 + 1714);
  });

  it('routes flows over the lowest-latency path and lists overloaded links with the flows causing them', () => {
    const e = estate({
      servers: [server('x', { dataCentreId: 'dc-c' }), server('y', { dataCentreId: 'dc-a' }), server('z', { dataCentreId: 'dc-a', zoneId: 'zb' })],
      zones: [{ id: 'zb', name: 'zb', kind: 'other', dedicatedHosts: false, allowedDataCentreIds: ['dc-b'] }],
      // Unpinned, y would follow z to dc-b (less WAN traffic): pin it so the flow must cross a-b.
      scenario: { pins: [{ serverId: 'y', dataCentreId: 'dc-a' }] },
      flows: [
        { id: 'big', from: { kind: 'server', id: 'y' }, to: { kind: 'server', id: 'z' }, hourlyMbps: Array.from({ length: 24 }, (_, h) => (h === 9 ? 150 : 10)) },
        { id: 'small', from: { kind: 'userSite', id: 'u1' }, to: { kind: 'server', id: 'z' }, hourlyMbps: Array.from({ length: 24 }, () => 20) },
      ],
    });
    const plan = run(project(e));
    expect(byServer(plan).get('x')?.targetDataCentreId).not.toBe('dc-c');
    const ab = plan.links.find((l) => l.linkId === 'l-ab');
    expect(ab?.before[9]).toBe(0); // y and z together at dc-a
    expect(ab?.after[9]).toBe(170); // z moved to dc-b: big + small cross a-b
    expect(ab?.overloadAfter?.hours).toEqual([9, 33, 57, 81, 105, 129, 153]);
    expect(ab?.overloadAfter?.topFlows.map((f) => f.flowId)).toEqual(['big', 'small']);
    expect(ab?.overloadBefore).toBeNull();
  });

  it('default rules are what the schema says (sanity for the fixtures)', () => {
    expect(DEFAULT_RULES.policy).toBe('p95');
  });
});
