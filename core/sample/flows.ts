/**
 * Traffic flows of the sample estate, hourly in UTC. Most traffic stays inside applications (web -> app ->
 * db chains, chatty app <-> db pairs); users at the offices reach the front tiers in their own office hours;
 * databases replicate to their DR partners; some applications feed others (nightly ETL, daytime API calls).
 * User flows carry a week (168 values, Sunday 00:00 UTC first), the others a typical weekday (24 values).
 */
import type { Flow, Server, UserSite } from '../model/schema.ts';
import type { Rng } from '../util/random.ts';
import type { ServerSet } from './servers.ts';
import type { ShapeTables } from './shapes.ts';
import { weightedIndex } from './applications.ts';
import { DATA_CENTRES, distanceKm } from './geography.ts';

/** Peak bandwidth one office user draws, summed over the applications they use. */
export const PEAK_MBPS_PER_USER = 0.5;
/** How far an application's users typically are from its data centre. */
const REGION_KM = 500;
/** The typical weekday of a 168-hour week (Sunday 00:00 UTC first): Wednesday. */
const WEEKDAY_START = 3 * 24;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A 24-hour UTC profile: base + (1 - base) x shape, times peak Mbps. */
function dayProfile(shape: Float32Array, peakMbps: number, base: number, second?: Float32Array): number[] {
  const out = new Array<number>(24);
  for (let h = 0; h < 24; h++) {
    const s = second ? 0.5 * (shape[WEEKDAY_START + h] + second[WEEKDAY_START + h]) : shape[WEEKDAY_START + h];
    out[h] = round2(peakMbps * (base + (1 - base) * s));
  }
  return out;
}

function weekProfile(shape: Float32Array, peakMbps: number, base: number): number[] {
  const out = new Array<number>(168);
  for (let h = 0; h < 168; h++) out[h] = round2(peakMbps * (base + (1 - base) * shape[h]));
  return out;
}

const PAIR_MBPS: Record<string, readonly [number, number]> = {
  'web>app': [10, 40],
  'api>app': [10, 40],
  'app>cache': [20, 60],
  'cache>db': [10, 40],
  'app>db': [20, 100],
  'db>batch': [20, 80],
  'etl>db': [50, 200],
};

export type FlowInput = {
  set: ServerSet;
  sites: readonly UserSite[];
  /** Shapes over the flow week (168 h from Sunday 00:00 UTC) in each data centre's zone, by DC index. */
  dcWeek: readonly ShapeTables[];
  /** The same in each user site's zone, by site index. */
  siteWeek: readonly ShapeTables[];
};

