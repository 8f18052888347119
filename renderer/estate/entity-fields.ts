/**
 * Field descriptions for the generic entity editor: what each field of an entity is (text, number, choice,
 * reference, list), how the form shows it and how the text typed is read back. Pure: no React, no store, so
 * the validation can be unit- and property-tested.
 */
import type { Estate } from '../../core/model/schema.ts';
import { parseNumber } from './forms.ts';

/** A collection another field may refer to. */
export type RefTarget = 'dataCentres' | 'userSites' | 'departments' | 'applications' | 'zones' | 'products' | 'hostModels' | 'licenceModels';

type Base = { key: string; label: string; /** Shown as a table column. */ column?: boolean; hint?: string };
export type FieldSpec = Base &
  (
    | { kind: 'text'; required?: boolean; maxLength?: number; /** An upper-case code of exactly this length. */ code?: number }
    | { kind: 'number'; min?: number; max?: number; /** Exclusive minimum 0. */ positive?: boolean; integer?: boolean; /** Empty = null. */ nullable?: boolean; unit?: string }
    | { kind: 'choice'; options: readonly string[] }
    | { kind: 'bool' }
    | { kind: 'ref'; target: RefTarget; /** A data centre or a user site (WAN link endpoints). */ orUserSite?: boolean; nullable?: boolean }
    | { kind: 'refs'; target: RefTarget; /** An empty choice means null (e.g. "any data centre"). */ noneMeansNull?: string }
    | { kind: 'list'; /** Items separated by commas in the form. */ minItems?: number }
    | { kind: 'timeZone' }
  );

/** A form value as the user holds it: text for text-like inputs, a flag for checkboxes, ids for multi-choices. */
export type FormValue = string | boolean | readonly string[];
export type FormState = Record<string, FormValue>;

/** The form text of an entity's field. */
export function toFormValue(field: FieldSpec, value: unknown): FormValue {
  switch (field.kind) {
    case 'bool':
      return value === true;
    case 'refs':
      return Array.isArray(value) ? value.map(String) : [];
    case 'list':
      return Array.isArray(value) ? value.join(', ') : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

export const asText = (v: FormValue | undefined): string => (typeof v === 'string' ? v : '');

/** Ids of each referable collection, for checking references. */
export type RefLookup = (target: RefTarget, id: string) => boolean;
export function refLookup(estate: Pick<Estate, RefTarget>): RefLookup {
  const sets = new Map<RefTarget, Set<string>>();
  return (target, id) => {
    let s = sets.get(target);
    if (!s) {
      s = new Set(estate[target].map((e) => e.id));
      sets.set(target, s);
    }
    return s.has(id);
  };
}

const isKnownZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const TARGET_NAMES: Record<RefTarget, string> = {
  dataCentres: 'data centre',
  userSites: 'user site',
  departments: 'department',
  applications: 'application',
  zones: 'zone',
  products: 'product',
  hostModels: 'host model',
  licenceModels: 'licence model',
};
export const targetName = (t: RefTarget): string => TARGET_NAMES[t];

/**
 * Read one field from the form: the value, or an error saying what is wrong (the UI puts the field's label
 * in front, so "Latitude must be between -90 and 90").
 */
export function readField(field: FieldSpec, raw: FormValue | undefined, has: RefLookup): { value: unknown } | { error: string } {
  switch (field.kind) {
    case 'text': {
      const t = asText(raw).trim();
      if (field.required && t === '') return { error: 'must not be empty' };
      if (field.maxLength !== undefined && t.length > field.maxLength) return { error: `must be at most ${field.maxLength} characters` };
      if (field.code !== undefined && !new RegExp(`^[A-Za-z]{${field.code}}$`).test(t)) return { error: `must be a ${field.code}-letter code (e.g. USD, EUR)` };
      return { value: field.code !== undefined ? t.toUpperCase() : t };
    }
    case 'number': {
      const t = asText(raw).trim();
      if (t === '' && field.nullable) return { value: null };
      const n = parseNumber(t);
      if (!Number.isFinite(n)) return { error: field.nullable ? 'must be a number (or empty for none)' : 'must be a number' };
      if (field.integer && !Number.isInteger(n)) return { error: 'must be a whole number' };
      if (field.positive && n <= 0) return { error: 'must be greater than 0' };
      const { min, max } = field;
      if (min !== undefined && max !== undefined && (n < min || n > max)) return { error: `must be between ${min} and ${max}` };
      if (min !== undefined && n < min) return { error: min === 0 ? 'must not be negative' : `must be at least ${min}` };
      if (max !== undefined && n > max) return { error: `must be at most ${max}` };
      return { value: n };
    }
    case 'choice': {
      const t = asText(raw);
      return field.options.includes(t) ? { value: t } : { error: `must be one of ${field.options.join(', ')}` };
    }
    case 'bool':
      return { value: raw === true };
    case 'ref': {
      const t = asText(raw);
      if (t === '') return field.nullable ? { value: null } : { error: `must name a ${targetName(field.target)}` };
      const ok = has(field.target, t) || (field.orUserSite === true && has('userSites', t));
      const what = field.orUserSite ? 'data centre or user site' : targetName(field.target);
      return ok ? { value: t } : { error: `refers to a ${what} that does not exist (${t})` };
    }
    case 'refs': {
      const ids = Array.isArray(raw) ? raw : [];
      const missing = ids.filter((id) => !has(field.target, id));
      if (missing.length > 0) return { error: `refers to a ${targetName(field.target)} that does not exist (${missing.join(', ')})` };
      if (new Set(ids).size !== ids.length) return { error: 'names the same entry twice' };
      return { value: ids.length === 0 && field.noneMeansNull !== undefined ? null : [...ids] };
    }
    case 'list': {
      const items = asText(raw)
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
      if (items.length < (field.minItems ?? 0)) return { error: `needs at least ${field.minItems} item${field.minItems === 1 ? '' : 's'}, separated by commas` };
      if (new Set(items).size !== items.length) return { error: 'names the same item twice' };
      return { value: items };
    }
    case 'timeZone': {
      const t = asText(raw).trim();
      return isKnownZone(t) && t !== '' ? { value: t } : { error: `is not a known IANA time zone (e.g. Europe/Berlin): ${t || 'empty'}` };
    }
  }
}
