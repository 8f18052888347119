/**
 * Per-server demand series for the heatmap's host panel. The Plan carries only per-host loads, so the
 * servers of one host are sized on demand with the engine's own sizing (`core/engine/sizing/sizing.ts`) under the
 * scenario's effective rules: the same numbers the engine summed into that host's load.
 * Each call sizes only the servers of the host that holds the asked server; results are cached per
 * (plan, server) for the life of the returned function.
 */
import { DIMENSIONS, type Dimension, type Plan } from '../../core/engine/plan.ts';
import { DIMS, sizeServers } from '../../core/engine/sizing/sizing.ts';
import type { Project } from '../../core/model/project.ts';
import { effectiveRules, type Scenario, type Server } from '../../core/model/schema.ts';
import type { ServerSeries } from '../views/heatmap/stack.ts';

/** One server's sized demand, DIMS x hours (dimension-major), or null when it has none (unknown, not on a host). */
type Row = Float32Array | null;

/**
 * `serverSeries(serverId, dimension)` for one plan: the server's demand in that dimension over the plan's
 * folded hours, or null when the server is not on a host of the plan or the scenario's fold no longer matches
 * the plan's hours (the scenario was edited after the run).
 */
export function createServerSeries(project: Project, scenario: Scenario, plan: Plan): ServerSeries {
  const rules = effectiveRules(project.estate, scenario);
  const cache = new Map<string, Row>();
  let serverById: Map<string, Server> | null = null;
  let hostOf: Map<string, readonly string[]> | null = null;

  const sizeHostOf = (serverId: string): void => {
    serverById ??= new Map(project.estate.servers.map((s) => [s.id, s]));
    if (!hostOf) {
      hostOf = new Map();
      for (const h of plan.hosts) for (const id of h.serverIds) hostOf.set(id, h.serverIds);
    }
    const ids = hostOf.get(serverId);
    if (!ids) {
      cache.set(serverId, null);
      return;
    }
    const servers: Server[] = [];
    for (const id of ids) {
      const s = serverById.get(id);
      if (s) servers.push(s);
      else cache.set(id, null);
    }
    const sizing = sizeServers(servers, project.series, rules);
    if (sizing.hours !== plan.hours) {
      for (const id of ids) cache.set(id, null);
      return;
    }
    const stride = DIMS * sizing.hours;
    servers.forEach((s, i) => cache.set(s.id, sizing.demand.subarray(i * stride, (i + 1) * stride)));
  };

  return (serverId: string, dimension: Dimension): Float32Array | null => {
    if (!cache.has(serverId)) sizeHostOf(serverId);
    const row = cache.get(serverId) ?? null;
    if (!row) return null;
    const d = DIMENSIONS.indexOf(dimension);
    return row.subarray(d * plan.hours, (d + 1) * plan.hours);
  };
}
