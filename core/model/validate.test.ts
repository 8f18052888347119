import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, effectiveRules, type EstateInput } from './schema.ts';
import { emptySeries } from './series.ts';
import { formatProblem, validateEstate, validateProject } from './validate.ts';

function tinyEstate(): EstateInput {
  return {
    name: 'Tiny',
    defaultRules: DEFAULT_RULES,
    dataCentres: [
      { id: 'dc1', name: 'One', city: 'Chicago', latitude: 41.88, longitude: -87.63, timeZone: 'America/Chicago', tier: 3, powerKw: 500, rackCapacity: 100, status: 'keep', costPerMonth: 1000 },
      { id: 'dc2', name: 'Two', city: 'Denver', latitude: 39.74, longitude: -104.99, timeZone: 'America/Denver', tier: 2, powerKw: 200, rackCapacity: 40, status: 'close', costPerMonth: 500 },
    ],
    userSites: [],
    wanLinks: [{ id: 'l1', a: 'dc1', b: 'dc2', bandwidthMbps: 1000, latencyMs: 20, costPerMonth: 100 }],
    departments: [{ id: 'fin', name: 'Finance' }],
    applications: [{ id: 'erp', name: 'ERP', departmentId: 'fin', tiers: ['web', 'db'], criticality: 'high', availabilityTargetPct: 99.9 }],
    zones: [],
    products: [{ id: 'db', name: 'Database' }],
    servers: [
      { id: 's1', name: 'erp-web-1', dataCentreId: 'dc2', departmentId: 'fin', applicationId: 'erp', tier: 'web', environment: 'prod', os: 'Linux', cores: 8, ratingPerCore: 40, memoryGiB: 32, storageGiB: 200, iops: 500, networkMbps: 100, virtualisable: true, blocker: null, zoneId: null, maintenanceWindow: null, drPartnerId: null },
      { id: 's2', name: 'erp-db-1', dataCentreId: 'dc2', departmentId: 'fin', applicationId: 'erp', tier: 'db', environment: 'prod', os: 'Linux', cores: 16, ratingPerCore: 40, memoryGiB: 128, storageGiB: 2000, iops: 5000, networkMbps: 200, virtualisable: true, blocker: null, zoneId: null, maintenanceWindow: null, drPartnerId: null, licensedProductIds: ['db'] },
    ],
    flows: [{ id: 'f1', from: { kind: 'server', id: 's1' }, to: { kind: 'server', id: 's2' }, hourlyMbps: Array(24).fill(5) }],
    hostModels: [{ id: 'h1', name: 'Host', sockets: 2, cores: 64, ratingPerCore: 50, memoryGiB: 1024, storageGiB: 20000, iops: 100000, networkMbps: 25000, price: 30000, powerW: 800, rackUnits: 2 }],
    licenceModels: [],
    scenarios: [{ id: 'sc1', name: 'Keep Chicago', keptDataCentreIds: ['dc1'], defaultHostModelId: 'h1' }],
  };
}

describe('validateEstate', () => {
  it('accepts a valid estate and fills defaults', () => {
    const r = validateEstate(tinyEstate());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.servers[0].affinityGroups).toEqual([]);
    expect(r.value.scenarios[0].seed).toBe(1);
    expect(r.value.currency).toBe('USD');
  });

  it('names the field path and the offending value of a schema violation', () => {
    const e = tinyEstate();
    (e.servers[1] as { cores: unknown }).cores = -4;
    const r = validateEstate(e);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ path: 'servers[1].cores', value: -4, kind: 'schema' });
    expect(formatProblem(r.problems[0])).toMatch(/^servers\[1\]\.cores: .* \(value: -4\)$/);
  });

  it('rejects an unknown time zone', () => {
    const e = tinyEstate();
    e.dataCentres[0].timeZone = 'Mars/Olympus';
    const r = validateEstate(e);
    expect(r.ok || r.problems[0]).toMatchObject({ path: 'dataCentres[0].timeZone', value: 'Mars/Olympus' });
  });

  it('requires a blocker on a non-virtualisable server', () => {
    const e = tinyEstate();
    e.servers[0].virtualisable = false;
    const r = validateEstate(e);
    expect(r.ok || r.problems[0]).toMatchObject({ path: 'servers[0].blocker' });
  });

  it('reports duplicate ids and dangling references with paths', () => {
    const e = tinyEstate();
    e.servers[1].id = 's1';
    e.servers[0].departmentId = 'hr';
    e.flows[0].to = { kind: 'server', id: 'ghost' };
    const r = validateEstate(e);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'servers[1].id', kind: 'duplicate-id', value: 's1' }),
        expect.objectContaining({ path: 'servers[0].departmentId', kind: 'dangling-reference', value: 'hr' }),
        expect.objectContaining({ path: 'flows[0].to.id', kind: 'dangling-reference', value: 'ghost' }),
      ]),
    );
  });

  it('checks a server tier against its application', () => {
    const e = tinyEstate();
    e.servers[0].tier = 'cache';
    const r = validateEstate(e);
    expect(r.ok || r.problems[0]).toMatchObject({ path: 'servers[0].tier', value: 'cache' });
  });
});

describe('validateProject', () => {
  it('rejects a series whose length does not match servers x hours', () => {
    const s = emptySeries('2026-03-01T00:00:00Z', 24, ['s1', 's2']);
    s.memPct = new Float32Array(47);
    const r = validateProject(tinyEstate(), s);
    expect(r.ok || r.problems[0]).toMatchObject({ path: 'series.memPct', kind: 'series', value: 47 });
  });

  it('rejects series rows for unknown servers and out-of-range percentages', () => {
    const s = emptySeries('2026-03-01T00:00:00Z', 24, ['s1', 'zz']);
    expect(validateProject(tinyEstate(), s)).toMatchObject({ ok: false, problems: [{ path: 'series.serverIds[1]', value: 'zz' }] });



  });

  it('accepts gaps (NaN) but not values over 100 %', () => {
    const s = emptySeries('2026-03-01T00:00:00Z', 24, ['s1', 's2']);
    s.cpuPct.fill(50);
    s.cpuPct[3] = Number.NaN;
    expect(validateProject(tinyEstate(), s).ok).toBe(true);
    s.cpuPct[30] = 140;
    expect(validateProject(tinyEstate(), s)).toMatchObject({ ok: false, problems: [{ path: 'series.cpuPct[s2][6]', value: 140 }] });
  });
});

describe('effectiveRules', () => {
  it('lays scenario overrides over the defaults, headroom per dimension', () => {
    const r = effectiveRules({ defaultRules: DEFAULT_RULES }, { rules: { policy: 'peak', headroomPct: { cpu: 30 } } });
    expect(r.policy).toBe('peak');
    expect(r.headroomPct).toEqual({ ...DEFAULT_RULES.headroomPct, cpu: 30 });
  });
});
