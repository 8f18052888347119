/**
 * A lower bound on a plan's total cost (hosts plus licences over the horizon), for the servers it places:
 * every site needs at least its `hardRules` host bound (what any packing obeying the rules needs, spare
 * included), each at that site's model price and running cost; each per-host licence is paid on at least
 * the hosts that must carry its product (`boundUnits`); per-VM licences cost what the plan's placed servers
 * cost (they do not depend on the packing, but follow which servers are placed, so unlike the host bound this
 * one may differ between plans of a run that place different servers). The three parts bound separate terms
 * of the cost, so their sum bounds the total. The cost gap (`PlanSummary.costGapPct`) measures the objective
 * the engine minimises, where the host gap also counts the hosts a plan spends on purpose to save licences.
 */
import type { HostModel, LicenceModel } from '../../model/schema.ts';
import { COST_HORIZON_MONTHS, type Bounds, type CostBreakdown } from '../plan.ts';

export function planCostLowerBound(
  perSite: Bounds['perSite'],
  modelOfSite: (dataCentreId: string) => Pick<HostModel, 'price' | 'costPerMonth'> | undefined,
  licences: CostBreakdown['licences'],
  inForce: readonly Pick<LicenceModel, 'id' | 'metric' | 'price'>[],
  horizonMonths = COST_HORIZON_MONTHS,
): number {
  let total = 0;
  for (const [d, b] of Object.entries(perSite)) {
    const m = modelOfSite(d);
    if (m) total += (b.hardRules ?? b.bound) * (m.price + m.costPerMonth * horizonMonths);
  }
  const priceOf = new Map(inForce.map((l) => [l.id, l.price]));
  for (const l of licences) {
    if (l.metric === 'per-vm') total += l.cost;
    else total += (l.boundUnits ?? 0) * (priceOf.get(l.licenceModelId) ?? 0);
  }
  return total;
}
