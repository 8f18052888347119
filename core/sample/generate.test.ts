import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../model/project.ts';
import type { Estate, Server } from '../model/schema.ts';
import { row, rowIndex } from '../model/series.ts';
import { validateProject } from '../model/validate.ts';
import { APP_CATALOGUE } from './catalogue.ts';
import { MAIN_SCENARIO_ID, SAMPLE_DEFAULTS, generateProject } from './generate.ts';
import { greatCircleKm } from './geography.ts';

const HOUR = 3_600_000;

/** Local hour and weekday (0 = Sunday) of each hour of a timeline, read with Intl (independent of the generator). */
function localClock(startUtc: string, hours: number, timeZone: string): { hour: number[]; day: number[] } {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', weekday: 'short' });
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const start = Date.parse(startUtc);
  const hour: number[] = [];
  const day: number[] = [];
  for (let h = 0; h < hours; h++) {
    const parts = fmt.formatToParts(start + h * HOUR);
    hour.push(Number(parts.find((p) => p.type === 'hour')?.value) % 24);
    day.push(days.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? ''));
  }
  return { hour, day };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Lowest round-trip latency from `src` to every WAN node (its own Dijkstra, not the generator's). */
function rttFrom(estate: Estate, src: string): Map<string, number> {
  const dist = new Map<string, number>([[src, 0]]);
  const open = new Set(estate.wanLinks.flatMap((l) => [l.a, l.b]));
  while (open.size > 0) {
    let v: string | null = null;
    for (const n of open) if (dist.has(n) && (v === null || (dist.get(n) ?? Infinity) < (dist.get(v) ?? Infinity))) v = n;
    if (v === null) break;
    open.delete(v);
    for (const l of estate.wanLinks) {
      const to = l.a === v ? l.b : l.b === v ? l.a : null;
      if (to !== null && (dist.get(v) ?? 0) + l.latencyMs < (dist.get(to) ?? Infinity)) dist.set(to, (dist.get(v) ?? 0) + l.latencyMs);
    }
  }
  return dist;
}

/**
 * Applications whose user latency budget the main scenario cannot keep: no kept site (allowed by the front
 * tier's zone) within budget of every user site, or only one when the front tier has DR copies elsewhere.
 */
function unkeepableBudgets(estate: Estate): string[] {
  const scenario = estate.scenarios.find((s) => s.id === MAIN_SCENARIO_ID);
  const kept = scenario?.keptDataCentreIds ?? [];
  const serverById = new Map(estate.servers.map((s) => [s.id, s]));
  const usersOf = new Map<string, Set<string>>();
  for (const f of estate.flows) {
    const app = f.from.kind === 'userSite' && f.to.kind === 'server' ? serverById.get(f.to.id)?.applicationId : null;
    if (app) usersOf.set(app, (usersOf.get(app) ?? new Set()).add(f.from.id));
  }
  const rtt = new Map<string, Map<string, number>>();
  const bad: string[] = [];
  for (const app of estate.applications.filter((a) => a.userLatencyBudgetMs !== null)) {
    const front = estate.servers.filter((s) => s.applicationId === app.id && s.tier === app.tiers[0]);
    const zone = estate.zones.find((z) => z.id === front[0]?.zoneId);
    const candidates = kept.filter((d) => zone?.allowedDataCentreIds?.includes(d) ?? true);
    const users = [...(usersOf.get(app.id) ?? [])];
    const ok = candidates.filter((d) =>
      users.every((u) => {
        if (!rtt.has(u)) rtt.set(u, rttFrom(estate, u));
        return (rtt.get(u)?.get(d) ?? Infinity) <= (app.userLatencyBudgetMs ?? 0);
      }),
    );
    const needed = front.some((s) => s.drPartnerId !== null) ? 2 : 1;
    if (ok.length < needed) bad.push(`${app.id} (${app.userLatencyBudgetMs} ms, users at ${users.join(', ')}): ${ok.length} kept sites`);
  }
  return bad;
}

describe('generateProject (default sample)', () => {
  let project: Project;
  beforeAll(() => {
    project = generateProject();
  });

  it('passes validateProject', () => {
    const r = validateProject(project.estate, project.series);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
    expect(r.ok).toBe(true);
  });

  it('has exactly the requested servers over a week starting Monday 00:00 UTC', () => {
    const { estate, series } = project;
    expect(estate.servers).toHaveLength(SAMPLE_DEFAULTS.servers);
    expect(series.hours).toBe(168);
    expect(series.startUtc).toBe(SAMPLE_DEFAULTS.startUtc);
    expect(new Date(series.startUtc).getUTCDay()).toBe(1);
    expect(series.serverIds).toEqual(estate.servers.map((s) => s.id));
  });

  it('has 17 data centres, exactly 3 kept (Ashburn, Dallas, Chicago), the rest closing or candidates', () => {
    const dcs = project.estate.dataCentres;
    expect(dcs).toHaveLength(17);
    expect(dcs.filter((d) => d.status === 'keep').map((d) => d.id).sort()).toEqual(['dc-ash', 'dc-chi', 'dc-dal']);
    expect(dcs.filter((d) => d.status === 'candidate').length).toBeLessThanOrEqual(2);
    for (const d of dcs) {
      expect(d.racksUsed).toBeLessThan(d.rackCapacity);
      expect(d.powerKw).toBeGreaterThan(0);
      expect(d.costPerMonth).toBeGreaterThan(0);
    }
  });

  it('spreads servers over the data centres roughly in proportion to their size', () => {
    const { estate } = project;
    const count = (id: string) => estate.servers.filter((s) => s.dataCentreId === id).length;
    expect(count('dc-ash')).toBeGreaterThan(count('dc-den') * 2);
    for (const d of estate.dataCentres) expect(count(d.id)).toBeGreaterThan(30);
  });

  it('names servers site-application-tier-number and keeps ids unique', () => {
    const { estate } = project;
    const appCode = new Map(estate.applications.map((a) => [a.id, a.id.replace(/^app-/, '')]));
    for (const s of estate.servers.filter((x) => x.applicationId !== null && x.environment === 'prod')) {
      const dc = s.dataCentreId.replace(/^dc-/, '');
      expect(s.name).toMatch(new RegExp(`^${dc}-${appCode.get(s.applicationId ?? '')}-${s.tier}-\\d{2,}$`));
    }
    expect(new Set(estate.servers.map((s) => s.id)).size).toBe(estate.servers.length);
    expect(estate.servers.some((s) => s.name === 'chi-erp-db-01' || /^chi-erp\d*-db-01$/.test(s.name))).toBe(true);
  });

  it('has 6 to 10 departments with one or two refusing to share, ~150 applications of 2 to 4 tiers', () => {
    const { estate } = project;
    expect(estate.departments.length).toBeGreaterThanOrEqual(6);
    expect(estate.departments.length).toBeLessThanOrEqual(10);
    const refusing = estate.departments.filter((d) => d.refusesSharing).length;
    expect(refusing).toBeGreaterThanOrEqual(1);
    expect(refusing).toBeLessThanOrEqual(2);
    expect(estate.applications.length).toBeGreaterThan(110);
    expect(estate.applications.length).toBeLessThan(190);
    for (const a of estate.applications) {
      expect(a.tiers.length).toBeGreaterThanOrEqual(2);
      expect(a.tiers.length).toBeLessThanOrEqual(4);
    }
    expect(estate.applications.some((a) => a.userLatencyBudgetMs !== null)).toBe(true);
    expect(estate.applications.some((a) => a.tierLatencyBudgetMs !== null)).toBe(true);
    expect(new Set(estate.applications.map((a) => a.criticality)).size).toBe(4);
  });

  it('has about 5% non-virtualisable servers, each with a blocker', () => {
    const blocked = project.estate.servers.filter((s) => !s.virtualisable);
    const share = blocked.length / project.estate.servers.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.07);
    for (const s of blocked) expect(s.blocker?.kind).toBeTruthy();
    expect(new Set(blocked.map((s) => s.blocker?.kind)).size).toBeGreaterThanOrEqual(4);
  });

  it('has a PCI zone (dedicated hosts, residency on kept sites) and a DMZ zone, both with servers', () => {
    const { estate } = project;
    const pci = estate.zones.find((z) => z.kind === 'pci');
    const dmz = estate.zones.find((z) => z.kind === 'dmz');
    expect(pci?.dedicatedHosts).toBe(true);
    expect(dmz?.dedicatedHosts).toBe(true);
    const kept = new Set(estate.dataCentres.filter((d) => d.status === 'keep').map((d) => d.id));
    expect(pci?.allowedDataCentreIds?.length).toBeGreaterThan(0);
    for (const d of pci?.allowedDataCentreIds ?? []) expect(kept.has(d)).toBe(true);
    expect(estate.servers.filter((s) => s.zoneId === pci?.id).length).toBeGreaterThan(10);
    expect(estate.servers.filter((s) => s.zoneId === dmz?.id).length).toBeGreaterThan(10);
  });

  it('pairs DR partners both ways, in different data centres, for critical applications only', () => {
    const { estate } = project;
    const byId = new Map(estate.servers.map((s) => [s.id, s]));
    const appById = new Map(estate.applications.map((a) => [a.id, a]));
    const paired = estate.servers.filter((s) => s.drPartnerId !== null);
    expect(paired.length).toBeGreaterThan(50);
    for (const s of paired) {
      const p = byId.get(s.drPartnerId ?? '') as Server;
      expect(p.drPartnerId).toBe(s.id);
      expect(p.dataCentreId).not.toBe(s.dataCentreId);
      expect(p.applicationId).toBe(s.applicationId);
      expect(['high', 'mission-critical']).toContain(appById.get(s.applicationId ?? '')?.criticality);
    }
  });

  it('has affinity (app + cache) and anti-affinity (cluster) groups with at least two members each', () => {
    const groups = new Map<string, Server[]>();
    const anti = new Map<string, Server[]>();
    for (const s of project.estate.servers) {
      for (const g of s.affinityGroups) groups.set(g, [...(groups.get(g) ?? []), s]);
      for (const g of s.antiAffinityGroups) anti.set(g, [...(anti.get(g) ?? []), s]);
    }
    expect(groups.size).toBeGreaterThan(5);
    expect(anti.size).toBeGreaterThan(50);
    for (const members of [...groups.values(), ...anti.values()]) {
      expect(members.length).toBeGreaterThanOrEqual(2);
      expect(new Set(members.map((m) => m.dataCentreId)).size).toBe(1);
    }
    for (const members of groups.values()) expect(new Set(members.map((m) => m.tier))).toEqual(new Set(['app', 'cache']));
    // Servers that must share a host are never also kept apart.
    for (const [g, members] of groups) {
      const anti = members.flatMap((m) => m.antiAffinityGroups);
      expect(new Set(anti).size, g).toBe(anti.length);
    }
  });

  it('licenses a database and a middleware product per host core with a 16-core minimum', () => {
    const { estate } = project;
    const licensed = (id: string) => estate.servers.filter((s) => s.licensedProductIds.includes(id));
    expect(licensed('prod-oracle-ee').every((s) => s.tier === 'db')).toBe(true);
    expect(licensed('prod-oracle-ee').length + licensed('prod-mssql-ent').length).toBeGreaterThan(50);
    expect(licensed('prod-weblogic').every((s) => s.tier === 'app')).toBe(true);
    expect(licensed('prod-weblogic').length).toBeGreaterThan(20);
    for (const l of estate.licenceModels.filter((m) => m.metric === 'per-host-core')) expect(l.minCoresPerHost).toBe(16);
    expect(estate.hostModels.length).toBeGreaterThanOrEqual(2);
    expect(estate.hostModels.length).toBeLessThanOrEqual(3);
  });

  it('rates older CPUs lower per core and uses the standard patch windows in the site time zone', () => {
    const { estate } = project;
    const ratings = estate.servers.map((s) => s.ratingPerCore);
    expect(Math.min(...ratings)).toBeLessThan(30);
    expect(Math.max(...ratings)).toBeGreaterThan(55);
    const old = estate.servers.filter((s) => s.os === 'Windows Server 2012 R2' || s.os === 'RHEL 7').map((s) => s.ratingPerCore);
    const recent = estate.servers.filter((s) => s.os === 'Windows Server 2022' || s.os === 'RHEL 9').map((s) => s.ratingPerCore);
    expect(mean(old)).toBeLessThan(mean(recent));
    const tz = new Map(estate.dataCentres.map((d) => [d.id, d.timeZone]));
    const windows = estate.servers.filter((s) => s.maintenanceWindow !== null);
    expect(windows.length / estate.servers.length).toBeGreaterThan(0.7);
    for (const s of windows) expect(s.maintenanceWindow?.timeZone).toBe(tz.get(s.dataCentreId));
    expect(new Set(windows.map((s) => JSON.stringify([s.maintenanceWindow?.days, s.maintenanceWindow?.startHour]))).size).toBeLessThanOrEqual(6);
  });

  it('gives most applications no user latency budget, national ones 80-100 ms, a few regional ones 25-35 ms', () => {
    const { estate } = project;
    const budgets = estate.applications.map((a) => a.userLatencyBudgetMs).filter((b): b is number => b !== null);
    expect(budgets.length).toBeGreaterThan(5);
    expect(budgets.length / estate.applications.length).toBeLessThan(0.35);
    for (const b of budgets) expect((b >= 25 && b <= 35) || b === 80 || b === 100).toBe(true);
    const regional = budgets.filter((b) => b <= 35).length;
    expect(regional).toBeGreaterThanOrEqual(2);
    expect(regional).toBeLessThanOrEqual(10);
  });

  it('keeps every user latency budget feasible from a kept site of the main scenario, and some rule a kept site out', () => {
    const { estate } = project;
    expect(unkeepableBudgets(estate)).toEqual([]);
    // The tight budgets force a choice among the kept sites: at least one of them is out of reach.
    const kept = estate.scenarios[0].keptDataCentreIds;
    const serverById = new Map(estate.servers.map((s) => [s.id, s]));
    const forced = estate.applications.filter((a) => a.userLatencyBudgetMs !== null && a.userLatencyBudgetMs <= 35).filter((a) => {
      const users = new Set(
        estate.flows.filter((f) => f.from.kind === 'userSite' && f.to.kind === 'server' && serverById.get(f.to.id)?.applicationId === a.id).map((f) => f.from.id),
      );
      return kept.some((d) => [...users].some((u) => (rttFrom(estate, u).get(d) ?? Infinity) > (a.userLatencyBudgetMs ?? 0)));
    });
    expect(forced.length).toBeGreaterThanOrEqual(1);
  });

  it('patches servers that run together together: every affinity group shares one window (or none)', () => {
    const groups = new Map<string, Server[]>();
    for (const s of project.estate.servers) for (const g of s.affinityGroups) groups.set(g, [...(groups.get(g) ?? []), s]);
    expect(groups.size).toBeGreaterThan(5);
    for (const [g, members] of groups) {
      expect(new Set(members.map((m) => JSON.stringify(m.maintenanceWindow))).size, g).toBe(1);
    }
  });

  it('patches DR partners on standard windows of their own sites, never on the same days', () => {
    const { estate } = project;
    const byId = new Map(estate.servers.map((s) => [s.id, s]));
    const paired = estate.servers.filter((s) => s.drPartnerId !== null);
    expect(paired.length).toBeGreaterThan(50);
    for (const s of paired) {
      const p = byId.get(s.drPartnerId ?? '') as Server;
      expect(s.maintenanceWindow === null, s.id).toBe(p.maintenanceWindow === null);
      if (s.maintenanceWindow === null || p.maintenanceWindow === null) continue;
      for (const d of s.maintenanceWindow.days) expect(p.maintenanceWindow.days, s.id).not.toContain(d);
    }
  });

  it('has user sites, flows of 24 or 168 values, and the scenarios, main one first', () => {
    const { estate } = project;
    expect(estate.userSites.length).toBeGreaterThanOrEqual(10);
    expect(estate.userSites.length).toBeLessThanOrEqual(20);
    for (const f of estate.flows) expect([24, 168]).toContain(f.hourlyMbps.length);
    const kinds = new Set(estate.flows.map((f) => `${f.from.kind}>${f.to.kind}`));
    expect(kinds).toEqual(new Set(['server>server', 'userSite>server']));
    expect(estate.scenarios[0].id).toBe(MAIN_SCENARIO_ID);
    expect(estate.scenarios[0].keptDataCentreIds.sort()).toEqual(['dc-ash', 'dc-chi', 'dc-dal']);
    expect(estate.scenarios.length).toBeGreaterThanOrEqual(2);
    expect(estate.scenarios.some((s) => s.rules.segregateDepartments === true)).toBe(true);
    expect(estate.defaultRules.policy).toBe('p95');
  });

  it('keeps series in range: percentages 0-100, IOPS and network within the server rating', () => {
    const { estate, series } = project;
    let outside = 0;
    let maxCpu = 0;
    estate.servers.forEach((s, r) => {
      const cpu = row(series, 'cpuPct', r);
      const mem = row(series, 'memPct', r);
      const io = row(series, 'iops', r);
      const net = row(series, 'netMbps', r);
      for (let h = 0; h < series.hours; h++) {
        if (Number.isNaN(cpu[h])) continue;
        maxCpu = Math.max(maxCpu, cpu[h]);
        if (!(cpu[h] >= 0 && cpu[h] <= 100 && mem[h] >= 0 && mem[h] <= 100)) outside++;
        if (!(io[h] >= 0 && io[h] <= s.iops * 1.0001 && net[h] >= 0 && net[h] <= s.networkMbps * 1.0001)) outside++;
      }
    });
    expect(outside).toBe(0);
    // Busy servers do reach high utilisation at their peak.
    expect(maxCpu).toBeGreaterThan(60);
  });

  it('has gaps (NaN runs, all metrics at once) on about 2% of servers', () => {
    const { series } = project;
    let withGaps = 0;
    for (let r = 0; r < series.serverIds.length; r++) {
      const cpu = row(series, 'cpuPct', r);
      const nan = [...cpu].map((v) => Number.isNaN(v));
      if (!nan.includes(true)) continue;
      withGaps++;
      const first = nan.indexOf(true);
      const last = nan.lastIndexOf(true);
      expect(nan.slice(first, last + 1).every(Boolean)).toBe(true);
      for (const m of ['memPct', 'iops', 'netMbps'] as const) expect(Number.isNaN(row(series, m, r)[first])).toBe(true);
    }
    expect(withGaps / series.serverIds.length).toBeGreaterThan(0.005);
    expect(withGaps / series.serverIds.length).toBeLessThan(0.04);
  });

  it('shows office hours in local time: weekday 10:00-16:00 is busier than 02:00-05:00 and than the weekend', () => {
    const { estate, series } = project;
    const businessApps = new Set(APP_CATALOGUE.filter((a) => a.shape === 'business' && a.layout !== 'etl').map((a) => a.code));
    const idx = rowIndex(series);
    const chi = estate.servers.filter((s) => s.dataCentreId === 'dc-chi' && s.environment === 'prod' && (s.tier === 'web' || s.tier === 'app') && s.drPartnerId === null && businessApps.has((s.applicationId ?? '').replace(/^app-/, '').replace(/\d+$/, '')));
    expect(chi.length).toBeGreaterThan(10);
    const clock = localClock(series.startUtc, series.hours, 'America/Chicago');
    let clearlyDaytime = 0;
    for (const s of chi) {
      const cpu = row(series, 'cpuPct', idx.get(s.id) ?? -1);
      const at = (pred: (h: number, d: number) => boolean) => mean([...cpu].filter((v, h) => !Number.isNaN(v) && pred(clock.hour[h], clock.day[h])));
      const day = at((h, d) => d >= 1 && d <= 5 && h >= 10 && h < 16);
      const night = at((h, d) => d >= 1 && d <= 5 && h >= 2 && h < 5);
      const weekend = at((h, d) => (d === 0 || d === 6) && h >= 10 && h < 16);
      if (day > 2 * night && day > 2 * weekend) clearlyDaytime++;
    }
    // Idle servers (~10%) have no pattern; the rest follow the office day.
    expect(clearlyDaytime / chi.length).toBeGreaterThan(0.75);
  });

  it('has idle servers, memory-bound servers, and servers that peak at different hours', () => {
    const { series } = project;
    let idle = 0;
    let memoryBound = 0;
    const peakHours = new Set<number>();
    for (let r = 0; r < series.serverIds.length; r++) {
      const cpu = [...row(series, 'cpuPct', r)].filter((v) => !Number.isNaN(v));
      const mem = [...row(series, 'memPct', r)].filter((v) => !Number.isNaN(v));
      if (Math.max(...cpu) < 6) idle++;
      if (Math.min(...mem) > 78) memoryBound++;
      const byHour = new Array<number>(24).fill(0);
      row(series, 'cpuPct', r).forEach((v, h) => {
        if (!Number.isNaN(v)) byHour[h % 24] += v;
      });
      peakHours.add(byHour.indexOf(Math.max(...byHour)));
    }
    const n = series.serverIds.length;
    expect(idle / n).toBeGreaterThan(0.06);
    expect(idle / n).toBeLessThan(0.15);
    expect(memoryBound / n).toBeGreaterThan(0.04);
    expect(peakHours.size).toBeGreaterThanOrEqual(8);
  });

  it('puts weekly backups on weekend nights: Saturday 22:00 to Sunday 05:00 local IOPS above the weekday nights', () => {
    const { estate, series } = project;
    const ash = estate.servers.map((s, r) => [s, r] as const).filter(([s]) => s.dataCentreId === 'dc-ash');
    const clock = localClock(series.startUtc, series.hours, 'America/New_York');
    const io = (pred: (h: number, d: number) => boolean) => {
      const xs: number[] = [];
      for (const [s, r] of ash) row(series, 'iops', r).forEach((v, h) => !Number.isNaN(v) && pred(clock.hour[h], clock.day[h]) && xs.push(v / s.iops));
      return mean(xs);
    };
    const backup = io((h, d) => (d === 6 && h >= 22) || (d === 0 && h < 5));
    const weekdayNight = io((h, d) => d >= 1 && d <= 5 && (h >= 22 || h < 5));
    expect(backup).toBeGreaterThan(2 * weekdayNight);
  });
});

