import type { Estate } from '../../../core/model/schema.ts';
import { asText, type FieldSpec, type FormValue } from '../../estate/entity-fields.ts';
import { Field } from '../estate/Field.tsx';

let zonesCache: readonly string[] | null = null;
/** The IANA time zones this runtime knows, for the time-zone input's suggestions. */
function timeZones(): readonly string[] {
  if (zonesCache === null) {
    try {
      zonesCache = Intl.supportedValuesOf('timeZone');
    } catch {
      zonesCache = ['UTC'];
    }
  }
  return zonesCache;
}
const TZ_LIST_ID = 'cwb-time-zones';

/** The datalist of time zones, rendered once per form that has a time-zone field. */
export function TimeZoneList() {
  return (
    <datalist id={TZ_LIST_ID}>
      {timeZones().map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

type Option = { id: string; name: string };
function optionsOf(field: FieldSpec, estate: Estate): Option[] {
  if (field.kind !== 'ref' && field.kind !== 'refs') return [];
  const own: Option[] = estate[field.target].map((e) => ({ id: e.id, name: e.name }));
  if (field.kind === 'ref' && field.orUserSite) return [...own, ...estate.userSites.map((u) => ({ id: u.id, name: `${u.name} (user site)` }))];
  return own;
}

/** One input of the generic entity form, chosen by the field's kind, with its label, hint and error. */
export function FieldInput(props: { field: FieldSpec; value: FormValue | undefined; error?: string; estate: Estate; onChange: (v: FormValue) => void }) {
  const { field, value, error, estate, onChange } = props;
  if (field.kind === 'bool') {
    return (
      <div className={error ? 'field checkbox-field has-error' : 'field checkbox-field'}>
        <label>
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {field.label}
        </label>
        {error && (
          <span className="field-error" role="alert">
            {field.label} {error}
          </span>
        )}
      </div>
    );
  }
  const label = field.kind === 'number' && field.unit ? `${field.label} (${field.unit})` : field.label;
  const hint = field.kind === 'refs' && field.noneMeansNull ? `none selected: ${field.noneMeansNull}` : field.hint;
  const text = asText(value);
  return (
    <Field label={label} error={error} hint={hint}>
      {(a) => {
        const described = a;
        switch (field.kind) {
          case 'choice':
            return (
              <select {...described} value={text} onChange={(e) => onChange(e.target.value)}>
                {!field.options.includes(text) && <option value={text}>{text || '(choose)'}</option>}
                {field.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            );
          case 'ref': {
            const options = optionsOf(field, estate);
            return (
              <select {...described} value={text} onChange={(e) => onChange(e.target.value)}>
                {field.nullable ? <option value="">None</option> : !options.some((o) => o.id === text) && <option value={text}>{text === '' ? '(choose)' : `${text} (missing)`}</option>}
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            );
          }
          case 'refs': {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <select
                {...described}
                multiple
                size={Math.min(6, Math.max(3, optionsOf(field, estate).length))}
                value={[...chosen]}
                onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
              >
                {optionsOf(field, estate).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            );
          }
          case 'timeZone':
            return <input {...described} type="text" list={TZ_LIST_ID} value={text} autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
          case 'number':
            return <input {...described} type="text" inputMode={field.integer ? 'numeric' : 'decimal'} value={text} placeholder={field.nullable ? 'none' : undefined} onChange={(e) => onChange(e.target.value)} />;
          default:
            return <input {...described} type="text" value={text} onChange={(e) => onChange(e.target.value)} />;
        }
      }}
    </Field>
  );
}
