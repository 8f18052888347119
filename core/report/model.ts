/**
 * The PDF snapshot report as data: cover, executive summary, per-site tables, unplaced workloads, violations
 * and assumptions, from an estate, its series, a scenario, the scenario's plan and the run's settings. Pure and
 * deterministic: the date and the app version come in as strings; the input hash is SHA-256 over the
 * canonical inputs (hash.ts). The tables are cut from core/export's plan tables, so the report, the CSV and
 * the workbook agree; the headline figures are core/report/summary.ts's, as on the summary cards.
 */
import { DIMENSIONS, type Plan } from '../engine/plan.ts';
import { hostsTable, linksTable, sitesTable } from '../export/plan-tables.ts';
import type { Table } from '../export/table.ts';
import type { Estate, Scenario } from '../model/schema.ts';
import type { SeriesSet } from '../model/series.ts';
import { buildAssumptions, type AssumptionGroup } from './assumptions.ts';
import { pickColumns } from './columns.ts';
import { HASH_FORMAT, reportInputHash, type EngineSettings } from './hash.ts';
import { keptIdsOf, summarise, type PlanSummary } from './summary.ts';

export type SiteRef = { id: string; name: string; city: string };

export type ReportCover = {
  title: string;
  estateName: string;
  client: string;
  scenarioName: string;
  scenarioDescription: string;
  date: string;
  appVersion: string;
  /** SHA-256 of the inputs and settings, 64 hex digits. */
  inputHash: string;
  hashFormat: string;
  servers: number;
  dataCentres: number;
  /** The plan the report shows is the engine's final one (not a first plan of a stopped run). */
  finalPlan: boolean;
};

export type WanRisk = {
  linkId: string;
  name: string;
  bandwidthMbps: number;
  peakBeforeMbps: number;
  peakAfterMbps: number;
  hoursBefore: number;
  hoursAfter: number;
  /** Hours of the week (0 = Sunday 00:00 UTC) over capacity after the moves. */
  overAfter: number[];
};

export type ExecutiveSummary = {
  figures: PlanSummary;
  currency: string;
  kept: SiteRef[];
  closed: SiteRef[];
  licences: { name: string; metric: string; units: number; cost: number }[];
  /** Links over capacity today or after the moves, most hours after first. */
  wanRisks: WanRisk[];
  /** Every data centre: kept or closed, servers there today, hosts there after (kept first, then by name). */
  dataCentres: (SiteRef & { kept: boolean; serversToday: number; hostsAfter: number })[];
};

export type ReportSite = SiteRef & {
  hostModel: string;
  hosts: number;
  spareHosts: number;
  servers: number;
  physicalServers: number;
  bound: number;
  gapPct: number;
  /** Peak over the hours of the site's summed load over its summed usable capacity, percent (NaN: no hosts). */
  peakPct: { cpu: number; memory: number };
  powerKw: number;
  powerLimitKw: number;
  racks: number;
  rackLimit: number;
  cost: number;
  /** The site's hosts (the Hosts export table, report columns). */
  hostTable: Table;
};

export type ReportUnplaced = { serverId: string; name: string; sourceSite: string; blockedBy: string[]; blocker: string | null };
export type ReportViolation = { kind: string; message: string; servers: string[]; count: number };

export type Report = {
  cover: ReportCover;
  summary: ExecutiveSummary;
  /** One row per kept site (the Sites export table, report columns). */
  siteTable: Table;
  sites: ReportSite[];
  unplaced: ReportUnplaced[];
  violations: ReportViolation[];
  assumptions: AssumptionGroup[];
};

export type ReportInput = {
  estate: Estate;
  series: SeriesSet;
  scenario: Scenario;
  plan: Plan;
  settings: EngineSettings;
  /** The report date as it should print (e.g. "2026-11-23"). */
  date: string;
  appVersion: string;
  /** A hash computed earlier for the same inputs (it reads every series byte): skips recomputing it. */
  inputHash?: string;
};

export const SITE_COLUMNS = [
  ['site_name', 'Site'],
  ['host_model', 'Host model'],
  ['hosts', 'Hosts'],
  ['spare_hosts', 'Spare'],
  ['bound', 'Lower bound'],
  ['gap_pct', 'Gap %'],
  ['servers', 'Servers'],
  ['physical_servers', 'Physical'],
  ['power_kw', 'Power kW'],
  ['racks', 'Racks'],
] as const;