describe('generateProject options', () => {
  it('is deterministic: the same options give identical output, byte for byte', () => {
    const a = generateProject({ servers: 600, seed: 'same' });
    const b = generateProject({ servers: 600, seed: 'same' });
    expect(JSON.stringify(b.estate)).toBe(JSON.stringify(a.estate));
    for (const m of ['cpuPct', 'memPct', 'iops', 'netMbps'] as const) {
      const x = new Uint8Array(a.series[m].buffer);
      const y = new Uint8Array(b.series[m].buffer);
      expect(y.length).toBe(x.length);
      let diff = 0;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
      expect(diff).toBe(0);
    }
  });

  it('differs with another seed', () => {
    const a = generateProject({ servers: 600, seed: 1 });
    const b = generateProject({ servers: 600, seed: 2 });
    expect(JSON.stringify(b.estate.servers)).not.toBe(JSON.stringify(a.estate.servers));
    let same = 0;
    for (let i = 0; i < a.series.cpuPct.length; i++) if (Object.is(a.series.cpuPct[i], b.series.cpuPct[i])) same++;
    expect(same / a.series.cpuPct.length).toBeLessThan(0.01);
  });

  it('takes the weeks and the start hour, and rejects bad options', () => {
    const p = generateProject({ servers: 100, weeks: 2, startUtc: '2026-06-01T00:00:00Z' });
    expect(p.series.hours).toBe(336);
    expect(p.series.startUtc).toBe('2026-06-01T00:00:00Z');
    expect(p.estate.servers).toHaveLength(100);
    expect(validateProject(p.estate, p.series).ok).toBe(true);
    expect(() => generateProject({ servers: 5 })).toThrow(RangeError);
    expect(() => generateProject({ servers: 100.5 })).toThrow(RangeError);
    expect(() => generateProject({ weeks: 6 })).toThrow(RangeError);
    expect(() => generateProject({ startUtc: '2026-06-01 00:00' })).toThrow(RangeError);
  });

  it('keeps 17 data centres when scaled, and the DR partner distance sensible', () => {
    const p = generateProject({ servers: 300, seed: 'small' });
    expect(p.estate.dataCentres).toHaveLength(17);
    const dc = new Map(p.estate.dataCentres.map((d) => [d.id, d]));
    const byId = new Map(p.estate.servers.map((s) => [s.id, s]));
    for (const s of p.estate.servers.filter((x) => x.drPartnerId !== null)) {
      const a = dc.get(s.dataCentreId);
      const b = dc.get(byId.get(s.drPartnerId ?? '')?.dataCentreId ?? '');
      expect(greatCircleKm(a?.latitude ?? 0, a?.longitude ?? 0, b?.latitude ?? 0, b?.longitude ?? 0)).toBeGreaterThanOrEqual(400);
    }
  });

  it('keeps the user latency budgets feasible for the main scenario with other seeds and sizes', () => {
    for (const [seed, servers] of [['small', 300], ['other', 1200], [7, 2500]] as const) {
      expect(unkeepableBudgets(generateProject({ servers, seed }).estate), `${seed}/${servers}`).toEqual([]);
    }
  });
});

describe('generateProject at 10,000 servers', () => {
  it('passes validateProject and scales the applications with the servers', () => {
    const p = generateProject({ servers: 10_000 });
    expect(p.estate.servers).toHaveLength(10_000);
    expect(p.estate.dataCentres).toHaveLength(17);
    expect(p.estate.applications.length).toBeGreaterThan(550);
    const r = validateProject(p.estate, p.series);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
    expect(r.ok).toBe(true);
  });
});
