/**
 * The report's input hash of a plan's input project, computed once per (project, scenario, settings) and
 * cached by project object. The hash reads every series byte (10,000 servers: ~37 MB, 1-2 s), so the report
 * layer computes it in slices between UI tasks (`inputHashAsync`) and shows the report once it is there;
 * `cachedInputHash` computes it in one go (tests, callers that cannot wait).
 */
import type { Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { reportInputHash, reportInputHashIter, type EngineSettings } from '../../core/report/hash.ts';

/** Input hashes by input project, then by "scenario id|seed|budget|iterations". */
const hashes = new WeakMap<Project, Map<string, string>>();
/** Hashes being computed, by the same keys (concurrent requests share one computation). */
const pending = new WeakMap<Project, Map<string, Promise<string | null>>>();

/** How many input hashes were computed (tests: a run's plans share one). */
export const hashStats = { computed: 0 };

/** The settings a plan ran with, as the engine recorded them (older plans: the UI's old 6 s run budget). */
export function settingsOf(plan: Plan): EngineSettings {
  const s = plan.search;
  return {
    seed: plan.seed,
    budgetMs: s?.budgetMs ?? 6_000,
    iterations: s?.iterations ?? null,
    ...(s?.effort !== undefined ? { effort: s.effort, foundAt: s.foundAt ?? 0 } : {}),
  };
}

const keyOf = (scenarioId: string, settings: EngineSettings) => `${scenarioId}|${settings.seed}|${settings.budgetMs}|${settings.iterations ?? ''}`;

function inputsOf(input: Project, scenarioId: string, settings: EngineSettings) {
  const scenario = input.estate.scenarios.find((s) => s.id === scenarioId);
  return scenario ? { estate: input.estate, series: input.series, scenario, settings } : null;
}

function remember(input: Project, key: string, hash: string): void {
  let byKey = hashes.get(input);
  if (!byKey) hashes.set(input, (byKey = new Map()));
  byKey.set(key, hash);
  hashStats.computed++;
}

/** The hash when it is already known, else null (nothing is computed). */
export function peekInputHash(input: Project, scenarioId: string, settings: EngineSettings): string | null {
  return hashes.get(input)?.get(keyOf(scenarioId, settings)) ?? null;
}

/** The hash, computed now in one go if it is not known yet; null when the project has no such scenario. */
export function cachedInputHash(input: Project, scenarioId: string, settings: EngineSettings): string | null {
  const known = peekInputHash(input, scenarioId, settings);
  if (known !== null) return known;
  const inputs = inputsOf(input, scenarioId, settings);
  if (!inputs) return null;
  const hash = reportInputHash(inputs);
  remember(input, keyOf(scenarioId, settings), hash);
  return hash;
}

/** Milliseconds of hashing per UI task before giving the event loop a turn. */
const SLICE_MS = 16;

/**
 * The hash computed in slices of about `sliceMs` between macrotasks (0: one step of the hash per task), so
 * input and painting go on meanwhile; null when the project has no such scenario. One computation per key
 * however many ask.
 */
export function inputHashAsync(input: Project, scenarioId: string, settings: EngineSettings, sliceMs = SLICE_MS): Promise<string | null> {
  const key = keyOf(scenarioId, settings);
  const known = peekInputHash(input, scenarioId, settings);
  if (known !== null) return Promise.resolve(known);
  let byKey = pending.get(input);
  if (!byKey) pending.set(input, (byKey = new Map()));
  const running = byKey.get(key);
  if (running) return running;
  const inputs = inputsOf(input, scenarioId, settings);
  if (!inputs) return Promise.resolve(null);
  const gen = reportInputHashIter(inputs);
  // slices on timers, so input, painting and other timers run between them (a MessageChannel chain would
  // starve timers in Node and is no kinder to painting); nested timers clamp to ~4 ms, a fifth of a slice
  const done = new Promise<string | null>((resolve, reject) => {
    const step = () => {
      try {
        const until = performance.now() + sliceMs;
        for (;;) {
          const r = gen.next();
          if (r.done) {
            remember(input, key, r.value);
            resolve(r.value);
            return;
          }
          if (performance.now() >= until) break;
        }
        setTimeout(step, 0);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    setTimeout(step, 0);
  }).finally(() => byKey.delete(key));
  byKey.set(key, done);
  return done;
}
