/**
 * What refers to an entity, and the patches that delete it: with its references reassigned to another entity
 * of the same kind, or cleared. Clearing sets an optional reference to null or drops the id from a list;
 * things that only exist between two endpoints (a WAN link, a flow to a user site, a scenario's host model
 * for a data centre) go with it. A reference the model requires (a server's data centre or department, an
 * application's department, a licence model's product, a scenario's default host model) cannot be cleared:
 * only reassigned. Either way the estate passes the integrity check afterwards (tested).
 */
import type { Estate } from '../../core/model/schema.ts';
import type { EditableCollection, EntityPatch } from '../store/edits.ts';
import type { SpecCollection } from './entity-specs.ts';

export type Reference = {
  collection: EditableCollection;
  id: string;
  /** What refers, for the dialog: "server web-01", "scenario Main". */
  label: string;
  field: string;
  /** Clearing is impossible: the model requires this reference. */
  required: boolean;
  /** Clearing removes the referring entity itself. */
  removes: boolean;
};

export type DeleteChoice = { kind: 'reassign'; to: string } | { kind: 'clear' };

type Entity = { id: string } & Record<string, unknown>;
/** One rule: where a collection's entities refer to the target, and how to rewrite such an entity. */
type Rule = {
  from: EditableCollection;
  field: string;
  required?: boolean;
  uses: (e: Entity, id: string) => boolean;
  /** The entity's new fields with `id` replaced by `to` (null: cleared); 'remove' to delete the entity. */
  rewrite: (e: Entity, id: string, to: string | null) => Record<string, unknown> | 'remove';
};

const swapIn = (list: readonly string[], id: string, to: string | null): string[] => {
  const out: string[] = [];
  for (const x of list) {
    const y = x === id ? to : x;
    if (y !== null && !out.includes(y)) out.push(y);
  }
  return out;
};

const single = (from: EditableCollection, field: string, required = false): Rule => ({
  from,
  field,
  required,
  uses: (e, id) => e[field] === id,
  rewrite: (e, _id, to) => ({ [field]: to }),
});
const list = (from: EditableCollection, field: string): Rule => ({
  from,
  field,
  uses: (e, id) => Array.isArray(e[field]) && (e[field] as string[]).includes(id),
  rewrite: (e, id, to) => ({ [field]: swapIn(e[field] as string[], id, to) }),
});
const endpoint = (field: 'a' | 'b'): Rule => ({
  from: 'wanLinks',
  field,
  uses: (e, id) => e[field] === id,
  rewrite: (e, _id, to) => (to === null || to === e[field === 'a' ? 'b' : 'a'] ? 'remove' : { [field]: to }),
});
const flowSide = (side: 'from' | 'to'): Rule => ({
  from: 'flows',
  field: side,
  uses: (e, id) => {
    const ep = e[side] as { kind: string; id: string };
    return ep.kind === 'userSite' && ep.id === id;
  },
  rewrite: (e, _id, to) => (to === null ? 'remove' : { [side]: { kind: 'userSite', id: to } }),
});

const RULES: Record<SpecCollection, readonly Rule[]> = {
  dataCentres: [
    single('servers', 'dataCentreId', true),
    endpoint('a'),
    endpoint('b'),
    list('zones', 'allowedDataCentreIds'),
    list('scenarios', 'keptDataCentreIds'),
    {
      from: 'scenarios',
      field: 'hostModelByDataCentre',
      uses: (e, id) => Object.hasOwn(e.hostModelByDataCentre as object, id),
      rewrite: (e, id, to) => {
        const m = { ...(e.hostModelByDataCentre as Record<string, string>) };
        const model = m[id];
        delete m[id];
        if (to !== null && !(to in m)) m[to] = model;
        return { hostModelByDataCentre: m };
      },
    },
    {
      from: 'scenarios',
      field: 'pins',
      uses: (e, id) => (e.pins as { dataCentreId: string | null }[]).some((p) => p.dataCentreId === id),
      rewrite: (e, id, to) => ({
        pins: (e.pins as { dataCentreId: string | null }[]).map((p) => (p.dataCentreId === id ? { ...p, dataCentreId: to, hostLabel: null } : p)),
      }),
    },
  ],
  userSites: [endpoint('a'), endpoint('b'), flowSide('from'), flowSide('to')],
  wanLinks: [],
  departments: [single('servers', 'departmentId', true), single('applications', 'departmentId', true)],
  applications: [
    {
      from: 'servers',
      field: 'applicationId',
      uses: (e, id) => e.applicationId === id,
      // the tier goes with the application: kept when the new one has a tier of that name
      rewrite: () => ({}),
    },
  ],
  zones: [single('servers', 'zoneId')],
  products: [single('licenceModels', 'productId', true), list('servers', 'licensedProductIds')],
  hostModels: [
    single('scenarios', 'defaultHostModelId', true),
    {
      from: 'scenarios',
      field: 'hostModelByDataCentre',
      uses: (e, id) => Object.values(e.hostModelByDataCentre as Record<string, string>).includes(id),
      rewrite: (e, id, to) => {
        const m: Record<string, string> = {};
        for (const [dc, hm] of Object.entries(e.hostModelByDataCentre as Record<string, string>)) {
          if (hm !== id) m[dc] = hm;
          else if (to !== null) m[dc] = to;
        }
        return { hostModelByDataCentre: m };
      },
    },
  ],
  licenceModels: [list('scenarios', 'licenceModelIds')],
};

