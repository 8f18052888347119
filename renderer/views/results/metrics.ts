/** The numbers the results components show, from an estate and a plan. Pure. */
import type { Plan, PlacementReason } from '../../../core/engine/plan.ts';
import type { Estate, Scenario } from '../../../core/model/schema.ts';
import { summarise } from '../../../core/report/summary.ts';

// The headline figures live in core (the PDF report uses them too); re-exported for the views.
export { keptIdsOf, summarise, type PlanSummary } from '../../../core/report/summary.ts';

export type ScenarioPlan = { scenario: Scenario; plan: Plan };
export type ComparisonRow = { key: string; label: string; a: number; b: number; differs: boolean; kind: 'count' | 'money' | 'pct' };
export type TargetChange = { serverId: string; name: string; a: string | null; b: string | null };

export function comparePlans(estate: Pick<Estate, 'servers' | 'dataCentres' | 'scenarios'>, a: ScenarioPlan, b: ScenarioPlan): { rows: ComparisonRow[]; moved: TargetChange[] } {
  const sa = summarise(estate, a.plan);
  const sb = summarise(estate, b.plan);
  const rows: ComparisonRow[] = [];
  const add = (key: string, label: string, x: number, y: number, kind: ComparisonRow['kind']) =>
    rows.push({ key, label, a: x, b: y, differs: Math.abs(x - y) > (kind === 'money' ? 0.5 : 1e-9), kind });
  add('hosts', 'Hosts', sa.hosts, sb.hosts, 'count');
  const dcName = new Map(estate.dataCentres.map((d) => [d.id, d.name]));
  const hostsAt = (p: Plan) => {
    const m = new Map<string, number>();
    for (const s of p.sites) m.set(s.dataCentreId, (m.get(s.dataCentreId) ?? 0) + s.hosts);
    return m;
  };
  const ha = hostsAt(a.plan);
  const hb = hostsAt(b.plan);
  const sites = [...new Set([...ha.keys(), ...hb.keys()])].sort((x, y) => (dcName.get(x) ?? x).localeCompare(dcName.get(y) ?? y));
  for (const s of sites) add(`hosts:${s}`, `  hosts in ${dcName.get(s) ?? s}`, ha.get(s) ?? 0, hb.get(s) ?? 0, 'count');
  add('ratio', 'Servers per host', Math.round(sa.ratio * 10) / 10, Math.round(sb.ratio * 10) / 10, 'count');
  add('gap', 'Gap to lower bound', Math.round(sa.gapPct * 10) / 10, Math.round(sb.gapPct * 10) / 10, 'pct');
  if (sa.costGapPct !== null && sb.costGapPct !== null) add('costGap', 'Cost gap to its lower bound', Math.round(sa.costGapPct * 10) / 10, Math.round(sb.costGapPct * 10) / 10, 'pct');
  add('cost', 'Cost after (horizon)', sa.costAfter, sb.costAfter, 'money');
  add('licences', '  of which licences', sa.licences, sb.licences, 'money');
  add('links', 'WAN links overloaded after', sa.linksOverAfter, sb.linksOverAfter, 'count');
  add('unplaced', 'Unplaced servers', sa.unplaced, sb.unplaced, 'count');
  add('violations', 'Violations', sa.violations, sb.violations, 'count');
  const targetB = new Map(b.plan.assignments.map((x) => [x.serverId, x.targetDataCentreId]));
  const names = new Map(estate.servers.map((s) => [s.id, s.name]));
  const moved: TargetChange[] = [];
  for (const x of a.plan.assignments) {
    const tb = targetB.has(x.serverId) ? (targetB.get(x.serverId) ?? null) : null;
    if (tb !== x.targetDataCentreId) moved.push({ serverId: x.serverId, name: names.get(x.serverId) ?? x.serverId, a: x.targetDataCentreId, b: tb });
  }
  return { rows, moved };
}

export const REASONS: readonly PlacementReason[] = ['cheapest-feasible', 'forced-by-dr', 'forced-by-zone', 'forced-by-affinity', 'forced-by-latency', 'pinned', 'stays-physical', 'unplaced'];
