/**
 * Placeholders that must not reach a client's report unnoticed: a project still called "Untitled", no client
 * named (or one called "Untitled"), a host model the plan uses whose name still says "(edit me)", a licence
 * model in force priced at 0. Each warning says what to fix and where (the estate tab and entity), so the
 * report preview can link to the editor.
 */
import type { Estate, Scenario } from '../model/schema.ts';

export type ReportWarning = {
  message: string;
  /** Where to fix it: the estate editor's tab and, for an entity, its id. */
  fix: { tab: 'settings' | 'hostModels' | 'licenceModels'; id: string | null; label: string };
};

const isPlaceholder = (s: string): boolean => {
  const t = s.trim().toLowerCase();
  return t === '' || t === 'untitled';
};

export function reportWarnings(estate: Estate, scenario: Scenario): ReportWarning[] {
  const out: ReportWarning[] = [];
  if (isPlaceholder(estate.name)) {
    out.push({ message: `The project is called "${estate.name.trim() || 'Untitled'}": the cover and the PDF title will say so.`, fix: { tab: 'settings', id: null, label: 'Name the project' } });
  }
  if (isPlaceholder(estate.client)) {
    out.push({
      message: estate.client.trim() === '' ? 'No client is named: the cover shows none.' : `The client is called "${estate.client.trim()}".`,
      fix: { tab: 'settings', id: null, label: 'Set the client' },
    });
  }
  const used = new Set([scenario.defaultHostModelId, ...scenario.keptDataCentreIds.map((d) => scenario.hostModelByDataCentre[d] ?? scenario.defaultHostModelId)]);
  for (const hm of estate.hostModels) {
    if (used.has(hm.id) && /\(edit me\)/i.test(hm.name)) {
      out.push({ message: `Host model "${hm.name}" is a placeholder: its name, prices and capacity are generic.`, fix: { tab: 'hostModels', id: hm.id, label: 'Edit the host model' } });
    }
  }
  for (const l of estate.licenceModels) {
    if (scenario.licenceModelIds.includes(l.id) && l.price === 0) {
      out.push({ message: `Licence model "${l.name}" is in force at a price of 0.`, fix: { tab: 'licenceModels', id: l.id, label: 'Set its price' } });
    }
  }
  return out;
}