export function generateFlows(rng: Rng, { set, sites, dcWeek, siteWeek }: FlowInput): Flow[] {
  const flows: Flow[] = [];
  let seq = 0;
  const add = (kind: string, from: Flow['from'], to: Flow['to'], hourlyMbps: number[]) => {
    seq++;
    flows.push({ id: `flow-${kind}-${String(seq).padStart(6, '0')}`, from, to, hourlyMbps });
  };
  const server = (s: Server): Flow['from'] => ({ kind: 'server', id: s.id });
  const u = (lo: number, hi: number) => lo + (hi - lo) * rng.next();

  // Production servers of each application in its home site, by tier.
  const byPlan = set.plans.map(() => new Map<string, Server[]>());
  set.servers.forEach((s, i) => {
    const t = set.traits[i];
    if (t.plan < 0 || t.standby || s.environment !== 'prod' || s.tier === null) return;
    const m = byPlan[t.plan];
    const list = m.get(s.tier) ?? [];
    list.push(s);
    m.set(s.tier, list);
  });

  // Inside applications: each server of a tier talks to one server of the next tier.
  set.plans.forEach((plan, p) => {
    const tiers = plan.app.tiers;
    const shape = dcWeek[plan.homeDc][plan.spec.shape];
    for (let k = 0; k + 1 < tiers.length; k++) {
      const from = byPlan[p].get(tiers[k]) ?? [];
      const to = byPlan[p].get(tiers[k + 1]) ?? [];
      if (to.length === 0) continue;
      const range = PAIR_MBPS[`${tiers[k]}>${tiers[k + 1]}`] ?? [10, 40];
      from.forEach((s, j) => add('tier', server(s), server(to[j % to.length]), dayProfile(shape, u(range[0], range[1]), 0.1)));
    }
  });

  // DR replication: log shipping all day, heavier with the night jobs.
  set.servers.forEach((s, i) => {
    const t = set.traits[i];
    if (!t.standby || s.drPartnerId === null) return;
    const plan = set.plans[t.plan];
    const tables = dcWeek[plan.homeDc];
    const peak = s.tier === 'db' ? u(10, 60) : u(3, 15);
    add('dr', { kind: 'server', id: s.drPartnerId }, server(s), dayProfile(tables[plan.spec.shape], peak, 0.3, tables.batch));
  });

  // Between applications: nightly feeds and daytime API calls.
  const sources = set.plans.map((_, p) => [...(byPlan[p].get('app') ?? []), ...(byPlan[p].get('batch') ?? []), ...(byPlan[p].get('etl') ?? [])]);
  const targets = set.plans.map((_, p) => [...(byPlan[p].get('db') ?? []), ...(byPlan[p].get('api') ?? []), ...(byPlan[p].get('app') ?? [])]);
  const crossCount = Math.round(set.plans.length * 0.8);
  const byDept = new Map<string, number[]>();
  set.plans.forEach((q, i) => byDept.set(q.app.departmentId, [...(byDept.get(q.app.departmentId) ?? []), i]));
  for (let c = 0; c < crossCount && set.plans.length > 1; c++) {
    const a = rng.int(0, set.plans.length - 1);
    const sameDept = byDept.get(set.plans[a].app.departmentId) ?? [];
    let b = rng.chance(0.4) ? rng.pick(sameDept) : rng.int(0, set.plans.length - 1);
    if (b === a) b = (a + 1) % set.plans.length;
    if (sources[a].length === 0 || targets[b].length === 0) continue;
    const nightly = rng.chance(0.6);
    const tables = dcWeek[set.plans[a].homeDc];
    add('app', server(rng.pick(sources[a])), server(rng.pick(targets[b])), dayProfile(nightly ? tables.batch : tables.business, nightly ? u(10, 60) : u(3, 20), 0.05));
  }

  // Users: every interactive application is used from a few offices, the headquarters more often.
  const userApps = set.plans.map((_, p) => p).filter((p) => set.plans[p].spec.layout !== 'etl' && (byPlan[p].get(set.plans[p].app.tiers[0]) ?? []).length > 0);
  // Most applications serve the region around their data centre: offices are drawn by size and nearness.
  const perSite = sites.map((): { p: number; w: number }[] => []);
  const siteWeightsByDc = DATA_CENTRES.map((d) => sites.map((s) => s.users * (0.02 + Math.exp(-distanceKm(d, s) / REGION_KM))));
  for (const p of userApps) {
    const k = Math.min(sites.length, rng.int(2, 5));
    const chosen = new Set<number>();
    if (rng.chance(0.1)) chosen.add(0);
    const weights = siteWeightsByDc[set.plans[p].homeDc];
    for (let tries = 0; chosen.size < k && tries < 50; tries++) chosen.add(weightedIndex(rng, weights));
    const w = u(0.3, 3);
    for (const si of [...chosen].sort((x, y) => x - y)) perSite[si].push({ p, w: w * u(0.5, 1.5) });
  }
  sites.forEach((site, si) => {
    if (perSite[si].length === 0 && userApps.length > 0) perSite[si].push({ p: rng.pick(userApps), w: 1 });
    const total = perSite[si].reduce((s, x) => s + x.w, 0);
    for (const { p, w } of perSite[si]) {
      const plan = set.plans[p];
      const front = byPlan[p].get(plan.app.tiers[0]) ?? [];
      const shape = siteWeek[si][plan.spec.shape === 'evening' ? 'evening' : 'business'];
      const peak = (site.users * PEAK_MBPS_PER_USER * w) / total;
      add('user', { kind: 'userSite', id: site.id }, server(front[si % front.length]), weekProfile(shape, peak, 0.02));
    }
  });
  return flows;
}
