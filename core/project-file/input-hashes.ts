/**
 * What a plan ran on, as three SHA-256 hashes, so a saved plan can say which part changed since:
 *   estate    "cwb-estate/1\n"   + canonical JSON of the estate without its `scenarios`
 *   series    "cwb-series/1\n"   + canonical JSON of { startUtc, hours, serverIds } + "\n" + each metric's
 *                                  SHA-256 (METRICS order, hex, one a line) over its little-endian float32 bytes
 *   scenario  "cwb-scenario/1\n" + canonical JSON of the scenario (its seed, rules, pins, kept sites...)
 * The series is hashed metric by metric so a caller can hash each metric's bytes in place (no copy), with
 * core's SHA-256 or a platform's. Canonical JSON is core/report/hash.ts's (sorted keys, no spaces).
 */
import type { Estate, Scenario } from '../model/schema.ts';
import { METRICS, type SeriesSet } from '../model/series.ts';
import { canonicalJson, float32LeBytes } from '../report/hash.ts';
import { sha256Hex } from '../util/sha256.ts';
import { encodeUtf8 } from '../util/utf8.ts';
import type { Project } from '../model/project.ts';

export type InputHashes = { estate: string; series: string; scenario: string };
export const INPUT_PARTS = ['estate', 'series', 'scenario'] as const;
export type InputPart = (typeof INPUT_PARTS)[number];

/** The hashes of a project as a whole: estate, series and each scenario by id. */
export type ProjectHashes = { estate: string; series: string; scenarios: Record<string, string> };

export function estateHash(estate: Estate): string {
  const { scenarios: _scenarios, ...rest } = estate;
  return sha256Hex(encodeUtf8(`cwb-estate/1\n${canonicalJson(rest)}`));
}

export function seriesHash(series: SeriesSet): string {
  const metrics = METRICS.map((m) => sha256Hex(float32LeBytes(series[m])));
  const index = canonicalJson({ startUtc: series.startUtc, hours: series.hours, serverIds: series.serverIds });
  return sha256Hex(encodeUtf8(`cwb-series/1\n${index}\n${metrics.join('\n')}`));
}

export function scenarioHash(scenario: Scenario): string {
  return sha256Hex(encodeUtf8(`cwb-scenario/1\n${canonicalJson(scenario)}`));
}

export function projectHashes(project: Project): ProjectHashes {
  const scenarios: Record<string, string> = {};
  for (const s of project.estate.scenarios) scenarios[s.id] = scenarioHash(s);
  return { estate: estateHash(project.estate), series: seriesHash(project.series), scenarios };
}

/** A scenario's plan inputs within a project's hashes; null when the project has no such scenario. */
export function inputsOf(hashes: ProjectHashes, scenarioId: string): InputHashes | null {
  const scenario = hashes.scenarios[scenarioId];
  return scenario === undefined ? null : { estate: hashes.estate, series: hashes.series, scenario };
}

/** The parts whose hash differs (a scenario that no longer exists counts as changed). */
export function changedParts(ran: InputHashes, now: ProjectHashes, scenarioId: string): InputPart[] {
  const current = { estate: now.estate, series: now.series, scenario: now.scenarios[scenarioId] ?? null };
  return INPUT_PARTS.filter((p) => current[p] !== ran[p]);
}

/** "the estate and the scenario": the changed parts in words. */
export function describeChanges(parts: readonly InputPart[]): string {
  const words = parts.map((p) => (p === 'series' ? 'the utilisation series' : `the ${p}`));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
