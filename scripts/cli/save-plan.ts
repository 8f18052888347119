/**
 * `cwb plan ... --save`: keep the plan in the project file as the scenario's latest plan (format 3, see
 * core/project-file/saved-plans.ts), beside the plans already kept there, and say its hash. The project is
 * written back atomically with a .bak, like a save in the app.
 */
import { encodeProject } from '../../core/project-file/codec.ts';
import { encodePlan, planHash } from '../../core/project-file/plan-codec.ts';
import { inputsOf, projectHashes } from '../../core/project-file/input-hashes.ts';
import type { SavedPlan } from '../../core/project-file/saved-plans.ts';
import type { Plan } from '../../core/engine/plan.ts';
import { writeProjectFile, type ReadResult } from '../../electron/services/project-store.ts';

type Opened = Extract<ReadResult, { ok: true }>;

/** The plan's hash (SHA-256 of its canonical bytes), as `cwb plan` prints it. */
export const hashOfPlan = (plan: Plan): string => planHash(encodePlan(plan));

/** Write `plan` into the project file it was computed from; returns the plan's hash or an error message. */
export async function savePlanInProject(
  path: string,
  read: Opened,
  plan: Plan,
  meta: { appVersion: string; nowUtc: string },
): Promise<{ ok: true; hash: string } | { ok: false; message: string }> {
  const hashes = read.plans.hashes ?? projectHashes(read.project);
  const inputs = inputsOf(hashes, plan.scenarioId);
  if (!inputs) return { ok: false, message: `the project has no scenario ${plan.scenarioId}` };
  const kept: SavedPlan[] = read.plans.plans.filter((p) => !(p.name === null && p.scenarioId === plan.scenarioId));
  const latest: SavedPlan = { id: `latest:${plan.scenarioId}`, scenarioId: plan.scenarioId, name: null, plan, inputs };
  // latest plans in scenario order, then the snapshots as they were
  const order = new Map(read.project.estate.scenarios.map((s, i) => [s.id, i]));
  const latestPlans = [...kept.filter((p) => p.name === null), latest].sort((a, b) => (order.get(a.scenarioId) ?? 0) - (order.get(b.scenarioId) ?? 0));
  const saved = [...latestPlans, ...kept.filter((p) => p.name !== null)];
  const bytes = encodeProject(read.project, { ...meta, createdUtc: read.manifest.createdUtc }, { plans: { saved, hashes } });
  const written = await writeProjectFile(path, bytes, { verify: true });
  if (!written.ok) return { ok: false, message: written.error.message };
  return { ok: true, hash: hashOfPlan(plan) };
}
