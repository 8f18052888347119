/**
 * The plan as four export tables: Servers (where each server goes and why), Hosts (workloads, peak loads
 * against capacity), Sites (per-site summary) and WAN links (load before / after the move). Pure: the CLI's
 * CSV, the UI's CSV and the .xlsx workbook all come from here. Site and link columns carry ids (stable for
 * scripts) next to names (for people).
 */
import { DIMENSIONS, DIMENSION_UNITS, type Plan } from '../engine/plan.ts';
import type { Estate, Scenario } from '../model/schema.ts';
import type { Cell, Table } from './table.ts';

export type PlanTables = {
  /** "<estate> - <scenario>", for file names and titles. */
  title: string;
  servers: Table;
  hosts: Table;
  sites: Table;
  links: Table;
};

export const SERVERS_HEADER = ['server_id', 'server_name', 'source_site', 'target_site', 'target_host', 'reason', 'detail'] as const;

/** Rounded to `digits` decimals; non-finite values become empty cells. */
function num(n: number, digits = 2): Cell {
  if (!Number.isFinite(n)) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function peakOf(a: Float32Array): number {
  let m = 0;
  for (const v of a) if (v > m) m = v;
  return m;
}

export function serversTable(estate: Estate, plan: Plan): Table {
  const names = new Map(estate.servers.map((s) => [s.id, s.name]));
  return {
    name: 'Servers',
    header: SERVERS_HEADER,
    rows: plan.assignments.map((a) => [
      a.serverId,
      names.get(a.serverId) ?? null,
      a.sourceDataCentreId,
      a.targetDataCentreId,
      a.hostLabel,
      a.reason,
      a.detail,
    ]),
  };
}

export function hostsTable(estate: Estate, plan: Plan): Table {
  const models = new Map(estate.hostModels.map((m) => [m.id, m.name]));
  const header = [
    'host',
    'site',
    'host_model',
    'class',
    'servers',
    'server_ids',
    ...DIMENSIONS.flatMap((d) => [`${d}_peak_${DIMENSION_UNITS[d]}`, `${d}_capacity_${DIMENSION_UNITS[d]}`, `${d}_peak_pct`]),
    'vcpus',
    'vcpu_limit',
    'spare',
  ];
  const rows = plan.hosts.map((h) => [
    h.label,
    h.dataCentreId,
    models.get(h.hostModelId) ?? h.hostModelId,
    h.classKey,
    h.serverIds.length,
    h.serverIds.join(' '),
    ...DIMENSIONS.flatMap((d) => [num(h.peak[d]), num(h.capacity[d]), h.capacity[d] > 0 ? num((h.peak[d] / h.capacity[d]) * 100, 1) : null]),
    h.vcpus,
    h.vcpuLimit,
    h.spare ? 'yes' : 'no',
  ]);
  return { name: 'Hosts', header, rows };
}

export function sitesTable(estate: Estate, plan: Plan): Table {
  const dcs = new Map(estate.dataCentres.map((d) => [d.id, d.name]));
  const models = new Map(estate.hostModels.map((m) => [m.id, m.name]));
  const header = [
    'site_id',
    'site_name',
    'host_model',
    'hosts',
    'spare_hosts',
    'bound',
    'gap_pct',
    'servers',
    'physical_servers',
    'power_kw',
    'power_limit_kw',
    'racks',
    'rack_limit',
    `cost_${plan.cost.horizonMonths}_months_${estate.currency}`,
  ];
  const rows = plan.sites.map((s) => [
    s.dataCentreId,
    dcs.get(s.dataCentreId) ?? null,
    models.get(s.hostModelId) ?? s.hostModelId,
    s.hosts,
    s.spareHosts,
    s.bound,
    num(s.gapPct, 1),
    s.servers,
    s.physicalServers,
    num(s.powerKw),
    // 0 = the site's capacity is unknown (imports): an empty cell, not a limit of 0
    s.powerLimitKw > 0 ? num(s.powerLimitKw) : null,
    num(s.racks),
    s.rackLimit > 0 ? s.rackLimit : null,
    num(s.cost),
  ]);
  return { name: 'Sites', header, rows };
}

export function linksTable(estate: Estate, plan: Plan): Table {
  const links = new Map(estate.wanLinks.map((l) => [l.id, l]));
  const endpointNames = new Map<string, string>([...estate.dataCentres, ...estate.userSites].map((e) => [e.id, e.name]));
  const endpoint = (id: string | undefined): Cell => (id === undefined ? null : (endpointNames.get(id) ?? id));
  const header = [
    'link_id',
    'endpoint_a',
    'endpoint_b',
    'bandwidth_mbps',
    'peak_before_mbps',
    'peak_after_mbps',
    'overloaded_hours_before',
    'overloaded_hours_after',
    'top_flows_in_worst_hour',
  ];
  const rows = plan.links.map((l) => {
    const wan = links.get(l.linkId);
    const worst = l.overloadAfter ?? l.overloadBefore;
    return [
      l.linkId,
      endpoint(wan?.a),
      endpoint(wan?.b),
      num(l.bandwidthMbps),
      num(peakOf(l.before), 1),
      num(peakOf(l.after), 1),
      l.overloadBefore?.hours.length ?? 0,
      l.overloadAfter?.hours.length ?? 0,
      worst ? worst.topFlows.map((f) => `${f.flowId} ${num(f.mbps, 1) ?? ''} Mbps`).join('; ') : null,
    ];
  });
  return { name: 'WAN links', header, rows };
}

export function planTables(estate: Estate, scenario: Pick<Scenario, 'name'> | null, plan: Plan): PlanTables {
  return {
    title: scenario ? `${estate.name} - ${scenario.name}` : estate.name,
    servers: serversTable(estate, plan),
    hosts: hostsTable(estate, plan),
    sites: sitesTable(estate, plan),
    links: linksTable(estate, plan),
  };
}

/** The four tables in workbook order. */
export const allTables = (t: PlanTables): Table[] => [t.servers, t.hosts, t.sites, t.links];
