/**
 * Plans kept in a .cwb (format 3): `plans.json` lists them and each plan is one entry `plans/<n>.plan` in the
 * canonical plan encoding (plan-codec.ts), stored, named by its SHA-256.
 *
 * plans.json = {
 *   project: { hashes: { estate, series, scenarios: { <id>: hash } },    the project as saved (input-hashes.ts)
 *              crc: { "estate.json": n, "series.json": n, "series.bin": n } }  those entries' zip checksums
 *   plans: [ { id, scenarioId, name, planHash, inputs: { estate, series, scenario }, entry } ]
 * }
 * `name` null is the scenario's latest plan; a string is a snapshot the user pinned. `inputs` are the hashes of
 * what the plan ran on. On open, when the three entries' checksums are the ones recorded, the recorded project
 * hashes are the open project's and nothing is re-hashed; otherwise (a file changed outside the app) the
 * project is hashed again. A plan whose inputs differ from the open project's is stale and names the parts.
 * A saved plan that cannot be read is dropped with a warning; the project still opens.
 */
import { z } from 'zod';
import type { Plan } from '../engine/plan.ts';
import type { Project } from '../model/project.ts';
import { zodProblems } from '../model/validate.ts';
import { encodeUtf8 } from '../util/utf8.ts';
import { changedParts, projectHashes, type InputHashes, type InputPart, type ProjectHashes } from './input-hashes.ts';
import { parseJsonEntry } from './json.ts';
import type { Limits } from './limits.ts';
import { decodePlan, encodePlan, planHash } from './plan-codec.ts';
import { extractEntry, type ZipEntry } from './zip-read.ts';
import { prepareEntry, type Prepared } from './zip-write.ts';

export const PLANS_INDEX = 'plans.json';
/** Plans a project keeps at most (each is a zip entry; the reader accepts 64 entries). */
export const MAX_SAVED_PLANS = 48;
/** Entries whose checksums tell whether the recorded project hashes still hold. */
export const HASHED_ENTRIES = ['estate.json', 'series.json', 'series.bin'] as const;

/** A plan to keep: the scenario's latest (name null) or a named snapshot, with the hashes of what it ran on. */
export type SavedPlan = { id: string; scenarioId: string; name: string | null; plan: Plan; inputs: InputHashes };
/** A kept plan as opened: its hash and which of its inputs differ from the open project's (empty: current). */
export type OpenedPlan = SavedPlan & { planHash: string; changed: InputPart[] };
export type OpenedPlans = { plans: OpenedPlan[]; hashes: ProjectHashes | null; warnings: string[] };
export const NO_OPENED_PLANS: OpenedPlans = { plans: [], hashes: null, warnings: [] };

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');
const Inputs = z.object({ estate: Hash, series: Hash, scenario: Hash });
const PlansIndex = z.object({
  project: z.object({
    hashes: z.object({ estate: Hash, series: Hash, scenarios: z.record(z.string().max(512), Hash) }),
    crc: z.object({ 'estate.json': z.number().int(), 'series.json': z.number().int(), 'series.bin': z.number().int() }),
  }),
  plans: z
    .array(
      z.object({
        id: z.string().min(1).max(200),
        scenarioId: z.string().min(1).max(512),
        name: z.string().max(200).nullable(),
        planHash: Hash,
        inputs: Inputs,
        entry: z.string().regex(/^plans\/\d{1,4}\.plan$/, 'must be plans/<n>.plan'),
      }),
    )
    .max(MAX_SAVED_PLANS),
});

/**
 * The zip entries of the kept plans: plans.json, then plans/1.plan, plans/2.plan ... in the given order.
 * `hashed` are the prepared estate.json, series.json and series.bin entries (their checksums are recorded).
 */
export function savedPlanEntries(plans: readonly SavedPlan[], hashes: ProjectHashes, hashed: ReadonlyMap<string, Prepared>): Prepared[] {
  if (plans.length > MAX_SAVED_PLANS) throw new RangeError(`a project keeps at most ${MAX_SAVED_PLANS} plans; ${plans.length} were given`);
  const crc = Object.fromEntries(HASHED_ENTRIES.map((n) => [n, hashed.get(n)?.crc ?? 0]));
  const entries: Prepared[] = [];
  const list = plans.map((p, i) => {
    const bytes = encodePlan(p.plan);
    const entry = `plans/${i + 1}.plan`;
    entries.push(prepareEntry({ name: entry, parts: [bytes], level: 0 }));
    return { id: p.id, scenarioId: p.scenarioId, name: p.name, planHash: planHash(bytes), inputs: p.inputs, entry };
  });
  const index = { project: { hashes, crc }, plans: list };
  return [prepareEntry({ name: PLANS_INDEX, parts: [encodeUtf8(`${JSON.stringify(index, null, 1)}\n`)], level: 6 }), ...entries];
}

/** The kept plans of a format 3 file whose project has been decoded and validated. */
export function readSavedPlans(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, project: Project, limits: Limits): OpenedPlans {
  const indexEntry = entries.get(PLANS_INDEX);
  if (!indexEntry) return NO_OPENED_PLANS;
  const warnings: string[] = [];
  const dropAll = (why: string): OpenedPlans => ({ plans: [], hashes: null, warnings: [`The saved plans were not opened: ${why}`] });
  if (indexEntry.size > limits.maxJsonBytes) return dropAll(`${PLANS_INDEX} is larger than ${limits.maxJsonBytes} bytes.`);
  const data = extractEntry(bytes, indexEntry);
  if (!data.ok) return dropAll(data.error.message);
  const json = parseJsonEntry(PLANS_INDEX, data.data, limits.maxJsonBytes);
  if (!json.ok) return dropAll(json.error.message);
  const parsed = PlansIndex.safeParse(json.value);
  if (!parsed.success) {
    const p = zodProblems(parsed.error, json.value, ['plans'])[0];
    return dropAll(`${PLANS_INDEX} is not valid (${p.path}: ${p.message}).`);
  }
  const index = parsed.data;
  const same = HASHED_ENTRIES.every((n) => entries.get(n)?.crc === index.project.crc[n]);
  const hashes = same ? index.project.hashes : projectHashes(project);
  const plans: OpenedPlan[] = [];
  for (const item of index.plans) {
    const what = `The saved plan "${item.name ?? 'latest'}" of scenario ${item.scenarioId} (${item.entry})`;
    const entry = entries.get(item.entry);
    if (!entry) {
      warnings.push(`${what} is missing from the file.`);
      continue;
    }
    const raw = extractEntry(bytes, entry);
    if (!raw.ok) {
      warnings.push(`${what}: ${raw.error.message}`);
      continue;
    }
    if (planHash(raw.data) !== item.planHash) {
      warnings.push(`${what} does not match its recorded hash; it was changed outside the app.`);
      continue;
    }
    const decoded = decodePlan(raw.data, what);
    if (!decoded.ok) {
      warnings.push(decoded.message);
      continue;
    }
    if (decoded.plan.scenarioId !== item.scenarioId) {
      warnings.push(`${what} holds a plan of scenario ${decoded.plan.scenarioId}.`);
      continue;
    }
    plans.push({ id: item.id, scenarioId: item.scenarioId, name: item.name, plan: decoded.plan, inputs: item.inputs, planHash: item.planHash, changed: changedParts(item.inputs, hashes, item.scenarioId) });
  }
  return { plans, hashes, warnings };
}
