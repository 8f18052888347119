/**
 * How hard the engine searches: a named level or a custom number of work units (calls to the packer's
 * `Control.due()`), never milliseconds, so the same project, scenario, seed and effort give the same plan on
 * any machine under any load. Levels were chosen from measurements (ARCHITECTURE.md, "Effort levels").
 */
import { z } from 'zod';

export const EFFORT_LEVELS = ['quick', 'standard', 'thorough'] as const;
export const EffortLevel = z.enum(EFFORT_LEVELS);
export type EffortLevel = z.infer<typeof EffortLevel>;

/** A level, or a custom number of work units (0 = the first plan only). */
export const Effort = z.union([EffortLevel, z.number().int().min(0).max(1e9)]);
export type Effort = z.infer<typeof Effort>;

/** The effort of a scenario that does not say. */
export const DEFAULT_EFFORT: EffortLevel = 'standard';

/** Work units per level. */
export const EFFORT_UNITS: Readonly<Record<EffortLevel, number>> = { quick: 10_000, standard: 50_000, thorough: 200_000 };

export function effortUnits(effort: Effort): number {
  return typeof effort === 'number' ? effort : EFFORT_UNITS[effort];
}

/** "standard (50,000 work units)", "custom (12,345 work units)". */
export function effortText(effort: Effort): string {
  const units = effortUnits(effort).toLocaleString('en-US');
  return `${typeof effort === 'number' ? 'custom' : effort} (${units} work units)`;
}

/** Parse a level name or a whole number of work units (CLI, forms); null when it is neither. */
export function parseEffort(text: string): Effort | null {
  const t = text.trim().toLowerCase();
  const level = EFFORT_LEVELS.find((l) => l === t);
  if (level) return level;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n <= 1e9 ? n : null;
}
