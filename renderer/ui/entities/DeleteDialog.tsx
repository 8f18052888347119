import { useState } from 'react';
import type { Estate } from '../../../core/model/schema.ts';
import type { EntitySpec } from '../../estate/entity-specs.ts';
import { findReferences, type DeleteChoice } from '../../estate/references.ts';
import { Modal } from '../dialogs/Modal.tsx';

const SHOWN = 8;

/**
 * Asks what to do with the references to an entity being deleted: reassign them to another entity of the
 * same kind, clear them (when the model allows), or cancel. Without references it only asks to confirm.
 */
export function DeleteDialog(props: { spec: EntitySpec; estate: Estate; id: string; onAnswer: (choice: DeleteChoice | null) => void }) {
  const { spec, estate, id } = props;
  const list = estate[spec.collection] as readonly ({ id: string; name?: string })[];
  const entity = list.find((e) => e.id === id);
  const others = list.filter((e) => e.id !== id);
  const refs = findReferences(estate, spec.collection, id);
  const required = refs.filter((r) => r.required);
  const removes = refs.filter((r) => r.removes);
  const [mode, setMode] = useState<'reassign' | 'clear'>(required.length > 0 || (refs.length > 0 && removes.length === refs.length && others.length > 0) ? 'reassign' : 'clear');
  const [to, setTo] = useState(others[0]?.id ?? '');
  const name = entity?.name ?? id;
  const canReassign = others.length > 0;
  const canClear = required.length === 0;
  const ok = refs.length === 0 || (mode === 'reassign' ? canReassign && to !== '' : canClear);
  return (
    <Modal title={`Delete ${spec.singular} ${name}?`} role="alertdialog" onCancel={() => props.onAnswer(null)}>
      {refs.length === 0 ? (
        <p>Nothing refers to it. Undo brings it back.</p>
      ) : (
        <>
          <p>
            {refs.length} {refs.length === 1 ? 'thing refers' : 'things refer'} to it:
          </p>
          <ul className="ref-list" data-testid="delete-references">
            {refs.slice(0, SHOWN).map((r) => (
              <li key={`${r.collection}/${r.id}/${r.field}`}>
                {r.label} <span className="muted">({r.field})</span>
              </li>
            ))}
            {refs.length > SHOWN && <li className="muted">and {refs.length - SHOWN} more</li>}
          </ul>
          <fieldset className="delete-choice">
            <legend>What happens to them</legend>
            <label>
              <input type="radio" name="delete-mode" checked={mode === 'reassign'} disabled={!canReassign} onChange={() => setMode('reassign')} />
              Reassign them to
            </label>{' '}
            <select aria-label={`Reassign to ${spec.singular}`} value={to} disabled={!canReassign || mode !== 'reassign'} onChange={(e) => setTo(e.target.value)}>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name ?? o.id}
                </option>
              ))}
            </select>
            <label className="block">
              <input type="radio" name="delete-mode" checked={mode === 'clear'} disabled={!canClear} onChange={() => setMode('clear')} />
              Clear them{removes.length > 0 ? ` (${removes.length} ${removes.length === 1 ? 'link or flow goes' : 'links or flows go'} with it)` : ''}
            </label>
            {!canClear && <p className="muted">Cannot clear: {required[0].label} must have a {spec.singular} ({required[0].field}).</p>}
          </fieldset>
        </>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="danger"
          disabled={!ok}
          onClick={() => props.onAnswer(refs.length === 0 || mode === 'clear' ? { kind: 'clear' } : { kind: 'reassign', to })}
        >
          Delete
        </button>
        <button type="button" autoFocus onClick={() => props.onAnswer(null)}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
