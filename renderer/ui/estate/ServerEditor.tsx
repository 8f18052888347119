import { useState } from 'react';
import { BlockerKind, type Server } from '../../../core/model/schema.ts';
import { serverForm, validateServerForm, type FieldErrors, type ServerField, type ServerForm } from '../../estate/forms.ts';
import { diffEntity } from '../../store/edits.ts';
import { useWorkbench } from '../../store/react.ts';
import { byId, selectDataCentreById, selectDataCentres } from '../../store/selectors.ts';
import type { WorkbenchState } from '../../store/types.ts';
import { PinPicker } from '../pins/PinPicker.tsx';
import { EditorActions, Field } from './Field.tsx';

const NO_ZONES: readonly { id: string; name: string }[] = [];
const selectZones = (s: WorkbenchState) => s.project?.estate.zones ?? NO_ZONES;

/** Side editor of one server; Apply validates and applies the changes as one undoable step. */
export function ServerEditor({ server, onClose }: { server: Server; onClose: () => void }) {
  const applyEdit = useWorkbench((s) => s.applyEdit);
  const dcs = useWorkbench(selectDataCentres);
  const dcById = useWorkbench(selectDataCentreById);
  const zones = useWorkbench(selectZones);
  const [form, setForm] = useState<ServerForm>(() => serverForm(server));
  const [errors, setErrors] = useState<FieldErrors<ServerField>>({});
  const set = (patch: Partial<ServerForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <aside className="editor" data-testid="server-editor" aria-label={`Edit server ${server.name}`}>
      <div className="editor-head">
        <h3>{server.name}</h3>
        <button type="button" className="icon-button" aria-label="Close editor" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="muted mono">{server.id}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const r = validateServerForm(server, form, { dataCentreIds: dcById, zoneIds: byId(zones) });
          if (!r.ok) {
            setErrors(r.errors);
            return;
          }
          setErrors({});
          const patch = diffEntity('servers', server, r.value);
          if (patch) applyEdit(`Edit server ${r.value.name}`, [patch]);
        }}
      >
        <Field label="Name" error={errors.name}>
          {(a) => <input {...a} type="text" value={form.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <div className="field-row">
          <Field label="Cores" error={errors.cores}>
            {(a) => <input {...a} type="text" inputMode="numeric" value={form.cores} onChange={(e) => set({ cores: e.target.value })} />}
          </Field>
          <Field label="Memory (GiB)" error={errors.memoryGiB}>
            {(a) => <input {...a} type="text" inputMode="decimal" value={form.memoryGiB} onChange={(e) => set({ memoryGiB: e.target.value })} />}
          </Field>
        </div>
        <Field label="Environment" error={errors.environment}>
          {(a) => (
            <select {...a} value={form.environment} onChange={(e) => set({ environment: e.target.value })}>
              <option value="prod">prod</option>
              <option value="test">test</option>
              <option value="dev">dev</option>
            </select>
          )}
        </Field>
        <Field label="Data centre" error={errors.dataCentreId}>
          {(a) => (
            <select {...a} value={form.dataCentreId} onChange={(e) => set({ dataCentreId: e.target.value })}>
              {!dcById.has(form.dataCentreId) && <option value={form.dataCentreId}>{form.dataCentreId} (missing)</option>}
              {dcs.map((dc) => (
                <option key={dc.id} value={dc.id}>
                  {dc.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Zone" error={errors.zoneId}>
          {(a) => (
            <select {...a} value={form.zoneId} onChange={(e) => set({ zoneId: e.target.value })}>
              <option value="">None</option>
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" checked={form.virtualisable} onChange={(e) => set({ virtualisable: e.target.checked })} />
            Virtualisable
          </label>
        </div>
        {!form.virtualisable && (
          <Field label="Blocker" error={errors.blockerKind}>
            {(a) => (
              <select {...a} value={form.blockerKind} onChange={(e) => set({ blockerKind: e.target.value })}>
                {BlockerKind.options.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <EditorActions
          onRevert={() => {
            setForm(serverForm(server));
            setErrors({});
          }}
        />
      </form>
      <PinPicker serverId={server.id} />
    </aside>
  );
}
