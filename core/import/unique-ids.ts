/**
 * Unique ids for imported rows in O(1) amortised per row: a repeated id gets the smallest free suffix
 * `-2`, `-3`, ... found from a per-base counter (never rescanned from 2, so n copies of one name cost O(n),
 * not O(n^2)), and the duplicates of each id are gathered so the report lists them as one grouped issue.
 */
import type { RowRef } from './table.ts';

export class UniqueIds {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** `id` if free, else `id-k` with the smallest k >= 2 not yet used; the result is marked used. */
  claim(id: string): string {
    if (!this.used.has(id)) {
      this.used.add(id);
      return id;
    }
    let k = this.nextSuffix.get(id) ?? 2;
    while (this.used.has(`${id}-${k}`)) k++;
    this.nextSuffix.set(id, k + 1);
    const out = `${id}-${k}`;
    this.used.add(out);
    return out;
  }
}

/** Rows that share one key (a name or id): the first row and every later one, with what each became. */
export type DuplicateGroup = { key: string; first: RowRef; later: RowRef[]; renamedTo: string[] };

/** Collects duplicates per key in first-seen order; one report issue per key (see describeDuplicates). */
export class DuplicateGroups {
  private readonly groups = new Map<string, DuplicateGroup>();

  add(key: string, first: RowRef, later: RowRef, renamedTo = ''): void {
    let g = this.groups.get(key);
    if (!g) {
      g = { key, first, later: [], renamedTo: [] };
      this.groups.set(key, g);
    }
    g.later.push(later);
    if (renamedTo !== '') g.renamedTo.push(renamedTo);
  }

  list(): DuplicateGroup[] {
    return [...this.groups.values()];
  }
}

/** "web-01-2" or "web-01-2, web-01-3 ... web-01-200000 (199,999 ids)" for a report message. */
export function describeRenames(ids: readonly string[]): string {
  if (ids.length <= 3) return ids.join(', ');
  return `${ids[0]}, ${ids[1]} ... ${ids[ids.length - 1]} (${ids.length} ids)`;
}
