/**
 * What a save keeps of the plans (renderer side of core/project-file/saved-plans.ts): the latest plan of every
 * scenario that still exists, except one whose run is still searching (its plan is interim), and every
 * snapshot, each with the hashes of what it ran on. Hashes are cached per object (estate, series, scenario), so
 * a save after a scenario edit re-hashes the estate's JSON but not the series; an opened file seeds the cache
 * with the hashes it recorded, so saving an opened project again hashes nothing.
 */
import type { Project } from '../../core/model/project.ts';
import type { Estate, Scenario } from '../../core/model/schema.ts';
import type { SeriesSet } from '../../core/model/series.ts';
import { estateHash, scenarioHash, seriesHash, type InputHashes, type ProjectHashes } from '../../core/project-file/input-hashes.ts';
import { MAX_SAVED_PLANS, type SavedPlan } from '../../core/project-file/saved-plans.ts';
import type { PlansToSave } from '../../core/project-file/codec.ts';
import type { WorkbenchState } from '../store/types.ts';
import type { PlanOrigin } from '../store/kept-plans.ts';

const estates = new WeakMap<Estate, string>();
const series = new WeakMap<SeriesSet, string>();
const scenarios = new WeakMap<Scenario, string>();

function cached<K extends object>(map: WeakMap<K, string>, key: K, hash: (k: K) => string): string {
  let h = map.get(key);
  if (h === undefined) {
    h = hash(key);
    map.set(key, h);
  }
  return h;
}

/** A project's hashes, from the cache where its parts were hashed before. */
export function hashesOf(project: Project): ProjectHashes {
  const byScenario: Record<string, string> = {};
  for (const s of project.estate.scenarios) byScenario[s.id] = cached(scenarios, s, scenarioHash);
  return { estate: cached(estates, project.estate, estateHash), series: cached(series, project.series, seriesHash), scenarios: byScenario };
}

/** The hashes an opened file recorded are those of the project it decoded to: no need to hash it again. */
export function seedHashes(project: Project, hashes: ProjectHashes | null): void {
  if (hashes === null) return;
  estates.set(project.estate, hashes.estate);
  series.set(project.series, hashes.series);
  for (const s of project.estate.scenarios) {
    const h = hashes.scenarios[s.id];
    if (h !== undefined) scenarios.set(s, h);
  }
}

function inputsFor(input: Project | null | undefined, origin: PlanOrigin | null | undefined, scenarioId: string): InputHashes | null {
  if (origin) return origin.inputs;
  if (!input) return null;
  const h = hashesOf(input);
  const scenario = h.scenarios[scenarioId];
  return scenario === undefined ? null : { estate: h.estate, series: h.series, scenario };
}

/** The plans a save of this state keeps (undefined: none). */
export function plansToSave(s: WorkbenchState): PlansToSave | undefined {
  if (!s.project) return undefined;
  const saved: SavedPlan[] = [];
  const running = s.engineJob.status === 'running' ? s.engineJob.scenarioId : null;
  for (const sc of s.project.estate.scenarios) {
    const plan = s.plans[sc.id];
    if (!plan || sc.id === running) continue;
    const inputs = inputsFor(s.planInputs[sc.id], s.planOrigins[sc.id], sc.id);
    if (inputs) saved.push({ id: `latest:${sc.id}`, scenarioId: sc.id, name: null, plan, inputs });
  }
  for (const snap of s.snapshots) {
    const inputs = inputsFor(snap.input, snap.origin, snap.scenarioId);
    if (inputs) saved.push({ id: snap.id, scenarioId: snap.scenarioId, name: snap.name, plan: snap.plan, inputs });
  }
  if (saved.length === 0) return undefined;
  return { saved: saved.slice(0, MAX_SAVED_PLANS), hashes: hashesOf(s.project) };
}
