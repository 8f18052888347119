import { useState } from 'react';
import type { Estate } from '../../../core/model/schema.ts';
import type { FieldSpec } from '../../estate/entity-fields.ts';
import type { EntitySpec } from '../../estate/entity-specs.ts';
import { deletePatches, type DeleteChoice } from '../../estate/references.ts';
import { useWorkbench } from '../../store/react.ts';
import { byId, selectEstate } from '../../store/selectors.ts';
import { fmtNum, objectKey } from '../format.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { EntityForm } from './EntityForm.tsx';

type Entity = { id: string } & Record<string, unknown>;
export type ExtraColumn = { label: string; numeric?: boolean; cell: (e: Entity) => string };

/** The text of one field in the table. */
function cellText(f: FieldSpec, v: unknown, estate: Estate): string {
  if (v === null || v === undefined) return f.kind === 'refs' && f.noneMeansNull ? f.noneMeansNull : '—';
  switch (f.kind) {
    case 'bool':
      return v ? 'yes' : 'no';
    case 'number':
      return typeof v === 'number' ? fmtNum(v) : String(v);
    case 'list':
      return Array.isArray(v) ? v.join(' → ') : String(v);
    case 'ref': {
      const id = String(v);
      const own: readonly { id: string; name: string }[] = estate[f.target];
      const hit = byId(own).get(id) ?? (f.orUserSite ? byId(estate.userSites).get(id) : undefined);
      return hit?.name ?? `${id} (missing)`;
    }
    case 'refs': {
      const own: readonly { id: string; name: string }[] = estate[f.target];
      const m = byId(own);
      return Array.isArray(v) ? v.map((id: string) => m.get(id)?.name ?? id).join(', ') || 'none' : String(v);
    }
    default:
      return String(v);
  }
}

/**
 * A table of one collection of the estate with a side editor: click or Enter on a row edits it, "Add" opens
 * an empty form, Delete asks what to do with the references. Every change is one undoable step.
 * The selection is the component's own unless the parent controls it (data centres: the store's).
 */
export function EntityList(props: {
  spec: EntitySpec;
  extraColumns?: readonly ExtraColumn[];
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
}) {
  const { spec } = props;
  const estate = useWorkbench(selectEstate);
  const applyEdit = useWorkbench((s) => s.applyEdit);
  const [ownSelected, setOwnSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const selectedId = props.selectedId !== undefined ? props.selectedId : ownSelected;
  const select = (id: string | null) => {
    setAdding(false);
    if (props.onSelect) props.onSelect(id);
    else setOwnSelected(id);
  };
  if (!estate) return null;
  const list = estate[spec.collection] as readonly Entity[];
  const columns = spec.fields.filter((f) => f.column);
  const selected = selectedId === null ? null : (list.find((e) => e.id === selectedId) ?? null);

  const onDelete = (choice: DeleteChoice | null) => {
    const id = deleting;
    setDeleting(null);
    if (choice === null || id === null) return;
    const name = list.find((e) => e.id === id)?.name ?? id;
    applyEdit(`Delete ${spec.singular} ${String(name)}`, deletePatches(estate, spec.collection, id, choice));
    select(null);
  };

  return (
    <div className="split">
      <div className="entity-list">
        <div className="entity-list-head">
          <span className="muted">
            {list.length} {list.length === 1 ? spec.singular : spec.plural.toLowerCase()}
          </span>
          <button
            type="button"
            onClick={() => {
              select(null);
              setAdding(true);
            }}
          >
            Add {spec.singular}
          </button>
        </div>
        <div className="table-scroll">
          {list.length === 0 ? (
            <p className="empty-state">This estate has no {spec.plural.toLowerCase()} yet.</p>
          ) : (
            <table className="data-table" aria-label={spec.plural}>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={c.kind === 'number' ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                  {props.extraColumns?.map((c) => (
                    <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.map((e) => (
                  <tr
                    key={e.id}
                    data-testid={`${spec.testId}-row`}
                    data-entity-id={e.id}
                    aria-selected={e.id === selectedId}
                    className={e.id === selectedId ? 'selected' : undefined}
                    tabIndex={0}
                    onClick={() => select(e.id)}
                    onKeyDown={(k) => {
                      if (k.key === 'Enter') select(e.id);
                      else if (k.key === 'Escape') select(null);
                    }}
                  >
                    {columns.map((c) => {
                      const text = cellText(c, e[c.key], estate);
                      return (
                        <td key={c.key} className={c.kind === 'number' ? 'num' : undefined} title={text}>
                          {c.key === 'status' ? <span className={`chip status-${text}`}>{text}</span> : c.key === 'criticality' ? <span className={`chip crit-${text}`}>{text}</span> : text}
                        </td>
                      );
                    })}
                    {props.extraColumns?.map((c) => (
                      <td key={c.label} className={c.numeric ? 'num' : undefined}>
                        {c.cell(e)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {adding && <EntityForm key="new" spec={spec} entity={null} estate={estate} apply={applyEdit} onCreated={(id) => select(id)} onDelete={() => undefined} onClose={() => setAdding(false)} />}
      {!adding && selected && (
        <EntityForm key={objectKey(selected)} spec={spec} entity={selected} estate={estate} apply={applyEdit} onCreated={() => undefined} onDelete={() => setDeleting(selected.id)} onClose={() => select(null)} />
      )}
      {deleting !== null && <DeleteDialog spec={spec} estate={estate} id={deleting} onAnswer={onDelete} />}
    </div>
  );
}
