import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostPlan, LinkLoad, Plan } from '../engine/plan.ts';
import { DEFAULT_RULES, type DataCentre, type Estate, type Server } from '../model/schema.ts';
import { emptySeries, METRICS, type SeriesSet } from '../model/series.ts';
import { buildAssumptions, windowLabel } from './assumptions.ts';
import { pickColumns } from './columns.ts';
import { canonicalJson, canonicalJsonPieces, float32LeBytes, groupedHash, HASH_FORMAT, reportInputHash, reportInputHashIter } from './hash.ts';
import { createSha256, toHex } from '../util/sha256.ts';
import { encodeUtf8 } from '../util/utf8.ts';
import { buildReport, classLabel, sitePeaks } from './model.ts';
import { generateProject } from '../sample/generate.ts';

const dc = (id: string, name: string, costPerMonth: number): DataCentre => ({
  id, name, city: `${name} city`, latitude: null, longitude: null, timeZone: 'UTC', tier: 3, powerKw: 500, rackCapacity: 100, racksUsed: 10, status: 'candidate', costPerMonth,
});
const server = (id: string, dataCentreId: string, extra: Partial<Server> = {}): Server => ({
  id, name: `${id}-name`, dataCentreId, departmentId: 'dept', applicationId: null, tier: null, environment: 'prod', os: 'Linux', sourceKind: 'physical',
  sourceHost: null, sourceCluster: null, cores: 4, ratingPerCore: 10, memoryGiB: 16, storageGiB: 100, iops: 500, networkMbps: 100, virtualisable: true,
  blocker: null, zoneId: null, maintenanceWindow: null, drPartnerId: null, affinityGroups: [], antiAffinityGroups: [], licensedProductIds: [], rackUnits: 2, powerW: 300,
  ...extra,
});

function estate(): Estate {
  return {
    name: 'Small', client: 'Client', description: '', currency: 'USD', defaultRules: DEFAULT_RULES,
    dataCentres: [dc('dc-a', 'Alpha', 1000), dc('dc-b', 'Bravo', 500), dc('dc-c', 'Charlie', 250)],
    userSites: [],
    wanLinks: [
      { id: 'l-ab', a: 'dc-a', b: 'dc-b', bandwidthMbps: 100, latencyMs: 5, costPerMonth: 0, measuredPeakUtilisationPct: null },
      { id: 'l-bc', a: 'dc-b', b: 'dc-c', bandwidthMbps: 100, latencyMs: 5, costPerMonth: 0, measuredPeakUtilisationPct: null },
    ],
    departments: [{ id: 'dept', name: 'IT', refusesSharing: false }],
    applications: [],
    zones: [{ id: 'z-pci', name: 'PCI', kind: 'pci', dedicatedHosts: true, allowedDataCentreIds: ['dc-a'] }],
    products: [{ id: 'p-db', name: 'Database', vendor: 'V' }],
    servers: [
      server('s1', 'dc-a', { zoneId: 'z-pci', maintenanceWindow: { days: [6, 0], startHour: 22, durationHours: 4, timeZone: 'UTC' } }),
      server('s2', 'dc-b', { maintenanceWindow: { days: [0, 6], startHour: 22, durationHours: 4, timeZone: 'UTC' } }),
      server('s3', 'dc-c', { virtualisable: false, blocker: { kind: 'usb-dongle', detail: 'licence key' } }),
    ],
    flows: [],
    hostModels: [{ id: 'hm', name: 'Big host', sockets: 2, cores: 64, ratingPerCore: 10, memoryGiB: 512, storageGiB: 4000, iops: 50_000, networkMbps: 20_000, price: 20_000, costPerMonth: 300, powerW: 600, rackUnits: 1 }],
    licenceModels: [
      { id: 'lm-db', productId: 'p-db', name: 'DB per core', metric: 'per-host-core', price: 100, minCoresPerHost: 16 },
      { id: 'lm-unused', productId: 'p-db', name: 'DB per VM', metric: 'per-vm', price: 5, minCoresPerHost: 0 },
    ],
    scenarios: [
      { id: 'sc', name: 'Keep Alpha', description: 'one site', keptDataCentreIds: ['dc-a'], defaultHostModelId: 'hm', hostModelByDataCentre: {}, rules: { growthPct: 25, headroomPct: { cpu: 30 } }, licenceModelIds: ['lm-db'], pins: [], seed: 7 },
    ],
  };
}

