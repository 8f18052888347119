import { useState } from 'react';
import type { Estate } from '../../../core/model/schema.ts';
import type { FormState, FormValue } from '../../estate/entity-fields.ts';
import type { EntitySpec } from '../../estate/entity-specs.ts';
import { entityForm, newEntityId, validateEntity } from '../../estate/entity-validate.ts';
import { diffEntity, type EntityOf, type EntityPatch } from '../../store/edits.ts';
import { Field } from '../estate/Field.tsx';
import { FieldInput, TimeZoneList } from './FieldInput.tsx';

type Entity = { id: string } & Record<string, unknown>;

/**
 * The editor of one entity (or of a new one when `entity` is null), built from the spec's fields. Enter in a
 * field applies (one undoable step), Escape reverts, or closes when nothing was changed.
 */
export function EntityForm(props: {
  spec: EntitySpec;
  entity: Entity | null;
  estate: Estate;
  apply: (label: string, patches: readonly EntityPatch[]) => void;
  onCreated: (id: string) => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { spec, entity, estate, apply } = props;
  const initial = (): FormState => entityForm(spec, entity ?? spec.blank('', estate));
  const [form, setForm] = useState<FormState>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [idTouched, setIdTouched] = useState(false);
  const set = (key: string, v: FormValue) =>
    setForm((f) => {
      const next = { ...f, [key]: v };
      // a new entity's id follows its name until the user types one
      if (entity === null && key === 'name' && !idTouched && typeof v === 'string') next.id = newEntityId(spec, v, estate[spec.collection]);
      return next;
    });
  const dirty = JSON.stringify(form) !== JSON.stringify(initial());
  const title = entity === null ? `New ${spec.singular}` : typeof entity.name === 'string' ? entity.name : entity.id;

  const submit = () => {
    const r = validateEntity(spec, form, estate, entity);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    const label = `${entity === null ? 'Add' : 'Edit'} ${spec.singular} ${typeof r.value.name === 'string' ? r.value.name : r.value.id}`;
    if (entity === null) {
      apply(label, [{ collection: spec.collection, id: r.value.id, insert: r.value as EntityOf<typeof spec.collection> } as EntityPatch]); // checked by spec.schema
      props.onCreated(r.value.id);
      return;
    }
    const patch = diffEntity(spec.collection, entity as EntityOf<typeof spec.collection>, r.value as EntityOf<typeof spec.collection>);
    if (patch) apply(label, [patch]);
  };

  return (
    <aside className="editor" data-testid={`${spec.testId}-editor`} aria-label={entity === null ? `New ${spec.singular}` : `Edit ${spec.singular} ${title}`}>
      <div className="editor-head">
        <h3>{title}</h3>
        <button type="button" className="icon-button" aria-label="Close editor" onClick={props.onClose}>
          ×
        </button>
      </div>
      {entity !== null && <p className="muted mono">{entity.id}</p>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          if (dirty) {
            setForm(initial());
            setErrors({});
          } else props.onClose();
        }}
      >
        {spec.fields.map((f) => (
          <FieldInput key={f.key} field={f} value={form[f.key]} error={errors[f.key]} estate={estate} onChange={(v) => set(f.key, v)} />
        ))}
        {entity === null && (
          <Field label="Id" error={errors.id} hint="unique, kept when the name changes">
            {(a) => (
              <input
                {...a}
                type="text"
                className="mono"
                value={typeof form.id === 'string' ? form.id : ''}
                onChange={(e) => {
                  setIdTouched(true);
                  setForm((f) => ({ ...f, id: e.target.value }));
                }}
              />
            )}
          </Field>
        )}
        {spec.fields.some((f) => f.kind === 'timeZone') && <TimeZoneList />}
        <div className="editor-actions">
          <button type="submit" className="primary">
            {entity === null ? 'Add' : 'Apply'}
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(initial());
              setErrors({});
            }}
          >
            Revert
          </button>
          {entity !== null && (
            <button type="button" className="danger" onClick={props.onDelete}>
              Delete…
            </button>
          )}
        </div>
      </form>
    </aside>
  );
}
