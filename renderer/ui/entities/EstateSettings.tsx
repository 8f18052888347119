import { useState } from 'react';
import type { Estate } from '../../../core/model/schema.ts';
import type { FormState } from '../../estate/entity-fields.ts';
import { ESTATE_FIELDS, estateForm, validateEstateSettings } from '../../estate/entity-validate.ts';
import { diffEstate } from '../../store/edits.ts';
import { useWorkbench } from '../../store/react.ts';
import { selectEstate } from '../../store/selectors.ts';
import { objectKey } from '../format.ts';
import { FieldInput } from './FieldInput.tsx';

/** The estate's own settings: project name, client, currency, cost horizon, description. */
export function EstateSettings() {
  const estate = useWorkbench(selectEstate);
  if (!estate) return null;
  // a new form per estate version: undo and redo show the values they restore
  return <SettingsForm key={`${objectKey(estate)}`} estate={estate} />;
}

function SettingsForm({ estate }: { estate: Estate }) {
  const applyEdit = useWorkbench((s) => s.applyEdit);
  const [form, setForm] = useState<FormState>(() => estateForm(estate));
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="estate-settings"
      data-testid="estate-settings"
      aria-label="Estate settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const r = validateEstateSettings(form, estate);
        if (!r.ok) {
          setErrors(r.errors);
          return;
        }
        setErrors({});
        const patch = diffEstate(estate, r.value);
        if (patch) applyEdit('Edit estate settings', [patch]);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setForm(estateForm(estate));
          setErrors({});
        }
      }}
    >
      <p className="muted">The project name and client appear on the report cover; costs are summed over the horizon.</p>
      {ESTATE_FIELDS.map((f) => (
        <FieldInput key={f.key} field={f} value={form[f.key]} error={errors[f.key]} estate={estate} onChange={(v) => setForm((s) => ({ ...s, [f.key]: v }))} />
      ))}
      <div className="editor-actions">
        <button type="submit" className="primary">
          Apply
        </button>
        <button
          type="button"
          onClick={() => {
            setForm(estateForm(estate));
            setErrors({});
          }}
        >
          Revert
        </button>
      </div>
    </form>
  );
}