function host(label: string, serverIds: string[], cpu: number[], memory: number[], classKey = 'zone:*|dept:*|env:*'): HostPlan {
  const H = 4;
  const load = new Float32Array(5 * H);
  load.set(cpu, 0);
  load.set(memory, H);
  const cap = { cpu: 100, memory: 200, storage: 1000, iops: 1000, network: 1000 };
  return { label, dataCentreId: 'dc-a', hostModelId: 'hm', classKey, serverIds, spare: serverIds.length === 0, peak: { cpu: Math.max(...cpu), memory: Math.max(...memory), storage: 0, iops: 0, network: 0 }, capacity: cap, vcpus: 8, vcpuLimit: 512, load };
}

function link(linkId: string, before: number[], after: number[], overBefore: number[], overAfter: number[]): LinkLoad {
  const over = (hours: number[], peak: number) => (hours.length ? { hours, peakMbps: peak, topFlows: [] } : null);
  return { linkId, bandwidthMbps: 100, before: Float32Array.from(before), after: Float32Array.from(after), overloadBefore: over(overBefore, Math.max(...before)), overloadAfter: over(overAfter, Math.max(...after)) };
}

function plan(): Plan {
  return {
    scenarioId: 'sc', seed: 7, hours: 4,
    assignments: [
      { serverId: 's1', sourceDataCentreId: 'dc-a', targetDataCentreId: 'dc-a', hostLabel: 'dc-a-h001', reason: 'forced-by-zone', detail: '' },
      { serverId: 's2', sourceDataCentreId: 'dc-b', targetDataCentreId: 'dc-a', hostLabel: 'dc-a-h002', reason: 'cheapest-feasible', detail: '' },
      { serverId: 's3', sourceDataCentreId: 'dc-c', targetDataCentreId: null, hostLabel: null, reason: 'unplaced', detail: 'no rack space' },
    ],
    // site CPU: hour loads 10+30=40, 50+10=60 (peak), ... over 200 capacity (host 3 is the spare) -> 60/300 = 20%
    hosts: [host('dc-a-h001', ['s1'], [10, 50, 0, 0], [20, 20, 20, 20], 'zone:z-pci|dept:*|env:*'), host('dc-a-h002', ['s2'], [30, 10, 0, 0], [100, 40, 0, 0]), host('dc-a-h003', [], [0, 0, 0, 0], [0, 0, 0, 0])],
    sites: [{ dataCentreId: 'dc-a', hostModelId: 'hm', servers: 2, physicalServers: 0, hosts: 3, spareHosts: 1, bound: 2, gapPct: 50, powerKw: 1.8, powerLimitKw: 500, racks: 1, rackLimit: 100, cost: 50_000 }],
    links: [link('l-ab', [50, 50, 50, 50], [120, 150, 90, 80], [], [0, 1]), link('l-bc', [110, 20, 20, 20], [0, 0, 0, 0], [0], [])],
    bounds: { perSite: { 'dc-a': { peakOfSum: 1, classes: 2, antiAffinity: 1, bound: 2 } }, total: 2 },
    hostsUsed: 3, gapPct: 50,
    cost: { horizonMonths: 36, hostPurchase: 60_000, hostRunning: 32_400, licences: [{ licenceModelId: 'lm-db', metric: 'per-host-core', units: 192, cost: 19_200 }], licenceTotal: 19_200, total: 111_600 },
    unplaced: [{ serverId: 's3', blockedBy: ['rack space in Alpha'] }],
    violations: [{ kind: 'latency', serverIds: ['s2'], message: 's2 is 40 ms from its users' }],
    gapFills: [], final: true,
  };
}

