/**
 * Edits of the estate as small patch objects with their inverse (Actual Budget's undoable handlers, reduced to
 * data): each patch names a collection, an entity id and the fields before and after, or an entity inserted or
 * removed (with its position, so undo puts it back where it was), or the estate's own settings (name, client,
 * currency, horizon). Undo applies `before`, redo applies `after`. Applying patches copies only the arrays they
 * touch, once per edit however many patches it holds (a reassignment of 10,000 servers is one copy); the other
 * collections (and the series) keep their identity, so memoised views of them stay valid. An import replaces
 * the whole project in one step (`replace`), keeping both projects for undo and redo.
 */
import type { Estate } from '../../core/model/schema.ts';
import type { Project } from '../../core/model/project.ts';

/** Estate collections whose entities the workbench edits in place. */
export type EditableCollection =
  | 'servers'
  | 'dataCentres'
  | 'userSites'
  | 'wanLinks'
  | 'departments'
  | 'applications'
  | 'zones'
  | 'products'
  | 'hostModels'
  | 'licenceModels'
  | 'flows'
  | 'scenarios';
export type EntityOf<C extends EditableCollection> = Estate[C][number];

/** The estate's own fields the settings editor changes. */
export type EstateSettings = Pick<Estate, 'name' | 'client' | 'description' | 'currency' | 'horizonMonths'>;
export type EstatePatch = { collection: 'estate'; before: Partial<EstateSettings>; after: Partial<EstateSettings> };

export type FieldPatch = {
  [C in EditableCollection]: { collection: C; id: string; before: Partial<EntityOf<C>>; after: Partial<EntityOf<C>> };
}[EditableCollection];
/** A new entity: appended when applied, removed again on undo. */
export type InsertPatch = {
  [C in EditableCollection]: { collection: C; id: string; insert: EntityOf<C> };
}[EditableCollection];
/** An entity deleted: removed when applied, put back at `index` on undo. */
export type RemovePatch = {
  [C in EditableCollection]: { collection: C; id: string; remove: EntityOf<C>; index: number };
}[EditableCollection];
export type EntityPatch = FieldPatch | InsertPatch | RemovePatch | EstatePatch;

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
  const d = diffFields(current, next);
  if (d === null) return null;
  const patch = { collection, id: current.id, ...d };
  return patch as Extract<FieldPatch, { collection: C }>; // the keys come from EntityOf<C>
}

/** The estate settings in `next` that differ from the estate's, as a patch, or null. */
export function diffEstate(estate: Estate, next: Partial<EstateSettings>): EstatePatch | null {
  const d = diffFields(estate, next);
  return d === null ? null : { collection: 'estate', before: d.before, after: d.after };
}

function diffFields(current: object, next: object): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const cur: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(next)) {
    if (key === 'id') continue;
    if (!sameValue(cur[key], value)) {
      before[key] = cur[key];
      after[key] = value;
    }
  }
  return Object.keys(after).length === 0 ? null : { before, after };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

type Entity = { id: string };
/** A collection being edited: a private copy of its array and (lazily) the position of each id in it. */
type Working = { list: Entity[]; at: Map<string, number> | null };

function positions(w: Working): Map<string, number> {
  if (w.at === null) {
    w.at = new Map();
    w.list.forEach((e, i) => w.at!.set(e.id, i));
  }
  return w.at;
}

/** Apply one side of each patch (after = do / redo, before = undo) and return the new project. */
export function applyPatches(project: Project, patches: readonly EntityPatch[], side: 'before' | 'after'): Project {
  const work = new Map<EditableCollection, Working>();
  const working = (c: EditableCollection): Working => {
    let w = work.get(c);
    if (!w) {
      w = { list: (project.estate[c] as readonly Entity[]).slice(), at: null };
      work.set(c, w);
    }
    return w;
  };
  let settings: Partial<EstateSettings> | null = null;
  const ordered = side === 'after' ? patches : [...patches].reverse();
  for (const p of ordered) {
    if (p.collection === 'estate') {
      settings = { ...(settings ?? {}), ...p[side] };
      continue;
    }
    const w = working(p.collection);
    const at = positions(w);
    const index = at.get(p.id);
    if ('insert' in p || 'remove' in p) {
      const adds = 'insert' in p ? side === 'after' : side === 'before';
      if (adds) {
        if (index !== undefined) throw new Error(`an entity with id ${p.id} exists already`);
        const entity = 'insert' in p ? p.insert : p.remove;
        if ('remove' in p && p.index <= w.list.length) w.list.splice(p.index, 0, entity);
        else w.list.push(entity);
      } else {
        if (index === undefined) throw new Error(`no entity with id ${p.id}`);
        w.list.splice(index, 1);
      }
      w.at = null;
      continue;
    }
    if (index === undefined) throw new Error(`no entity with id ${p.id}`);
    w.list[index] = { ...w.list[index], ...p[side] };
  }
  const estate: Record<string, unknown> = { ...project.estate, ...settings };
  for (const [c, w] of work) estate[c] = w.list;
  return { ...project, estate: estate as Estate }; // each collection holds the entities of its own kind
}
