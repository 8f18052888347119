/**
 * User latency budgets of the sample estate, settled once the users (flows) and the WAN exist. Most
 * applications have none. National applications may ask for 80 or 100 ms. A few regional applications (every
 * user in one region) ask for a tight 25-35 ms. A budget is only written when the plan under study can keep
 * it: at least one kept site (two when the front tier has DR copies, which go to another site) is within the
 * budget, round trip on the WAN's lowest-latency path, from every user site of the application.
 */
import type { Flow, Server, UserSite, WanLink } from '../model/schema.ts';
import type { AppPlan } from './applications.ts';
import { ZONES } from './catalogue.ts';
import { distanceKm } from './geography.ts';

/** The tightest round trip a "regional" application can ask for, and the most it allows. */
const REGIONAL_MIN_MS = 25;
const REGIONAL_MAX_MS = 35;
const NATIONAL_BUDGETS_MS = [80, 100] as const;
/** Users of a regional application are all within this distance of each other. */
export const REGION_SPREAD_KM = 1200;

/** Lowest round-trip latency between every pair of WAN nodes (Dijkstra from each node; the WAN is small). */
export function wanLatencies(links: readonly WanLink[]): (a: string, b: string) => number {
  const ids = [...new Set(links.flatMap((l) => [l.a, l.b]))];
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const adj: { to: number; ms: number }[][] = ids.map(() => []);
  for (const l of links) {
    const a = index.get(l.a) ?? 0;
    const b = index.get(l.b) ?? 0;
    adj[a].push({ to: b, ms: l.latencyMs });
    adj[b].push({ to: a, ms: l.latencyMs });
  }
  const dist = new Float64Array(n * n).fill(Infinity);
  for (let src = 0; src < n; src++) {
    const row = dist.subarray(src * n, src * n + n);
    const done = new Uint8Array(n);
    row[src] = 0;
    for (;;) {
      let v = -1;
      for (let i = 0; i < n; i++) if (!done[i] && row[i] < Infinity && (v < 0 || row[i] < row[v])) v = i;
      if (v < 0) break;
      done[v] = 1;
      for (const e of adj[v]) if (row[v] + e.ms < row[e.to]) row[e.to] = row[v] + e.ms;
    }
  }
  return (a, b) => {
    if (a === b) return 0;
    const i = index.get(a);
    const j = index.get(b);
    return i === undefined || j === undefined ? Infinity : dist[i * n + j];
  };
}

/** The user sites with flows to (or from) each application's servers, by application id. */
export function userSitesByApp(servers: readonly Server[], flows: readonly Flow[]): Map<string, string[]> {
  const appOf = new Map(servers.map((s) => [s.id, s.applicationId]));
  const out = new Map<string, Set<string>>();
  const add = (serverId: string, siteId: string) => {
    const app = appOf.get(serverId);
    if (app === null || app === undefined) return;
    let set = out.get(app);
    if (!set) out.set(app, (set = new Set()));
    set.add(siteId);
  };
  for (const f of flows) {
    if (f.from.kind === 'userSite' && f.to.kind === 'server') add(f.to.id, f.from.id);
    if (f.to.kind === 'userSite' && f.from.kind === 'server') add(f.from.id, f.to.id);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Writes `userLatencyBudgetMs` on the plans' applications (null unless the plan wished for one and a budget
 * of that kind can be met from `keptIds`). Deterministic, no random draws.
 */
export function assignLatencyBudgets(
  plans: readonly AppPlan[], servers: readonly Server[], sites: readonly UserSite[], flows: readonly Flow[], links: readonly WanLink[], keptIds: readonly string[],
): void {
  const rtt = wanLatencies(links);
  const users = userSitesByApp(servers, flows);
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const spreadKm = (ids: readonly string[]) => {
    let most = 0;
    for (const a of ids) for (const b of ids) most = Math.max(most, distanceKm(siteById.get(a) ?? NOWHERE, siteById.get(b) ?? NOWHERE));
    return most;
  };
  plans.forEach((plan, index) => {
    const { app } = plan;
    app.userLatencyBudgetMs = null;
    const appSites = users.get(app.id) ?? [];
    if (plan.latencyWish === null || appSites.length === 0) return;
    // The front tier's zone may narrow the kept sites (PCI residency).
    const zone = plan.spec.pci ? ZONES.find((z) => z.kind === 'pci') : undefined;
    const allowed = zone?.allowedDataCentreIds ? keptIds.filter((d) => zone.allowedDataCentreIds?.includes(d)) : keptIds;
    const needed = plan.drTiers.includes(app.tiers[0]) ? 2 : 1;
    const worst = allowed.map((d) => Math.max(...appSites.map((u) => rtt(u, d)))).sort((a, b) => a - b);
    const reach = worst[needed - 1];
    if (reach === undefined || !Number.isFinite(reach)) return;
    if (plan.latencyWish === 'regional' && spreadKm(appSites) <= REGION_SPREAD_KM && reach <= REGIONAL_MAX_MS - 2) {
      app.userLatencyBudgetMs = Math.min(REGIONAL_MAX_MS, Math.max(REGIONAL_MIN_MS, Math.ceil((reach + 2) / 5) * 5));
      return;
    }
    // A national application, or a regional wish whose users turned out to be spread out: 80 or 100 ms.
    app.userLatencyBudgetMs = NATIONAL_BUDGETS_MS.slice(index % 2).find((b) => b >= reach) ?? null;
  });
}

const NOWHERE = { latitude: null, longitude: null };