function series(est: Estate): SeriesSet {
  const s = emptySeries('2026-03-01T00:00:00Z', 4, est.servers.map((x) => x.id));
  s.cpuPct.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  return s;
}

const input = () => {
  const e = estate();
  return { estate: e, series: series(e), scenario: e.scenarios[0], plan: plan(), settings: { seed: 7, budgetMs: 6000 }, date: '2026-11-23', appVersion: '1.2.3' };
};

describe('report model', () => {
  it('builds the cover and the executive summary from the plan', () => {
    const r = buildReport(input());
    expect(r.cover).toMatchObject({ estateName: 'Small', scenarioName: 'Keep Alpha', date: '2026-11-23', appVersion: '1.2.3', servers: 3, dataCentres: 3, finalPlan: true });
    expect(r.cover.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const f = r.summary.figures;
    expect([f.servers, f.virtualised, f.stayPhysical, f.hosts, f.spareHosts, f.unplaced, f.violations]).toEqual([3, 2, 0, 3, 1, 1, 1]);
    // sites today: (1000 + 500 + 250) x 36; kept: 1000 x 36; after = kept + plan cost (hosts + licences)
    expect(f.costBefore).toBe(63_000);
    expect(f.facilitiesAfter).toBe(36_000);
    expect(f.costAfter).toBe(36_000 + 111_600);
    expect(f.licences).toBe(19_200);
    expect(r.summary.kept.map((s) => s.name)).toEqual(['Alpha']);
    expect(r.summary.closed.map((s) => s.name)).toEqual(['Bravo', 'Charlie']);
    expect(r.summary.dataCentres.map((d) => [d.name, d.kept, d.serversToday, d.hostsAfter])).toEqual([
      ['Alpha', true, 1, 3],
      ['Bravo', false, 1, 0],
      ['Charlie', false, 1, 0],
    ]);
    expect(r.summary.licences).toEqual([{ name: 'DB per core', metric: 'per-host-core', units: 192, cost: 19_200 }]);
    // l-ab: overloaded 2 h after (was fine); l-bc: 1 h today, fine after. Most hours after first.
    expect(r.summary.wanRisks).toEqual([
      { linkId: 'l-ab', name: 'Alpha – Bravo', bandwidthMbps: 100, peakBeforeMbps: 50, peakAfterMbps: 150, hoursBefore: 0, hoursAfter: 2, overAfter: [0, 1] },
      { linkId: 'l-bc', name: 'Bravo – Charlie', bandwidthMbps: 100, peakBeforeMbps: 110, peakAfterMbps: 0, hoursBefore: 1, hoursAfter: 0, overAfter: [] },
    ]);
  });

  it('has per-site tables with peaks of the summed load, and the hosts of each site', () => {
    const r = buildReport(input());
    expect(r.siteTable.header).toEqual(['Site', 'Host model', 'Hosts', 'Spare', 'Lower bound', 'Gap %', 'Servers', 'Physical', 'Power kW', 'Racks', 'Cost (36 months)']);
    expect(r.siteTable.rows).toEqual([['Alpha', 'Big host', 3, 1, 2, 50, 2, 0, 1.8, 1, 50_000]]);
    const [site] = r.sites;
    // CPU per hour: 40, 60, 0, 0 over 300 -> 20%; memory: 120, 60, 20, 20 over 600 -> 20%
    expect(site.peakPct).toEqual({ cpu: 20, memory: 20 });
    expect(site.hostTable.header[0]).toBe('Host');
    expect(site.hostTable.rows.map((row) => row[0])).toEqual(['dc-a-h001', 'dc-a-h002', 'dc-a-h003']);
    expect(site.hostTable.rows[0][1]).toBe('zone PCI');
    expect(site.hostTable.rows[1][1]).toBe('general');
    // CPU peak % of host 1: 50 / 100
    expect(site.hostTable.rows[0][site.hostTable.header.indexOf('CPU peak %')]).toBe(50);
  });

  it('lists unplaced workloads with their blockers and the violations with server names', () => {
    const r = buildReport(input());
    expect(r.unplaced).toEqual([{ serverId: 's3', name: 's3-name', sourceSite: 'Charlie', blockedBy: ['rack space in Alpha'], blocker: 'usb-dongle: licence key' }]);
    expect(r.violations).toEqual([{ kind: 'latency', message: 's2 is 40 ms from its users', servers: ['s2-name'], count: 1 }]);
  });

  it('states the rules in force: scenario overrides on the defaults, zones, windows, licences, seed and budget', () => {
    const i = input();
    const groups = buildAssumptions(i.estate, i.scenario, i.settings);
    const item = (g: string, label: string) => groups.find((x) => x.title === g)?.items.find((it) => it.label === label)?.value;
    expect(item('Sizing rules', 'Headroom kept free')).toBe('cpu 30%, memory 10%, storage 15%, iops 20%, network 25%');
    expect(item('Sizing rules', 'Growth over the horizon')).toBe('25%');
    expect(item('Sizing rules', 'Sizing policy')).toBe('95th percentile of each hour');
    expect(item('Sizing rules', 'Overridden by the scenario')).toBe('growthPct, headroomPct');
    expect(item('Scenario and engine', 'Engine seed')).toBe('7');
    expect(item('Scenario and engine', 'Improvement search budget')).toBe('6 s of search time');
    expect(item('Security zones', 'PCI (pci)')).toBe('1 server; dedicated hosts; only in Alpha');
    // two servers share one window whatever the order of its days
    expect(item('Maintenance windows', 'Sat, Sun 22:00–02:00 UTC')).toBeUndefined();
    expect(item('Maintenance windows', 'Sun, Sat 22:00–02:00 UTC')).toBe('2 servers');
    expect(groups.find((g) => g.title === 'Licence models in force')?.items).toEqual([{ label: 'DB per core (Database)', value: 'per host core, USD 100 per unit, at least 16 cores per host' }]);
  });

  it('refuses a plan of another scenario', () => {
    expect(() => buildReport({ ...input(), plan: { ...plan(), scenarioId: 'other' } })).toThrow(/scenario other/);
  });
});

describe('report helpers', () => {
  it('labels host classes for people', () => {
    expect(classLabel('zone:*|dept:*|env:*|pool:lic-a+lic-b')).toBe('licence pool lic-a + lic-b');
    expect(classLabel('zone:z1|pool:a+b', (part, id) => `${part}/${id.toUpperCase()}`)).toBe('zone zone/Z1, licence pool pool/A + pool/B');
    expect(classLabel('zone:pci|dept:fin|env:prod')).toBe('zone pci, department fin, environment prod');
    expect(classLabel('prod')).toBe('prod');
  });

  it('formats windows with days in week order', () => {
    expect(windowLabel({ days: [3, 1], startHour: 23, durationHours: 3, timeZone: 'Europe/Paris' })).toBe('Mon, Wed 23:00–02:00 Europe/Paris');
  });

  it('picks columns by export name and filters rows', () => {
    const t = { name: 'T', header: ['a', 'b', 'c'], rows: [[1, 'x', 3], [4, 'y', 6]] };
    expect(pickColumns(t, [['c', 'C'], ['a', 'A']], (_r, col) => col('b') === 'y')).toEqual({ name: 'T', header: ['C', 'A'], rows: [[6, 4]] });
    expect(() => pickColumns(t, [['z', 'Z']])).toThrow(/no column z/);
  });

  it('site peaks are NaN for a site without capacity', () => {
    const p = plan();
    const zero = { cpu: 0, memory: 0, storage: 0, iops: 0, network: 0 };
    const peaks = sitePeaks({ hours: 4, hosts: [{ ...p.hosts[0], capacity: zero }] });
    expect(Number.isNaN(peaks.get('dc-a')?.cpu)).toBe(true);
  });
});

/** SHA-256 of the `cwb-report-inputs/2` bytes of the known-answer project (checked against Node's crypto). */
const KNOWN_HASH = '674093f8a0f4d2b024ab0a27d4816045f7cdd86f12ce7175da30f06900b45406';

describe('input hash', () => {
  it('encodes JSON canonically: sorted keys at every level, arrays in order, no undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined }, 'é': Number.NaN })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1,"é":null}');
    expect(canonicalJson(Float32Array.of(1.5, 2))).toBe('[1.5,2]');
  });

  it('cut into pieces, the canonical JSON is the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (v, depth) => {
        expect([...canonicalJsonPieces(v, depth)].join('')).toBe(canonicalJson(v));
      }),
      { numRuns: 300, seed: 23 },
    );
    // eslint-disable-next-line no-sparse-arrays
    const odd = { b: [1, undefined, Float32Array.of(2), , 4], a: { f: () => 1, u: undefined, z: [{ y: 1, x: [2] }] } };
    expect(canonicalJson(odd)).toBe('{"a":{"z":[{"x":[2],"y":1}]},"b":[1,null,[2],null,4]}');
    expect([...canonicalJsonPieces(odd, 3)].join('')).toBe(canonicalJson(odd));
  });

  it.each([
    ['a small estate', () => input()],
    ['a generated 300-server estate (its JSON hashed in batches)', () => {
      const p = generateProject({ servers: 300, seed: 'hash' });
      return { ...input(), estate: p.estate, series: p.series, scenario: p.estate.scenarios[0] };
    }],
  ])('hashed in slices, it is the documented byte stream whatever the slice size: %s', (_what, make) => {
    const i = make();
    const { scenarios: _s, ...estateOnly } = i.estate;
    const h = createSha256();
    h.update(encodeUtf8(`${HASH_FORMAT}\nestate\n${canonicalJson(estateOnly)}\nseries\n${canonicalJson({ startUtc: i.series.startUtc, hours: i.series.hours, serverIds: i.series.serverIds })}\n`));
    for (const m of METRICS) h.update(float32LeBytes(i.series[m]));
    h.update(encodeUtf8(`\nscenario\n${canonicalJson(i.scenario)}\nsettings\n${canonicalJson({ seed: 7, budgetMs: 6000 })}\n`));
    const reference = toHex(h.digest());
    expect(reportInputHash(i)).toBe(reference);
    for (const slice of [1, 7, 64, 1000, 17_000, 1 << 20]) {
      const gen = reportInputHashIter(i, slice);
      let yields = 0;
      let r = gen.next();
      while (!r.done) {
        yields++;
        r = gen.next();
      }
      expect(r.value).toBe(reference);
      if (slice === 1) expect(yields).toBeGreaterThan(METRICS.length * 2);
    }
  });

  it('is the same for the same inputs, whatever the key order of the estate', () => {
    const a = input();
    const b = input();
    const shuffled = Object.fromEntries(Object.entries(b.estate).reverse()) as Estate;
    expect(reportInputHash({ ...b, estate: shuffled })).toBe(reportInputHash(a));
  });

  it('changes when any input or setting changes', () => {
    const base = input();
    const h0 = reportInputHash(base);
    const variants: (() => ReturnType<typeof input>)[] = [
      () => ({ ...input(), estate: { ...estate(), name: 'Small!' } }),
      () => {
        const i = input();
        i.series.cpuPct[5] = 6.5;
        return i;
      },
      () => {
        const i = input();
        i.series.memPct[0] = 0; // a NaN gap becomes a value
        return i;
      },
      () => ({ ...input(), scenario: { ...input().scenario, keptDataCentreIds: ['dc-a', 'dc-b'] } }),
      () => ({ ...input(), settings: { seed: 8, budgetMs: 6000 } }),
      () => ({ ...input(), settings: { seed: 7, budgetMs: 5000 } }),
      () => ({ ...input(), settings: { seed: 7, budgetMs: 6000, iterations: 100000 } }),
    ];
    const hashes = variants.map((v) => reportInputHash(v()));
    for (const h of hashes) expect(h).not.toBe(h0);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('an iteration budget shows in the assumptions and the hash; none keeps the clock-budget encoding', () => {
    const none = reportInputHash({ ...input(), settings: { seed: 7, budgetMs: 6000, iterations: null } });
    expect(none).toBe(reportInputHash(input()));
    const r = buildReport({ ...input(), settings: { seed: 7, budgetMs: 6000, iterations: 200000 } });
    const items = r.assumptions.flatMap((g) => g.items);
    expect(items.find((i) => i.label === 'Improvement search budget')?.value).toBe('200,000 work units (reproducible: the same seed and budget give the same plan)');
    expect(buildReport(input()).assumptions.flatMap((g) => g.items).find((i) => i.label === 'Improvement search budget')?.value).toBe('6 s of search time');
  });

  it('does not depend on the date or the app version', () => {
    const a = buildReport(input());
    const b = buildReport({ ...input(), date: '2030-01-01', appVersion: '9.9.9' });
    expect(b.cover.inputHash).toBe(a.cover.inputHash);
  });

  it('leaves the other scenarios out: renaming or adding one does not change this scenario\'s hash', () => {
    const a = input();
    const other = { ...a.scenario, id: 'sc-other', name: 'Other' };
    const withOther = { ...a, estate: { ...a.estate, scenarios: [...a.estate.scenarios, other] } };
    const renamed = { ...a, estate: { ...a.estate, scenarios: [...a.estate.scenarios, { ...other, name: 'Renamed' }] } };
    expect(reportInputHash(withOther)).toBe(reportInputHash(a));
    expect(reportInputHash(renamed)).toBe(reportInputHash(a));
  });

  it('known answer: a fixed tiny project hashes to a fixed value (any change of the encoding shows here)', () => {
    const scenario = {
      id: 'sc', name: 'Keep A', description: '', keptDataCentreIds: ['dc-a'], defaultHostModelId: 'hm', hostModelByDataCentre: {},
      rules: { growthPct: 10 }, licenceModelIds: [], pins: [], seed: 3,
    };
    const fixed = {
      name: 'KAT', client: 'C', description: 'é', currency: 'USD', defaultRules: { growthPct: 0 },
      dataCentres: [{ id: 'dc-a', name: 'A', city: 'X', latitude: 41.5, longitude: -87.25, timeZone: 'UTC', tier: 3, powerKw: 10, rackCapacity: 2, racksUsed: 1, status: 'candidate', costPerMonth: 5 }],
      userSites: [], wanLinks: [], departments: [{ id: 'd', name: 'D', refusesSharing: false }], applications: [], zones: [], products: [],
      servers: [{
        id: 's1', name: 'one', dataCentreId: 'dc-a', departmentId: 'd', applicationId: null, tier: null, environment: 'prod', os: 'Linux', sourceKind: 'vm',
        sourceHost: null, sourceCluster: null, cores: 2, ratingPerCore: 10, memoryGiB: 4, storageGiB: 50, iops: 100, networkMbps: 10, virtualisable: true,
        blocker: null, zoneId: null, maintenanceWindow: null, drPartnerId: null, affinityGroups: [], antiAffinityGroups: [], licensedProductIds: [], rackUnits: 0, powerW: 0,
      }],
      flows: [], hostModels: [], licenceModels: [], scenarios: [scenario],
    } as unknown as Estate;
    const series = emptySeries('2026-01-04T00:00:00Z', 2, ['s1']);
    series.cpuPct.set([12.5, 50]);
    series.memPct.set([0.1, Number.NaN]);
    series.iops.set([3, 4]);
    expect(reportInputHash({ estate: fixed, series, scenario: fixed.scenarios[0], settings: { seed: 3, budgetMs: 6000 } })).toBe(KNOWN_HASH);
  });

  it('groups the hash for reading without dropping digits', () => {
    const h = 'a'.repeat(64);
    expect(groupedHash(h).replaceAll(' ', '')).toBe(h);
    expect(groupedHash(h).split(' ')).toHaveLength(8);
  });
});
