/**
 * Scenario edits as undoable patches through the store's applyEdit (which marks the project unsaved).
 * Pure helpers build the next scenario; `editScenario` turns it into a patch and applies it.
 */
import type { Estate, Scenario, SizingRules } from '../../../core/model/schema.ts';
import { diffEntity } from '../../store/edits.ts';
import type { WorkbenchStore } from '../../store/store.ts';

export function editScenario(store: WorkbenchStore, scenario: Scenario, next: Partial<Scenario>, label: string): void {
  const patch = diffEntity('scenarios', scenario, next);
  if (patch) store.getState().applyEdit(label, [patch]);
}

/** Keep the site if it is not kept, else stop keeping it (and drop its host model override). */
export function toggleKept(scenario: Scenario, dcId: string): Partial<Scenario> {
  if (!scenario.keptDataCentreIds.includes(dcId)) return { keptDataCentreIds: [...scenario.keptDataCentreIds, dcId] };
  const hostModelByDataCentre = Object.fromEntries(Object.entries(scenario.hostModelByDataCentre).filter(([k]) => k !== dcId));
  return { keptDataCentreIds: scenario.keptDataCentreIds.filter((id) => id !== dcId), hostModelByDataCentre };
}

/** The host model of one site: the default model removes the override. */
export function setSiteHostModel(scenario: Scenario, dcId: string, hostModelId: string): Partial<Scenario> {
  const rest = Object.fromEntries(Object.entries(scenario.hostModelByDataCentre).filter(([k]) => k !== dcId));
  return { hostModelByDataCentre: hostModelId === scenario.defaultHostModelId ? rest : { ...rest, [dcId]: hostModelId } };
}

/** Put a licence model in force in the scenario, or take it out. */
export function toggleLicenceModel(scenario: Scenario, licenceModelId: string): Partial<Scenario> {
  const ids = scenario.licenceModelIds;
  return { licenceModelIds: ids.includes(licenceModelId) ? ids.filter((id) => id !== licenceModelId) : [...ids, licenceModelId] };
}

/** The scenario's new name, trimmed; null when it is empty or unchanged (nothing to edit). */
export function renameScenario(scenario: Scenario, name: string): Partial<Scenario> | null {
  const next = name.trim();
  return next === '' || next === scenario.name ? null : { name: next };
}

type RuleKey = Exclude<keyof SizingRules, 'headroomPct'>;

/** One rule overridden in the scenario. */
export function setRule<K extends RuleKey>(scenario: Scenario, key: K, value: SizingRules[K]): Partial<Scenario> {
  return { rules: { ...scenario.rules, [key]: value } };
}

export function setHeadroom(scenario: Scenario, dim: keyof SizingRules['headroomPct'], pct: number): Partial<Scenario> {
  return { rules: { ...scenario.rules, headroomPct: { ...scenario.rules.headroomPct, [dim]: pct } } };
}

/** A copy of the scenario under a fresh id and name. */
export function duplicateOf(estate: Pick<Estate, 'scenarios'>, scenario: Scenario): Scenario {
  const ids = new Set(estate.scenarios.map((s) => s.id));
  const names = new Set(estate.scenarios.map((s) => s.name));
  let n = 1;
  const suffix = () => (n === 1 ? '' : ` ${n}`);
  while (ids.has(`${scenario.id}-copy${n === 1 ? '' : `-${n}`}`) || names.has(`${scenario.name} (copy${suffix()})`)) n++;
  return { ...structuredClone(scenario), id: `${scenario.id}-copy${n === 1 ? '' : `-${n}`}`, name: `${scenario.name} (copy${suffix()})` };
}

export function duplicateScenario(store: WorkbenchStore, scenario: Scenario): string | null {
  const estate = store.getState().project?.estate;
  if (!estate) return null;
  const copy = duplicateOf(estate, scenario);
  store.getState().applyEdit(`Duplicate ${scenario.name}`, [{ collection: 'scenarios', id: copy.id, insert: copy }]);
  store.getState().selectScenario(copy.id);
  return copy.id;
}
