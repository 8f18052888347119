import { useState } from 'react';
import type { DataCentre } from '../../../core/model/schema.ts';
import { dataCentreForm, validateDataCentreForm, type DataCentreField, type DataCentreForm, type FieldErrors } from '../../estate/forms.ts';
import { diffEntity } from '../../store/edits.ts';
import { useWorkbench } from '../../store/react.ts';
import { EditorActions, Field } from './Field.tsx';

/** Side editor of one data centre; Apply is one undoable step. Keyed on the entity version by its parent. */
export function DataCentreEditor({ dataCentre, onClose }: { dataCentre: DataCentre; onClose: () => void }) {
  const applyEdit = useWorkbench((s) => s.applyEdit);
  const [form, setForm] = useState<DataCentreForm>(() => dataCentreForm(dataCentre));
  const [errors, setErrors] = useState<FieldErrors<DataCentreField>>({});
  const set = (patch: Partial<DataCentreForm>) => setForm((f) => ({ ...f, ...patch }));
  const text = (field: DataCentreField, label: string, inputMode?: 'numeric' | 'decimal') => (
    <Field label={label} error={errors[field]}>
      {(a) => <input {...a} type="text" inputMode={inputMode} value={form[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );
  return (
    <aside className="editor" data-testid="dc-editor" aria-label={`Edit data centre ${dataCentre.name}`}>
      <div className="editor-head">
        <h3>{dataCentre.name}</h3>
        <button type="button" className="icon-button" aria-label="Close editor" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted mono">{dataCentre.id}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const r = validateDataCentreForm(dataCentre, form);
          if (!r.ok) {
            setErrors(r.errors);
            return;
          }
          setErrors({});
          const patch = diffEntity('dataCentres', dataCentre, r.value);
          if (patch) applyEdit(`Edit data centre ${r.value.name}`, [patch]);
        }}
      >
        {text('name', 'Name')}
        {text('city', 'City')}
        <Field label="Status" error={errors.status}>
          {(a) => (
            <select {...a} value={form.status} onChange={(e) => set({ status: e.target.value })}>
              <option value="keep">keep</option>
              <option value="close">close</option>
              <option value="candidate">candidate</option>
            </select>
          )}
        </Field>
        {text('tier', 'Tier', 'numeric')}
        {text('powerKw', 'Power (kW)', 'decimal')}
        {text('rackCapacity', 'Rack capacity', 'numeric')}
        {text('racksUsed', 'Racks used', 'numeric')}
        {text('costPerMonth', 'Cost per month', 'decimal')}
        <EditorActions
          onRevert={() => {
            setForm(dataCentreForm(dataCentre));
            setErrors({});
          }}
        />
      </form>
    </aside>
  );
}
