/**
 * The server editor's form: the text the user typed, validated into a partial entity.
 * Errors are keyed by field so the editor shows each next to its input. The result is then checked against
 * the model's zod schema, so the editor can never apply what the schema refuses.
 */
import { BlockerKind, Environment, Server as ServerSchema, type Server } from '../../core/model/schema.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type FormResult<F extends string, T> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };
/** Errors by field of a form whose fields come from a description (every key a field's). */
export type KeyedResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export type ServerForm = {
  name: string;
  cores: string;
  memoryGiB: string;
  environment: string;
  dataCentreId: string;
  zoneId: string;
  virtualisable: boolean;
  blockerKind: string;
};
export type ServerField = keyof ServerForm;

export type ServerEditable = Pick<Server, 'name' | 'cores' | 'memoryGiB' | 'environment' | 'dataCentreId' | 'zoneId' | 'virtualisable' | 'blocker'>;

export function serverForm(s: Server): ServerForm {
  return {
    name: s.name,
    cores: String(s.cores),
    memoryGiB: String(s.memoryGiB),
    environment: s.environment,
    dataCentreId: s.dataCentreId,
    zoneId: s.zoneId ?? '',
    virtualisable: s.virtualisable,
    blockerKind: s.blocker?.kind ?? 'other',
  };
}

/** A number as typed: trimmed, no thousands separators; NaN when it isn't one. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/[_,\s]/g, '');
  return t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number.NaN : Number(t);
}

function wholePositive(text: string, errors: Record<string, string>, field: string): number {
  const n = parseNumber(text);
  if (!Number.isFinite(n)) errors[field] = 'must be a number';
  else if (!Number.isInteger(n)) errors[field] = 'must be a whole number';
  else if (n <= 0) errors[field] = 'must be a positive whole number';
  return n;
}

function positive(text: string, errors: Record<string, string>, field: string): number {
  const n = parseNumber(text);
  if (!Number.isFinite(n)) errors[field] = 'must be a number';
  else if (n <= 0) errors[field] = 'must be greater than 0';
  return n;
}

/** Known ids (a Set, or a Map by id). */
export type IdLookup = { has: (id: string) => boolean };
export type ServerRefs = { dataCentreIds: IdLookup; zoneIds: IdLookup };

export function validateServerForm(current: Server, form: ServerForm, refs: ServerRefs): FormResult<ServerField, ServerEditable> {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'must not be empty';
  const cores = wholePositive(form.cores, errors, 'cores');
  const memoryGiB = positive(form.memoryGiB, errors, 'memoryGiB');
  const environment = Environment.safeParse(form.environment);
  if (!environment.success) errors.environment = 'must be prod, test or dev';
  if (!refs.dataCentreIds.has(form.dataCentreId)) errors.dataCentreId = 'is not a data centre of this estate';
  const zoneId = form.zoneId === '' ? null : form.zoneId;
  if (zoneId !== null && !refs.zoneIds.has(zoneId)) errors.zoneId = 'is not a zone of this estate';
  let blocker = current.blocker;
  if (!form.virtualisable) {
    const kind = BlockerKind.safeParse(form.blockerKind);
    if (!kind.success) errors.blockerKind = 'choose why the server cannot be virtualised';
    else if (blocker?.kind !== kind.data) blocker = { kind: kind.data, detail: blocker?.detail ?? '' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const value: ServerEditable = {
    name,
    cores,
    memoryGiB,
    environment: environment.success ? environment.data : current.environment,
    dataCentreId: form.dataCentreId,
    zoneId,
    virtualisable: form.virtualisable,
    blocker,
  };
  const checked = ServerSchema.safeParse({ ...current, ...value });
  if (!checked.success) {
    const out: Record<string, string> = {};
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? 'name');
      const field = key === 'blocker' ? 'blockerKind' : key in form ? key : 'name';
      out[field] ??= issue.message;
    }
    return { ok: false, errors: out };
  }
  return { ok: true, value };
}
