/**
 * Plans kept with the project (saved in the .cwb, format 3): the latest plan per scenario (the jobs slice's
 * `plans`) and named snapshots the user pins. A plan is not an edit: keeping one never enters the undo stack,
 * but it makes the project dirty (the plan is not on disk yet) through `plansRevision`, which a save records.
 *
 * What a plan ran on: `planInputs` holds the Project object (runs of this session and plans opened with the
 * file alike); a plan opened from a file also carries the hashes it ran on and the parts that had already
 * changed when it was saved (`PlanOrigin`). A plan is stale when either says so; `planChanges` names the parts:
 * those recorded at open plus those whose objects differ between the plan's input and the open project (edits
 * replace only the objects they touch, so identity tells which part an edit changed).
 */
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { describeChanges, INPUT_PARTS, type InputHashes, type InputPart } from '../../core/project-file/input-hashes.ts';
import type { OpenedPlans } from '../../core/project-file/saved-plans.ts';

/** A plan opened from the file: the hashes it ran on and the parts changed since (empty: current). */
export type PlanOrigin = { inputs: InputHashes; changedAtOpen: readonly InputPart[] };
export type PlanOrigins = Readonly<Record<string, PlanOrigin>>;
export const NO_PLAN_ORIGINS: PlanOrigins = {};

/** A plan the user pinned under a name; it stays as it is while the scenario is run again. */
export type Snapshot = {
  id: string;
  name: string;
  scenarioId: string;
  plan: Plan;
  /** The Project object it ran on (for an opened snapshot: the project as opened). */
  input: Project | null;
  origin: PlanOrigin | null;
};
export const NO_SNAPSHOTS: readonly Snapshot[] = [];

/** The parts of `input` whose objects are not the open project's (estate without scenarios, series, scenario). */
export function partsReplaced(input: Project | null, project: Project | null, scenarioId: string): InputPart[] {
  if (input === null || project === null) return [...INPUT_PARTS];
  if (input === project) return [];
  const out: InputPart[] = [];
  const a = input.estate as Record<string, unknown>;
  const b = project.estate as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('scenarios');
  if ([...keys].some((k) => a[k] !== b[k])) out.push('estate');
  if (input.series !== project.series) out.push('series');
  const sa = input.estate.scenarios.find((s) => s.id === scenarioId);
  const sb = project.estate.scenarios.find((s) => s.id === scenarioId);
  if (sa !== sb || sb === undefined) out.push('scenario');
  return out;
}

/** The changed parts of a plan's inputs, in INPUT_PARTS order (empty: the plan is current). */
export function planChanges(input: Project | null | undefined, origin: PlanOrigin | null | undefined, project: Project | null, scenarioId: string): InputPart[] {
  if (input === undefined) return [];
  const now = new Set<InputPart>(partsReplaced(input, project, scenarioId));
  for (const p of origin?.changedAtOpen ?? []) now.add(p);
  return INPUT_PARTS.filter((p) => now.has(p));
}

/** "The estate and the scenario changed since this plan was computed: run the plan again." */
export function staleMessage(parts: readonly InputPart[]): string {
  const what = describeChanges(parts);
  const text = what.charAt(0).toUpperCase() + what.slice(1);
  return `${text} changed since this plan was computed: run the plan again.`;
}

export type RestoredPlans = { plans: Record<string, Plan>; planInputs: Record<string, Project>; planOrigins: Record<string, PlanOrigin>; snapshots: Snapshot[] };

/** The jobs state for plans opened with `project` (latest plans of scenarios that exist; every snapshot). */
export function restorePlans(project: Project, opened: OpenedPlans | undefined): RestoredPlans {
  const out: RestoredPlans = { plans: {}, planInputs: {}, planOrigins: {}, snapshots: [] };
  const scenarios = new Set(project.estate.scenarios.map((s) => s.id));
  for (const p of opened?.plans ?? []) {
    const origin: PlanOrigin = { inputs: p.inputs, changedAtOpen: p.changed };
    if (p.name === null) {
      if (!scenarios.has(p.scenarioId) || out.plans[p.scenarioId]) continue;
      out.plans[p.scenarioId] = p.plan;
      out.planInputs[p.scenarioId] = project;
      out.planOrigins[p.scenarioId] = origin;
    } else {
      out.snapshots.push({ id: p.id, name: p.name, scenarioId: p.scenarioId, plan: p.plan, input: project, origin });
    }
  }
  return out;
}
