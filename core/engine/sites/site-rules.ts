/**
 * Per-server hard site rules: which kept sites a server may go to (zone residency, user latency budgets of
 * front tiers), and why a site is excluded. Site planning (sites.ts) combines these per placement group.
 */
import type { EngineContext } from '../context.ts';
import { Heartbeat, noTick, PER_ENTRY, type Tick } from '../../util/progress.ts';
import { latencyBetween } from './topology.ts';

export type ServerSites = {
  /** Kept sites allowed by zone residency. */
  byZone: string[];
  /** ...and by the user latency budget (front-tier servers). */
  allowed: string[];
  /** Why sites were excluded, for unplaced reports. */
  excluded: string[];
  /** Tier index within the application (-1 when none). */
  tierIndex: number;
};

/** User sites that talk to each application's front tier (from the flows). */
export function userSitesOfApps(ctx: EngineContext, tick: Tick = noTick): Map<string, Set<string>> {
  const meter = new Heartbeat(tick);
  const out = new Map<string, Set<string>>();
  const add = (serverId: string, siteId: string) => {
    const i = ctx.serverIndex.get(serverId);
    if (i === undefined) return;
    const s = ctx.servers[i];
    if (s.applicationId === null) return;
    const app = ctx.appById.get(s.applicationId);
    if (!app || (s.tier !== null && s.tier !== app.tiers[0])) return;
    let set = out.get(app.id);
    if (!set) out.set(app.id, (set = new Set()));
    set.add(siteId);
  };
  for (const f of ctx.estate.flows) {
    meter.add(PER_ENTRY);
    if (f.from.kind === 'server' && f.to.kind === 'userSite') add(f.from.id, f.to.id);
    if (f.to.kind === 'server' && f.from.kind === 'userSite') add(f.to.id, f.from.id);
  }
  return out;
}

/** The rules of every server (estate order); a large estate takes a while (`tick`: progress). */
export function serverSiteRules(ctx: EngineContext, tick: Tick = noTick): ServerSites[] {
  const meter = new Heartbeat(tick);
  const users = userSitesOfApps(ctx, tick);
  const out: ServerSites[] = [];
  for (const s of ctx.servers) {
    meter.add(PER_ENTRY);
    const excluded: string[] = [];
    let byZone = ctx.kept;
    const zone = s.zoneId !== null ? ctx.zoneById.get(s.zoneId) : undefined;
    if (zone && zone.allowedDataCentreIds !== null) {
      const allowedIds = new Set(zone.allowedDataCentreIds);
      byZone = ctx.kept.filter((d) => allowedIds.has(d));
      if (byZone.length < ctx.kept.length) excluded.push(`zone ${zone.id} residency allows only ${zone.allowedDataCentreIds.join(', ') || 'no site'}`);
    }
    if (ctx.kept.length === 0) excluded.push('the scenario keeps no data centre');
    let allowed = byZone;
    const app = s.applicationId !== null ? ctx.appById.get(s.applicationId) : undefined;
    const tierIndex = app && s.tier !== null ? app.tiers.indexOf(s.tier) : -1;
    if (app && app.userLatencyBudgetMs !== null && (tierIndex === 0 || s.tier === null)) {
      const budget = app.userLatencyBudgetMs;
      const sites = [...(users.get(app.id) ?? [])];
      const ok = byZone.filter((d) => sites.every((u) => latencyBetween(ctx.topology, u, d) <= budget));
      if (ok.length < byZone.length) {
        const bad = byZone.filter((d) => !ok.includes(d));
        excluded.push(`user latency budget ${budget} ms of ${app.id} (users at ${sites.join(', ')}) rules out ${bad.join(', ')}`);
      }
      allowed = ok;
    }
    out.push({ byZone, allowed, excluded, tierIndex });
  }
  return out;
}