export const HOST_COLUMNS = [
  ['host', 'Host'],
  ['class', 'Class'],
  ['servers', 'Servers'],
  ['cpu_peak_pct', 'CPU peak %'],
  ['memory_peak_pct', 'Mem peak %'],
  ['storage_peak_pct', 'Disk %'],
  ['network_peak_pct', 'Net peak %'],
  ['vcpus', 'vCPUs'],
  ['vcpu_limit', 'vCPU limit'],
  ['spare', 'Spare'],
] as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

const CLASS_PART: Record<string, string> = { zone: 'zone', dept: 'department', env: 'environment', pool: 'licence pool' };

/**
 * A host's compatibility class for people: "zone:z-pci|dept:*|env:*|pool:lic-a+lic-b" -> "zone PCI, licence
 * pool Lic A + Lic B", names looked up by `name(part, id)` (ids as they are by default).
 */
export function classLabel(key: string, name: (part: string, id: string) => string = (_p, id) => id): string {
  const parts = key
    .split('|')
    .map((p) => p.split(':'))
    .filter(([, v]) => v !== undefined && v !== '*' && v !== '')
    .map(([k, v]) => `${CLASS_PART[k] ?? k} ${v.split('+').map((id) => name(k, id)).join(' + ')}`);
  return parts.length > 0 ? parts.join(', ') : key.includes(':') ? 'general' : key;
}
const num = (c: unknown) => (typeof c === 'number' ? c : 0);

/** Per site: the peak over the hours of summed load / summed usable capacity, percent, for CPU and memory. */
export function sitePeaks(plan: Pick<Plan, 'hosts' | 'hours'>): Map<string, { cpu: number; memory: number }> {
  const H = plan.hours;
  const acc = new Map<string, { load: Float64Array; cap: Float64Array }>();
  const dims = [DIMENSIONS.indexOf('cpu'), DIMENSIONS.indexOf('memory')] as const;
  for (const h of plan.hosts) {
    let a = acc.get(h.dataCentreId);
    if (!a) acc.set(h.dataCentreId, (a = { load: new Float64Array(2 * H), cap: new Float64Array(2) }));
    a.cap[0] += h.capacity.cpu;
    a.cap[1] += h.capacity.memory;
    for (let k = 0; k < 2; k++) for (let t = 0; t < H; t++) a.load[k * H + t] += h.load[dims[k] * H + t];
  }
  const out = new Map<string, { cpu: number; memory: number }>();
  for (const [site, a] of acc) {
    const peak = (k: number) => {
      if (!(a.cap[k] > 0)) return Number.NaN;
      let m = 0;
      for (let t = 0; t < H; t++) m = Math.max(m, a.load[k * H + t]);
      return round1((m / a.cap[k]) * 100);
    };
    out.set(site, { cpu: peak(0), memory: peak(1) });
  }
  return out;
}

function withClassLabels(t: Table, name: (part: string, id: string) => string): Table {
  const i = t.header.indexOf('Class');
  return { ...t, rows: t.rows.map((r) => r.map((c, j) => (j === i && typeof c === 'string' ? classLabel(c, name) : c))) };
}

