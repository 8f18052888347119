/**
 * The seeded, deterministic sample estate "17 data centres into 3": a US enterprise with 17 data centres, of
 * which Ashburn, Dallas and Chicago stay. Same options, same project, byte for byte. Also the scale generator
 * for the benchmarks (10k / 50k / 100k servers): the series are written straight into one SeriesSet.
 */
import { DEFAULT_RULES, type DataCentre, type Estate, type Scenario, type Server, type UserSite } from '../model/schema.ts';
import { emptySeries } from '../model/series.ts';
import type { Project } from '../model/project.ts';
import { createRng } from '../util/random.ts';
import { DEPARTMENTS, HOST_MODELS, LICENCE_MODELS, PRODUCTS, ZONES } from './catalogue.ts';
import { generateFlows } from './flows.ts';
import { DATA_CENTRES, USER_SITES } from './geography.ts';
import { assignLatencyBudgets } from './latency.ts';
import { fillSeries } from './load.ts';
import { generateServers } from './servers.ts';
import { shapeTables, type ShapeTables } from './shapes.ts';
import { parseUtcHour, sundayUtcAtOrBefore, zoneClock } from './time.ts';
import { buildWan } from './wan.ts';

export type SampleOptions = {
  /** Seed of every random draw; default "17-into-3". */
  seed?: number | string;
  /** Number of servers, exactly; default 2,000. */
  servers?: number;
  /** Weeks of hourly series (1 to 5); default 1. */
  weeks?: number;
  /** First hour of the series, ISO UTC on the hour; default Monday 2 March 2026 00:00 UTC. */
  startUtc?: string;
};

export const SAMPLE_DEFAULTS = { seed: '17-into-3', servers: 2000, weeks: 1, startUtc: '2026-03-02T00:00:00Z' } as const;
export const MIN_SAMPLE_SERVERS = 20;
export const MAX_SAMPLE_SERVERS = 1_000_000;
/** Rack units usable per rack, after patch panels and PDUs. */
const USABLE_RU_PER_RACK = 36;

export const MAIN_SCENARIO_ID = 'scn-keep-3';
const KEEP_3 = ['dc-ash', 'dc-dal', 'dc-chi'];
const PER_CORE_LICENCES = ['lic-oracle-core', 'lic-mssql-core', 'lic-weblogic-core'];

function checkOptions(servers: number, weeks: number): void {
  if (!Number.isInteger(servers) || servers < MIN_SAMPLE_SERVERS || servers > MAX_SAMPLE_SERVERS) {
    throw new RangeError(`servers must be a whole number from ${MIN_SAMPLE_SERVERS} to ${MAX_SAMPLE_SERVERS}, got ${servers}`);
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 5) throw new RangeError(`weeks must be a whole number from 1 to 5, got ${weeks}`);
}

/** Size, power and cost of each site from what runs in it today. */
function dataCentres(servers: readonly Server[], seed: string): DataCentre[] {
  const rng = createRng(`${seed}|facilities`);
  const byDc = new Map(DATA_CENTRES.map((d) => [d.id, { ru: 0, stayRu: 0, esxHosts: new Set<string>() }]));
  for (const s of servers) {
    const t = byDc.get(s.dataCentreId);
    if (!t) continue;
    t.ru += s.rackUnits;
    if (!s.virtualisable) t.stayRu += s.rackUnits;
    if (s.sourceHost !== null) t.esxHosts.add(s.sourceHost);
  }
  return DATA_CENTRES.map((d) => {
    const t = byDc.get(d.id) ?? { ru: 0, stayRu: 0, esxHosts: new Set<string>() };
    // Network, SAN and backup racks stay whatever happens to the servers.
    const networkRacks = 4 + Math.round(d.weight / 2);
    const racksToday = Math.ceil((t.ru + 2 * t.esxHosts.size) / USABLE_RU_PER_RACK) + networkRacks;
    const rackCapacity = Math.ceil(racksToday / (0.6 + 0.25 * rng.next()) / 10) * 10;
    const powerKw = rackCapacity * (d.tier === 4 ? 8 : d.tier === 3 ? 6 : 5);
    return {
      id: d.id,
      name: `${d.city.split(',')[0]} data centre`,
      city: d.city,
      latitude: d.latitude,
      longitude: d.longitude,
      timeZone: d.timeZone,
      tier: d.tier,
      powerKw,
      rackCapacity,
      racksUsed: networkRacks + Math.ceil(t.stayRu / USABLE_RU_PER_RACK),
      status: d.status,
      costPerMonth: Math.round((powerKw * d.pricePerKwMonth) / 100) * 100,
    };
  });
}

function userSites(servers: number): UserSite[] {
  const scale = servers / SAMPLE_DEFAULTS.servers;
  return USER_SITES.map((s) => ({ ...s, users: Math.max(10, Math.round(s.users * scale)) }));
}

