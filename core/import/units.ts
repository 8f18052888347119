/** Size units of a column: from its header when it names one, else guessed from the magnitudes. */
import { TO_GIB, unitOfHeader, type SizeUnit } from './columns.ts';

export type UnitDecision = { unit: SizeUnit; factor: number; guessed: boolean; note: string | null };

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Memory: a header without a unit whose median is 1024 or more is read as MB (MiB); else GB.
 * Storage: a median of 100,000 or more is read as MB; else GB.
 */
export function decideSizeUnit(what: 'memory' | 'storage', header: string, values: readonly number[]): UnitDecision {
  const named = unitOfHeader(header);
  if (named !== null) return { unit: named, factor: TO_GIB[named], guessed: false, note: named === 'GiB' ? null : `${what} column "${header}" is in ${named}: converted to GiB` };
  const m = median(values);
  const threshold = what === 'memory' ? 1024 : 100_000;
  if (m >= threshold) return { unit: 'MiB', factor: TO_GIB.MiB, guessed: true, note: `${what} column "${header}" names no unit; values (median ${m}) look like MB: converted to GiB` };
  return { unit: 'GiB', factor: 1, guessed: true, note: values.length > 0 ? `${what} column "${header}" names no unit; values (median ${m}) look like GB: read as GiB` : null };
}