export function buildReport(input: ReportInput): Report {
  const { estate, series, scenario, plan, settings } = input;
  if (plan.scenarioId !== scenario.id) throw new Error(`the plan is of scenario ${plan.scenarioId}, not ${scenario.id}`);
  const figures = summarise(estate, plan);
  const keptIds = new Set(keptIdsOf(estate, plan));
  const ref = (d: Estate['dataCentres'][number]): SiteRef => ({ id: d.id, name: d.name, city: d.city });
  const byName = (a: SiteRef, b: SiteRef) => a.name.localeCompare(b.name, 'en');
  const kept = estate.dataCentres.filter((d) => keptIds.has(d.id)).map(ref).sort(byName);
  const closed = estate.dataCentres.filter((d) => !keptIds.has(d.id)).map(ref).sort(byName);
  const dcs = new Map(estate.dataCentres.map((d) => [d.id, d]));
  const licenceName = new Map(estate.licenceModels.map((m) => [m.id, m.name]));

  const links = linksTable(estate, plan);
  const overAfter = new Map(plan.links.map((l) => [l.linkId, l.overloadAfter?.hours ?? []]));
  const li = (name: string) => links.header.indexOf(name);
  const wanRisks: WanRisk[] = links.rows
    .map((r) => ({
      linkId: String(r[li('link_id')]),
      name: `${String(r[li('endpoint_a')] ?? '?')} – ${String(r[li('endpoint_b')] ?? '?')}`,
      bandwidthMbps: num(r[li('bandwidth_mbps')]),
      peakBeforeMbps: num(r[li('peak_before_mbps')]),
      peakAfterMbps: num(r[li('peak_after_mbps')]),
      hoursBefore: num(r[li('overloaded_hours_before')]),
      hoursAfter: num(r[li('overloaded_hours_after')]),
      overAfter: [...(overAfter.get(String(r[li('link_id')])) ?? [])],
    }))
    .filter((w) => w.hoursBefore > 0 || w.hoursAfter > 0)
    .sort((a, b) => b.hoursAfter - a.hoursAfter || b.hoursBefore - a.hoursBefore || (a.linkId < b.linkId ? -1 : 1));

  const names: Record<string, Map<string, string>> = {
    zone: new Map(estate.zones.map((z) => [z.id, z.name])),
    dept: new Map(estate.departments.map((d) => [d.id, d.name])),
    pool: new Map(estate.licenceModels.map((m) => [m.id, m.name])),
  };
  const className = (part: string, id: string) => names[part]?.get(id) ?? id;
  const peaks = sitePeaks(plan);
  const hosts = hostsTable(estate, plan);
  const sites: ReportSite[] = plan.sites.map((s) => {
    const d = dcs.get(s.dataCentreId);
    return {
      id: s.dataCentreId,
      name: d?.name ?? s.dataCentreId,
      city: d?.city ?? '',
      hostModel: estate.hostModels.find((m) => m.id === s.hostModelId)?.name ?? s.hostModelId,
      hosts: s.hosts,
      spareHosts: s.spareHosts,
      servers: s.servers,
      physicalServers: s.physicalServers,
      bound: s.bound,
      gapPct: s.gapPct,
      peakPct: peaks.get(s.dataCentreId) ?? { cpu: Number.NaN, memory: Number.NaN },
      powerKw: s.powerKw,
      powerLimitKw: s.powerLimitKw,
      racks: s.racks,
      rackLimit: s.rackLimit,
      cost: s.cost,
      hostTable: withClassLabels(pickColumns(hosts, HOST_COLUMNS, (_r, col) => col('site') === s.dataCentreId), className),
    };
  });
  sites.sort(byName);

  const servers = new Map(estate.servers.map((s) => [s.id, s]));
  const serversToday = new Map<string, number>();
  for (const x of estate.servers) serversToday.set(x.dataCentreId, (serversToday.get(x.dataCentreId) ?? 0) + 1);
  const serverName = (id: string) => servers.get(id)?.name ?? id;
  const unplaced: ReportUnplaced[] = plan.unplaced.map((u) => {
    const s = servers.get(u.serverId);
    return {
      serverId: u.serverId,
      name: serverName(u.serverId),
      sourceSite: s ? (dcs.get(s.dataCentreId)?.name ?? s.dataCentreId) : '',
      blockedBy: u.blockedBy,
      blocker: s?.blocker ? `${s.blocker.kind}${s.blocker.detail ? `: ${s.blocker.detail}` : ''}` : null,
    };
  });
  const violations: ReportViolation[] = plan.violations.map((v) => ({
    kind: v.kind,
    message: v.message,
    servers: v.serverIds.slice(0, 6).map(serverName),
    count: v.serverIds.length,
  }));

  return {
    cover: {
      title: 'Consolidation plan',
      estateName: estate.name,
      client: estate.client,
      scenarioName: scenario.name,
      scenarioDescription: scenario.description,
      date: input.date,
      appVersion: input.appVersion,
      inputHash: input.inputHash ?? reportInputHash({ estate, series, scenario, settings }),
      hashFormat: HASH_FORMAT,
      servers: estate.servers.length,
      dataCentres: estate.dataCentres.length,
      finalPlan: plan.final,
    },
    summary: {
      figures,
      currency: estate.currency,
      kept,
      closed,
      licences: plan.cost.licences.map((l) => ({ name: licenceName.get(l.licenceModelId) ?? l.licenceModelId, metric: l.metric, units: l.units, cost: l.cost })),
      wanRisks,
      dataCentres: [...kept, ...closed].map((d) => ({
        ...d,
        kept: keptIds.has(d.id),
        serversToday: serversToday.get(d.id) ?? 0,
        hostsAfter: plan.sites.filter((x) => x.dataCentreId === d.id).reduce((n, x) => n + x.hosts, 0),
      })),
    },
    siteTable: pickColumns(sitesTable(estate, plan), [...SITE_COLUMNS, [`cost_${plan.cost.horizonMonths}_months_${estate.currency}`, `Cost (${plan.cost.horizonMonths} months)`]]),
    sites,
    unplaced,
    violations,
    assumptions: buildAssumptions(estate, scenario, settings),
  };
}