function scenarios(): Scenario[] {
  const base = () => ({ hostModelByDataCentre: {}, rules: {}, licenceModelIds: [...PER_CORE_LICENCES], pins: [], seed: 17 });
  return [
    {
      ...base(),
      id: MAIN_SCENARIO_ID,
      name: 'Keep 3 (Ashburn, Dallas, Chicago)',
      description: 'The plan under study: close 14 sites, consolidate onto new 96-core hosts in Ashburn, Dallas and Chicago.',
      keptDataCentreIds: [...KEEP_3],
      defaultHostModelId: 'hm-2s-96c',
    },
    {
      ...base(),
      id: 'scn-keep-4-phx',
      name: 'Keep 4 (+ Phoenix for the West)',
      description: 'Keep Phoenix as well, so West-coast offices stay within their latency budgets; smaller hosts there.',
      keptDataCentreIds: [...KEEP_3, 'dc-phx'],
      defaultHostModelId: 'hm-2s-96c',
      hostModelByDataCentre: { 'dc-phx': 'hm-2s-64c' },
    },
    {
      ...base(),
      id: 'scn-keep-3-segregated',
      name: 'Keep 3, departments segregated',
      description: 'As Keep 3, with every department on its own hosts (what Legal and Security Operations ask for, for everyone).',
      keptDataCentreIds: [...KEEP_3],
      defaultHostModelId: 'hm-2s-128c',
      rules: { segregateDepartments: true },
      seed: 18,
    },
  ];
}

/** Shape tables per zone over a timeline; zones are shared by several sites, so each is computed once. */
function zoneTablesCache(): (timeZone: string, startMs: number, hours: number) => ShapeTables {
  const cache = new Map<string, ShapeTables>();
  return (timeZone, startMs, hours) => {
    const key = `${timeZone}|${startMs}|${hours}`;
    let t = cache.get(key);
    if (!t) cache.set(key, (t = shapeTables(zoneClock(timeZone, startMs, hours))));
    return t;
  };
}

/** The sample project: deterministic for the same options. */
export function generateProject(options: SampleOptions = {}): Project {
  const seed = String(options.seed ?? SAMPLE_DEFAULTS.seed);
  const serverCount = options.servers ?? SAMPLE_DEFAULTS.servers;
  const weeks = options.weeks ?? SAMPLE_DEFAULTS.weeks;
  const startUtc = options.startUtc ?? SAMPLE_DEFAULTS.startUtc;
  checkOptions(serverCount, weeks);
  const startMs = parseUtcHour(startUtc);
  const hours = weeks * 168;

  const set = generateServers(createRng(`${seed}|servers`), serverCount);
  const dcs = dataCentres(set.servers, seed);
  const sites = userSites(serverCount);

  const zoneTables = zoneTablesCache();
  const weekStart = sundayUtcAtOrBefore(startMs);
  const dcWeek = DATA_CENTRES.map((d) => zoneTables(d.timeZone, weekStart, 168));
  const siteWeek = sites.map((s) => zoneTables(s.timeZone, weekStart, 168));
  const flows = generateFlows(createRng(`${seed}|flows`), { set, sites, dcWeek, siteWeek });
  const dcIndexOf = new Map(set.servers.map((s, i) => [s.id, set.traits[i].dc]));
  const wanLinks = buildWan(dcs, sites, flows, dcIndexOf);
  assignLatencyBudgets(set.plans, set.servers, sites, flows, wanLinks, KEEP_3);

  const series = emptySeries(startUtc, hours, set.servers.map((s) => s.id));
  const timeline = DATA_CENTRES.map((d) => zoneTables(d.timeZone, startMs, hours));
  fillSeries(createRng(`${seed}|series`), series, set.servers, set.traits, timeline);

  const estate: Estate = {
    name: '17 data centres into 3',
    client: 'Meridian Industries (fictional)',
    description:
      `Sample estate (seed ${JSON.stringify(seed)}): ${set.servers.length} servers and ${set.applications.length} applications ` +
      `in 17 US data centres; the plan keeps Ashburn, Dallas and Chicago.`,
    currency: 'USD',
    defaultRules: { ...DEFAULT_RULES, headroomPct: { ...DEFAULT_RULES.headroomPct } },
    dataCentres: dcs,
    userSites: sites,
    wanLinks,
    departments: DEPARTMENTS.map((d) => ({ ...d })),
    applications: set.applications,
    zones: ZONES.map((z) => ({ ...z, allowedDataCentreIds: z.allowedDataCentreIds ? [...z.allowedDataCentreIds] : null })),
    products: PRODUCTS.map((p) => ({ ...p })),
    servers: set.servers,
    flows,
    hostModels: HOST_MODELS.map((h) => ({ ...h })),
    licenceModels: LICENCE_MODELS.map((l) => ({ ...l })),
    scenarios: scenarios(),
  };
  return { estate, series };
}
