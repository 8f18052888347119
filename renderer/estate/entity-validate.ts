/**
 * Validation of the generic entity form: each field read as its description says, then rules across the
 * collection (unique id and name, references that exist, the spec's own checks), then the model's zod schema,
 * so the editor can never apply what the schema or the integrity check refuses. Errors are keyed by field.
 */
import { Estate as EstateSchema, Id, type Estate } from '../../core/model/schema.ts';
import type { EstateSettings } from '../store/edits.ts';
import { readField, refLookup, toFormValue, type FieldSpec, type FormState } from './entity-fields.ts';
import type { EntitySpec } from './entity-specs.ts';
import type { KeyedResult } from './forms.ts';

type Entity = { id: string } & Record<string, unknown>;

/** The form of an entity (or of a new one: its blank values, with the id to be typed). */
export function entityForm(spec: EntitySpec, entity: Record<string, unknown>): FormState {
  const form: FormState = { id: String(entity.id ?? '') };
  for (const f of spec.fields) form[f.key] = toFormValue(f, entity[f.key]);
  return form;
}

const norm = (s: string) => s.trim().toLowerCase();

/** A fresh id for a new entity named `name`: `<prefix>-<slug>`, with -2, -3... when taken. */
export function newEntityId(spec: EntitySpec, name: string, taken: readonly { id: string }[]): string {
  const slug = norm(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'new';
  const ids = new Set(taken.map((e) => e.id));
  const base = `${spec.idPrefix}-${slug}`;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Check the form of `current` (null: a new entity) in `estate`. On success the value is the whole entity as it
 * will be stored.
 */
export function validateEntity(spec: EntitySpec, form: FormState, estate: Estate, current: Entity | null): KeyedResult<Entity> {
  const errors: Record<string, string> = {};
  const has = refLookup(estate);
  const list = estate[spec.collection] as readonly Entity[];
  const id = current?.id ?? (typeof form.id === 'string' ? form.id.trim() : '');
  if (current === null) {
    const ok = Id.safeParse(id);
    if (!ok.success) errors.id = ok.error.issues[0]?.message ?? 'is not a valid id';
    else if (list.some((e) => e.id === id)) errors.id = `is already used by another ${spec.singular} (${id})`;
  }
  const base = current ?? spec.blank(id, estate);
  const value: Entity = { ...base, id };
  for (const f of spec.fields) {
    const r = readField(f, form[f.key], has);
    if ('error' in r) errors[f.key] = r.error;
    else value[f.key] = r.value;
  }
  if (errors.name === undefined && typeof value.name === 'string' && spec.fields.some((f) => f.key === 'name')) {
    const twin = list.find((e) => e.id !== id && typeof e.name === 'string' && norm(e.name) === norm(value.name as string));
    if (twin) errors.name = `is already used by another ${spec.singular} (${twin.id})`;
  }
  for (const [k, message] of Object.entries(spec.check?.(value, estate, current?.id ?? null) ?? {})) errors[k] ??= message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const checked = spec.schema.safeParse(value);
  if (!checked.success) {
    const keys = new Set(spec.fields.map((f) => f.key));
    for (const issue of checked.error.issues) {
      const k = String(issue.path[0] ?? 'id');
      errors[keys.has(k) ? k : 'id'] ??= issue.message;
    }
    return { ok: false, errors };
  }
  return { ok: true, value };
}

/** The estate's own settings, as fields of the settings form. */
export const ESTATE_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Project name', kind: 'text', required: true, maxLength: 200 },
  { key: 'client', label: 'Client', kind: 'text', maxLength: 200 },
  { key: 'currency', label: 'Currency', kind: 'text', code: 3, hint: 'ISO 4217 code, e.g. USD, EUR, GBP' },
  { key: 'horizonMonths', label: 'Cost horizon (months)', kind: 'number', integer: true, min: 1, max: 240, hint: 'host purchase, running costs and licences are summed over it' },
  { key: 'description', label: 'Description', kind: 'text', maxLength: 2000 },
];

export const DEFAULT_HORIZON_MONTHS = 36;

export function estateForm(estate: Estate): FormState {
  const form: FormState = {};
  for (const f of ESTATE_FIELDS) form[f.key] = toFormValue(f, f.key === 'horizonMonths' ? (estate.horizonMonths ?? DEFAULT_HORIZON_MONTHS) : estate[f.key as keyof Estate]);
  return form;
}

export function validateEstateSettings(form: FormState, estate: Estate): KeyedResult<Partial<EstateSettings>> {
  const errors: Record<string, string> = {};
  const has = refLookup(estate);
  const value: Record<string, unknown> = {};
  for (const f of ESTATE_FIELDS) {
    const r = readField(f, form[f.key], has);
    if ('error' in r) errors[f.key] = r.error;
    else value[f.key] = r.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const settings = value as Partial<EstateSettings>; // keys and types from ESTATE_FIELDS, checked by the schema below
  const checked = EstateSchema.pick({ name: true, client: true, currency: true, horizonMonths: true, description: true }).safeParse(settings);
  if (!checked.success) {
    for (const issue of checked.error.issues) errors[String(issue.path[0] ?? 'name')] ??= issue.message;
    return { ok: false, errors };
  }
  return { ok: true, value: settings };
}
