/**
 * The plan's headline figures (servers -> hosts, bound and gap, cost over the horizon, WAN overloads,
 * unplaced, violations), shared by the Results pane's summary cards, the plan comparison and the PDF report.
 * Pure. Moved here from renderer/views/results/metrics.ts, which re-exports it.
 */
import { gapPercent, type Plan } from '../engine/plan.ts';
import type { Estate } from '../model/schema.ts';

export type PlanSummary = {
  servers: number;
  /** Servers placed on a host (virtualised). */
  virtualised: number;
  stayPhysical: number;
  hosts: number;
  spareHosts: number;
  /** Virtualised servers per host. */
  ratio: number;
  bound: number;
  gapPct: number;
  /** Lower bound on the plan's hosts-and-licences cost, and the cost's gap to it (null for plans without one). */
  costBound: number | null;
  costGapPct: number | null;
  horizonMonths: number;
  /** Today: every data centre's running cost over the horizon. */
  costBefore: number;
  /** After: the kept data centres' running cost over the horizon ... */
  facilitiesAfter: number;
  /** ... plus hosts (purchase and running) and licences over the horizon (plan.cost). */
  hostsCost: number;
  licences: number;
  costAfter: number;
  saving: number;
  linksOverBefore: number;
  linksOverAfter: number;
  unplaced: number;
  violations: number;
};

/** The data centres a plan keeps: its scenario's list, else the sites it put hosts in. */
export function keptIdsOf(estate: Pick<Estate, 'scenarios'>, plan: Pick<Plan, 'scenarioId' | 'sites'>): string[] {
  const sc = estate.scenarios.find((s) => s.id === plan.scenarioId);
  return sc ? sc.keptDataCentreIds : plan.sites.map((s) => s.dataCentreId);
}

export function summarise(estate: Pick<Estate, 'servers' | 'dataCentres' | 'scenarios'>, plan: Plan): PlanSummary {
  const kept = new Set(keptIdsOf(estate, plan));
  const months = plan.cost.horizonMonths;
  let virtualised = 0;
  let stayPhysical = 0;
  for (const a of plan.assignments) {
    if (a.hostLabel !== null) virtualised++;
    else if (a.reason === 'stays-physical') stayPhysical++;
  }
  const costBefore = estate.dataCentres.reduce((s, d) => s + d.costPerMonth, 0) * months;
  const facilitiesAfter = estate.dataCentres.filter((d) => kept.has(d.id)).reduce((s, d) => s + d.costPerMonth, 0) * months;
  const hostsCost = plan.cost.hostPurchase + plan.cost.hostRunning;
  const costAfter = facilitiesAfter + plan.cost.total;
  return {
    servers: estate.servers.length,
    virtualised,
    stayPhysical,
    hosts: plan.hostsUsed,
    spareHosts: plan.sites.reduce((s, x) => s + x.spareHosts, 0),
    ratio: plan.hostsUsed > 0 ? virtualised / plan.hostsUsed : 0,
    bound: plan.bounds.total,
    gapPct: plan.gapPct,
    costBound: plan.bounds.cost ?? null,
    costGapPct: plan.bounds.cost !== undefined ? gapPercent(plan.cost.total, plan.bounds.cost) : null,
    horizonMonths: months,
    costBefore,
    facilitiesAfter,
    hostsCost,
    licences: plan.cost.licenceTotal,
    costAfter,
    saving: costBefore - costAfter,
    linksOverBefore: plan.links.filter((l) => l.overloadBefore !== null).length,
    linksOverAfter: plan.links.filter((l) => l.overloadAfter !== null).length,
    unplaced: plan.unplaced.length,
    violations: plan.violations.length,
  };
}
