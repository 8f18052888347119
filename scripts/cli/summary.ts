/**
 * The plan summary the CLI prints: servers, hosts per site against the bound, the bound without licence
 * pools, licence units against their lower bound, the effort, cost, unplaced, overloads. The headline cost is
 * the one the summary cards and the report show (core/report/summary.ts: kept sites' running cost included).
 */
import { gapPercent, type Plan } from '../../core/engine/plan.ts';
import { effortText } from '../../core/model/effort.ts';
import type { Estate } from '../../core/model/schema.ts';
import { summarise } from '../../core/report/summary.ts';

const money = (x: number) => Math.round(x).toLocaleString('en-US');
// A plan at its bound may sit a rounding error below it: never print "-0.0 %".
const pct = (x: number) => `${(Math.abs(x) < 0.05 ? 0 : x).toFixed(1)} %`;

export function planSummary(plan: Plan, scenarioName: string, estate: Pick<Estate, 'servers' | 'dataCentres' | 'scenarios' | 'currency'>): string {
  const currency = estate.currency;
  const out: string[] = [];
  const placed = plan.assignments.filter((a) => a.targetDataCentreId !== null).length;
  const physical = plan.assignments.filter((a) => a.reason === 'stays-physical').length;
  out.push(`Scenario: ${scenarioName} (${plan.final ? 'final' : 'first'} plan, ${plan.hours} h folded)`);
  out.push(`Servers: ${plan.assignments.length} (placed ${placed}, physical ${physical}, unplaced ${plan.unplaced.length})`);
  out.push('Hosts per site:');
  for (const s of plan.sites) {
    out.push(
      `  ${s.dataCentreId.padEnd(14)} ${String(s.hosts).padStart(6)} hosts (${s.spareHosts} spare)  bound ${String(s.bound).padStart(6)}  gap ${pct(s.gapPct).padStart(8)}  ${s.servers} servers  ${s.powerKw.toFixed(0)}/${s.powerLimitKw} kW  ${s.racks}/${s.rackLimit} racks`,
    );
  }
  out.push(`Hosts: ${plan.hostsUsed}  bound: ${plan.bounds.total}  gap: ${pct(plan.gapPct)}`);
  if (plan.bounds.hardRules !== undefined && plan.bounds.hardRules !== plan.bounds.total) {
    out.push(`  (bound without licence pools: ${plan.bounds.hardRules}; the pools trade hosts for licences)`);
  }
  if (plan.bounds.ownPools !== undefined && plan.bounds.ownPools > plan.bounds.total) {
    out.push(`  (bound for this plan's licence pools: ${plan.bounds.ownPools}  gap: ${pct(gapPercent(plan.hostsUsed, plan.bounds.ownPools))})`);
  }
  if (plan.bounds.cost !== undefined) {
    out.push(`Cost lower bound (hosts and licences): ${money(plan.bounds.cost)} ${currency}  gap: ${pct(gapPercent(plan.cost.total, plan.bounds.cost))}`);
  }
  if (plan.search) out.push(searchLine(plan.search));
  const sum = summarise(estate, plan);
  out.push(
    `Cost over ${sum.horizonMonths} months: ${money(sum.costAfter)} ${currency} (kept sites ${money(sum.facilitiesAfter)} + hosts ${money(plan.cost.hostPurchase)} + running ${money(plan.cost.hostRunning)} + licences ${money(plan.cost.licenceTotal)})`,
    `  site running cost ${money(sum.costBefore)} today -> ${money(sum.facilitiesAfter)} (today's servers and licences are not in the estate)`,
  );
  for (const l of plan.cost.licences) {
    const bound = l.boundUnits !== undefined ? `, bound ${l.boundUnits} units (gap ${pct(gapPercent(l.units, l.boundUnits))})` : '';
    out.push(`  licence ${l.licenceModelId} (${l.metric}): ${l.units} units${bound}, ${money(l.cost)} ${currency}`);
  }
  if (plan.unplaced.length > 0) {
    out.push(`Unplaced: ${plan.unplaced.length}`);
    for (const u of plan.unplaced.slice(0, 10)) out.push(`  ${u.serverId}: ${u.blockedBy.join('; ')}`);
    if (plan.unplaced.length > 10) out.push(`  ... and ${plan.unplaced.length - 10} more (see the CSV)`);
  }
  const over = plan.links.filter((l) => l.overloadAfter !== null);
  out.push(`Overloaded WAN links after the move: ${over.length} (before: ${plan.links.filter((l) => l.overloadBefore !== null).length})`);
  for (const l of over.slice(0, 10)) {
    const o = l.overloadAfter;
    if (!o) continue;
    out.push(`  ${l.linkId}: peak ${o.peakMbps.toFixed(0)} of ${l.bandwidthMbps} Mbps in ${o.hours.length} h; top flows ${o.topFlows.slice(0, 3).map((f) => `${f.flowId} ${f.mbps.toFixed(0)}`).join(', ')}`);
  }
  if (plan.violations.length > 0) {
    out.push(`Violations reported: ${plan.violations.length}`);
    for (const v of plan.violations.slice(0, 10)) out.push(`  [${v.kind}] ${v.message}`);
  }
  return out.join('\n');
}

/** "Effort: standard (200,000 work units), plan found at 49,363 units (--effort 49363 replays it), stopped by ..." */
export function searchLine(s: NonNullable<Plan['search']>): string {
  if (s.effort === undefined) return `Search: ${s.iterations !== null ? `${s.iterations} work units` : `${s.budgetMs} ms`}, stopped by ${s.stoppedBy}`;
  const units = s.iterations ?? 0;
  const effort = effortText(s.effort === 'custom' ? units : s.effort);
  const found = s.foundAt ?? 0;
  return `Effort: ${effort}, plan found at ${found.toLocaleString('en-US')} work units (--effort ${found} replays it), stopped by ${s.stoppedBy === 'iterations' ? 'the effort' : s.stoppedBy === 'done' ? 'convergence' : s.stoppedBy}`;
}
