/**
 * Scenario diff: given two plans and their scenarios, which rules changed and which servers moved (site or
 * host), each move attributed to the rule changes that can explain it. Attribution is by what a rule can
 * touch: closing or opening a site and pins move servers between sites; sizing, segregation, host models and
 * licences re-pack hosts inside a site. A move no changed rule explains directly is "knock-on" (capacity or
 * traffic freed or taken by other moves).
 */
import { effectiveRules, type Estate, type Scenario } from '../../model/schema.ts';
import type { Plan } from '../plan.ts';

export type RuleChange = { field: string; before: unknown; after: unknown };

export type ServerMove = {
  serverId: string;
  from: { site: string | null; host: string | null; reason: string };
  to: { site: string | null; host: string | null; reason: string };
  /** Fields of RuleChange that explain the move, or ["knock-on"]. */
  causes: string[];
};

export type ScenarioDiff = { changes: RuleChange[]; moves: ServerMove[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function ruleChanges(estate: Pick<Estate, 'defaultRules'>, a: Scenario, b: Scenario): RuleChange[] {
  const out: RuleChange[] = [];
  const ra = effectiveRules(estate, a);
  const rb = effectiveRules(estate, b);
  for (const k of Object.keys(ra) as (keyof typeof ra)[]) {
    if (k === 'headroomPct') {
      for (const d of Object.keys(ra.headroomPct) as (keyof typeof ra.headroomPct)[]) {
        if (ra.headroomPct[d] !== rb.headroomPct[d]) out.push({ field: `rules.headroomPct.${d}`, before: ra.headroomPct[d], after: rb.headroomPct[d] });
      }
    } else if (!same(ra[k], rb[k])) out.push({ field: `rules.${k}`, before: ra[k], after: rb[k] });
  }
  const sorted = (x: readonly string[]) => [...x].sort();
  if (!same(sorted(a.keptDataCentreIds), sorted(b.keptDataCentreIds))) out.push({ field: 'keptDataCentreIds', before: a.keptDataCentreIds, after: b.keptDataCentreIds });
  if (a.defaultHostModelId !== b.defaultHostModelId) out.push({ field: 'defaultHostModelId', before: a.defaultHostModelId, after: b.defaultHostModelId });
  if (!same(a.hostModelByDataCentre, b.hostModelByDataCentre)) out.push({ field: 'hostModelByDataCentre', before: a.hostModelByDataCentre, after: b.hostModelByDataCentre });
  if (!same(sorted(a.licenceModelIds), sorted(b.licenceModelIds))) out.push({ field: 'licenceModelIds', before: a.licenceModelIds, after: b.licenceModelIds });
  if (!same(a.pins, b.pins)) out.push({ field: 'pins', before: a.pins, after: b.pins });
  if (a.seed !== b.seed) out.push({ field: 'seed', before: a.seed, after: b.seed });
  return out;
}

const REPACK_FIELDS = /^(rules\.|defaultHostModelId|hostModelByDataCentre|licenceModelIds|seed)/;

export function diffPlans(estate: Pick<Estate, 'defaultRules'>, planA: Plan, planB: Plan, scenarioA: Scenario, scenarioB: Scenario): ScenarioDiff {
  const changes = ruleChanges(estate, scenarioA, scenarioB);
  const changed = new Set(changes.map((c) => c.field));
  const keptA = new Set(scenarioA.keptDataCentreIds);
  const keptB = new Set(scenarioB.keptDataCentreIds);
  const pinA = new Map(scenarioA.pins.map((p) => [p.serverId, p]));
  const pinB = new Map(scenarioB.pins.map((p) => [p.serverId, p]));
  const inB = new Map(planB.assignments.map((x) => [x.serverId, x]));
  const moves: ServerMove[] = [];
  for (const x of planA.assignments) {
    const y = inB.get(x.serverId);
    if (!y) continue;
    const siteMoved = x.targetDataCentreId !== y.targetDataCentreId;
    if (!siteMoved && x.hostLabel === y.hostLabel) continue;
    const causes: string[] = [];
    if (!same(pinA.get(x.serverId), pinB.get(x.serverId))) causes.push('pins');
    if (siteMoved) {
      const fromClosed = x.targetDataCentreId !== null && keptA.has(x.targetDataCentreId) && !keptB.has(x.targetDataCentreId);
      const toOpened = y.targetDataCentreId !== null && keptB.has(y.targetDataCentreId) && !keptA.has(y.targetDataCentreId);
      if ((fromClosed || toOpened) && changed.has('keptDataCentreIds')) causes.push('keptDataCentreIds');
      if (changed.has('hostModelByDataCentre') && causes.length === 0) causes.push('hostModelByDataCentre');
    } else {
      for (const c of changes) if (REPACK_FIELDS.test(c.field)) causes.push(c.field);
    }
    moves.push({
      serverId: x.serverId,
      from: { site: x.targetDataCentreId, host: x.hostLabel, reason: x.reason },
      to: { site: y.targetDataCentreId, host: y.hostLabel, reason: y.reason },
      causes: causes.length > 0 ? [...new Set(causes)] : ['knock-on'],
    });
  }
  return { changes, moves };
}
