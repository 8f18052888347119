/**
 * File > New: the smallest valid project. No sites or servers yet, the default sizing rules, one generic host
 * model and one baseline scenario that refers to it, and an empty one-week series.
 */
import { DEFAULT_HOST_MODEL, emptyEstate } from '../../core/model/defaults.ts';
import type { Estate, Scenario } from '../../core/model/schema.ts';
import { emptySeries } from '../../core/model/series.ts';
import type { Project } from '../../core/model/project.ts';

/** Sunday 00:00 UTC of the week holding `now` (series weeks start on Sunday, like the 168-hour fold). */
export function weekStartUtc(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.toISOString().replace('.000Z', 'Z');
}

export function newProject(now: Date): Project {
  const scenario: Scenario = {
    id: 'scenario-baseline',
    name: 'Baseline',
    description: '',
    keptDataCentreIds: [],
    defaultHostModelId: DEFAULT_HOST_MODEL.id,
    hostModelByDataCentre: {},
    rules: {},
    licenceModelIds: [],
    pins: [],
    seed: 1,
  };
  const estate: Estate = { ...emptyEstate('Untitled'), scenarios: [scenario] };
  return { estate, series: emptySeries(weekStartUtc(now), 168, []) };
}
