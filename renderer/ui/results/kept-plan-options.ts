/**
 * The plans the Results pane can show or compare: each scenario's latest plan, then the snapshots, each with a
 * label and the scenario to show it under (a snapshot's scenario renamed to the snapshot, or a stand-in when
 * the scenario was deleted since).
 */
import type { Plan } from '../../../core/engine/plan.ts';
import type { Scenario } from '../../../core/model/schema.ts';
import type { PlansByScenario } from '../../store/jobs-slice.ts';
import type { Snapshot } from '../../store/kept-plans.ts';

export type PlanOption = { key: string; label: string; scenario: Scenario; plan: Plan; snapshot: Snapshot | null };

export const snapshotKey = (id: string) => `snapshot:${id}`;

export function planOptions(scenarios: readonly Scenario[], plans: PlansByScenario, snapshots: readonly Snapshot[]): PlanOption[] {
  const out: PlanOption[] = [];
  for (const s of scenarios) {
    const plan = plans[s.id];
    if (plan) out.push({ key: s.id, label: s.name, scenario: s, plan, snapshot: null });
  }
  for (const snap of snapshots) {
    const base = scenarios.find((s) => s.id === snap.scenarioId);
    const label = `${snap.name} (snapshot)`;
    const kept = [...new Set(snap.plan.sites.map((x) => x.dataCentreId))];
    const scenario: Scenario = base
      ? { ...base, name: label }
      : { id: snap.scenarioId, name: label, description: '', keptDataCentreIds: kept, defaultHostModelId: snap.plan.sites[0]?.hostModelId ?? '', hostModelByDataCentre: {}, rules: {}, licenceModelIds: [], pins: [], seed: snap.plan.seed };
    out.push({ key: snapshotKey(snap.id), label, scenario, plan: snap.plan, snapshot: snap });
  }
  return out;
}
