/**
 * WAN link loads for the views. With a plan, the engine's plan.links are used as they are. Without one, today's
 * loads are routed from the estate's flows with the engine's own routing (core/engine/sites/topology.ts), so the
 * "before" picture matches what the engine would report.
 */
import type { Estate } from '../../../core/model/schema.ts';
import type { LinkLoad, Plan } from '../../../core/engine/plan.ts';
import { buildTopology, compareLinks, linkLoads, type Locate } from '../../../core/engine/sites/topology.ts';

function locateToday(estate: Pick<Estate, 'servers'>): Locate {
  const dcOf = new Map(estate.servers.map((s) => [s.id, s.dataCentreId]));
  return (ep) => (ep.kind === 'userSite' ? ep.id : (dcOf.get(ep.id) ?? null));
}

/** Per-hour load (168 h, both directions) of every WAN link with servers where they are today. */
export function linkLoadsBefore(estate: Pick<Estate, 'servers' | 'flows' | 'dataCentres' | 'userSites' | 'wanLinks'>): Map<string, Float32Array> {
  const t = buildTopology(estate);
  const { load } = linkLoads(t, estate.flows, locateToday(estate));
  return new Map(t.linkIds.map((id, i) => [id, load[i]]));
}

/** Today's link state as LinkLoad records (after = before), with overload hours and heaviest flows. */
export function linkStateBefore(estate: Pick<Estate, 'servers' | 'flows' | 'dataCentres' | 'userSites' | 'wanLinks'>): LinkLoad[] {
  const t = buildTopology(estate);
  const here = locateToday(estate);
  return compareLinks(t, estate.flows, here, here);
}

/** The link records a view shows: the plan's, or today's routed from the estate. */
export function viewLinks(estate: Pick<Estate, 'servers' | 'flows' | 'dataCentres' | 'userSites' | 'wanLinks'>, plan: Plan | null): LinkLoad[] {
  return plan ? plan.links : linkStateBefore(estate);
}