const describe = (collection: EditableCollection, e: Entity): string => {
  const noun: Partial<Record<EditableCollection, string>> = { servers: 'server', wanLinks: 'WAN link', flows: 'flow', scenarios: 'scenario', zones: 'zone', applications: 'application', licenceModels: 'licence model' };
  return `${noun[collection] ?? collection} ${typeof e.name === 'string' ? e.name : e.id}`;
};

/** Every reference to `id` of `collection` in the estate. */
export function findReferences(estate: Estate, collection: SpecCollection, id: string): Reference[] {
  const out: Reference[] = [];
  for (const rule of RULES[collection]) {
    const removes = rule.from === 'wanLinks' || rule.from === 'flows';
    for (const e of estate[rule.from] as readonly Entity[]) {
      if (rule.uses(e, id)) out.push({ collection: rule.from, id: e.id, label: describe(rule.from, e), field: rule.field, required: rule.required === true, removes });
    }
  }
  return out;
}

/**
 * The patches that delete `id` of `collection` and deal with its references as chosen. Throws when the choice
 * is impossible (clearing a required reference, reassigning to itself or to an id that does not exist).
 */
export function deletePatches(estate: Estate, collection: SpecCollection, id: string, choice: DeleteChoice): EntityPatch[] {
  const entities = estate[collection] as readonly Entity[];
  const index = entities.findIndex((e) => e.id === id);
  if (index < 0) throw new Error(`no ${collection} entry with id ${id}`);
  const to = choice.kind === 'reassign' ? choice.to : null;
  if (to !== null && (to === id || !entities.some((e) => e.id === to))) throw new Error(`cannot reassign to ${to}: not another entry of ${collection}`);
  const patches: EntityPatch[] = [];
  // Rewrites per referring entity, merged: one entity may refer in several fields (a scenario).
  const pending = new Map<string, { collection: EditableCollection; entity: Entity; next: Record<string, unknown> | 'remove' }>();
  for (const rule of RULES[collection]) {
    for (const e of estate[rule.from] as readonly Entity[]) {
      if (!rule.uses(e, id)) continue;
      if (to === null && rule.required) throw new Error(`${describe(rule.from, e)} needs its ${rule.field}: reassign instead of clearing`);
      const key = `${rule.from}\u0000${e.id}`;
      const prior = pending.get(key);
      if (prior?.next === 'remove') continue;
      const merged = { ...e, ...(prior?.next ?? {}) };
      let next = rule.rewrite(merged, id, to);
      if (next !== 'remove' && collection === 'applications') next = applicationRewrite(estate, merged, to);
      pending.set(key, { collection: rule.from, entity: e, next: next === 'remove' ? 'remove' : { ...(prior?.next ?? {}), ...next } });
    }
  }
  const removals: EntityPatch[] = [];
  for (const { collection: c, entity, next } of pending.values()) {
    if (next === 'remove') {
      const at = (estate[c] as readonly Entity[]).findIndex((e) => e.id === entity.id);
      removals.push({ collection: c, id: entity.id, remove: entity, index: at } as EntityPatch); // entity comes from estate[c]
      continue;
    }
    const before: Record<string, unknown> = {};
    for (const k of Object.keys(next)) before[k] = entity[k];
    patches.push({ collection: c, id: entity.id, before, after: next } as EntityPatch); // fields of estate[c]'s entity
  }
  // Removals from the end first, so each recorded index is the entity's position when undo puts it back.
  removals.sort((a, b) => ('index' in b ? b.index : 0) - ('index' in a ? a.index : 0));
  patches.push(...removals);
  patches.push({ collection, id, remove: entities[index], index } as EntityPatch); // the entity of this collection
  return patches;
}

/** A server moved to another application keeps its tier when that one has it, else takes none. */
function applicationRewrite(estate: Estate, server: Entity, to: string | null): Record<string, unknown> {
  if (to === null) return { applicationId: null, tier: null };
  const app = estate.applications.find((a) => a.id === to);
  const tier = typeof server.tier === 'string' && app?.tiers.includes(server.tier) ? server.tier : null;
  return { applicationId: to, tier };
}
