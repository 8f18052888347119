/**
 * Edits of the estate as small patch objects with their inverse (Actual Budget's undoable handlers, reduced to
 * data): each patch names a collection, an entity id and the fields before and after. Undo applies `before`,
 * redo applies `after`. Applying a patch copies only the changed entity and the array that holds it; the
 * other entities (and the series) keep their identity, so memoised views of them stay valid. An import
 * replaces the whole project in one step (`replace`), keeping both projects for undo and redo.
 */
import type { Estate } from '../../core/model/schema.ts';
import type { Project } from '../../core/model/project.ts';

/** Estate collections whose entities the workbench edits in place. */
export type EditableCollection = 'servers' | 'dataCentres' | 'applications' | 'wanLinks' | 'scenarios';
export type EntityOf<C extends EditableCollection> = Estate[C][number];

export type FieldPatch = {
  [C in EditableCollection]: { collection: C; id: string; before: Partial<EntityOf<C>>; after: Partial<EntityOf<C>> };
}[EditableCollection];
/** A new entity: appended when applied, removed again on undo. */
export type InsertPatch = {
  [C in EditableCollection]: { collection: C; id: string; insert: EntityOf<C> };
}[EditableCollection];
export type EntityPatch = FieldPatch | InsertPatch;

/** The whole project replaced (an import): undo restores `before` (the very same object), redo `after`. */
export type ProjectReplacement = { before: Project; after: Project };

/**
 * One undoable step: a label for the UI and the patches applied together, or (`replace`, with no patches) a
 * whole-project replacement.
 */
export type Edit = { seq: number; label: string; patches: readonly EntityPatch[]; replace?: ProjectReplacement };

/** The project after doing (`after`) or undoing (`before`) an edit. */
export function applyEditSide(project: Project, edit: Edit, side: 'before' | 'after'): Project {
  return edit.replace ? edit.replace[side] : applyPatches(project, edit.patches, side);
}

/** The fields of `next` that differ from `current`, with their old values: a patch, or null if nothing changed. */
export function diffEntity<C extends EditableCollection>(
  collection: C,
  current: EntityOf<C>,
  next: Partial<EntityOf<C>>,
): Extract<FieldPatch, { collection: C }> | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const cur: Record<string, unknown> = current;
  for (const [key, value] of Object.entries(next)) {
    if (key === 'id') continue;
    if (!sameValue(cur[key], value)) {
      before[key] = cur[key];
      after[key] = value;
    }
  }
  if (Object.keys(after).length === 0) return null;
  const patch = { collection, id: current.id, before, after };
  return patch as Extract<FieldPatch, { collection: C }>; // the keys come from EntityOf<C>
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function applyToCollection<T extends { id: string }>(list: readonly T[], id: string, fields: Partial<T>): T[] {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`no entity with id ${id}`);
  const out = list.slice();
  out[index] = { ...list[index], ...fields };
  return out;
}

function insertInCollection<T extends { id: string }>(list: readonly T[], entity: T, side: 'before' | 'after'): T[] {
  if (side === 'before') return list.filter((item) => item.id !== entity.id);
  if (list.some((item) => item.id === entity.id)) throw new Error(`an entity with id ${entity.id} exists already`);
  return [...list, entity];
}

/** Apply one side of each patch (after = do / redo, before = undo) and return the new project. */
export function applyPatches(project: Project, patches: readonly EntityPatch[], side: 'before' | 'after'): Project {
  let estate = project.estate;
  const ordered = side === 'after' ? patches : [...patches].reverse();
  for (const p of ordered) {
    if ('insert' in p) {
      switch (p.collection) {
        case 'servers':
          estate = { ...estate, servers: insertInCollection(estate.servers, p.insert, side) };
          break;
        case 'dataCentres':
          estate = { ...estate, dataCentres: insertInCollection(estate.dataCentres, p.insert, side) };
          break;
        case 'applications':
          estate = { ...estate, applications: insertInCollection(estate.applications, p.insert, side) };
          break;
        case 'wanLinks':
          estate = { ...estate, wanLinks: insertInCollection(estate.wanLinks, p.insert, side) };
          break;
        case 'scenarios':
          estate = { ...estate, scenarios: insertInCollection(estate.scenarios, p.insert, side) };
          break;
      }
      continue;
    }
    switch (p.collection) {
      case 'servers':
        estate = { ...estate, servers: applyToCollection(estate.servers, p.id, p[side]) };
        break;
      case 'dataCentres':
        estate = { ...estate, dataCentres: applyToCollection(estate.dataCentres, p.id, p[side]) };
        break;
      case 'applications':
        estate = { ...estate, applications: applyToCollection(estate.applications, p.id, p[side]) };
        break;
      case 'wanLinks':
        estate = { ...estate, wanLinks: applyToCollection(estate.wanLinks, p.id, p[side]) };
        break;
      case 'scenarios':
        estate = { ...estate, scenarios: applyToCollection(estate.scenarios, p.id, p[side]) };
        break;
    }
  }
  return { ...project, estate };
}
