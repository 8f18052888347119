/**
 * One file of the import: its detected kind (changeable) and, for CSV kinds, the column mapping: every field
 * of FIELDS[kind] with a select of the file's headers, the guessed ones preselected with their confidence,
 * required fields marked and highlighted while no column feeds them.
 */
import { useId } from 'react';
import type { ImportFileKind } from '../../../electron/contract.ts';
import { FIELDS, type ImportKind } from '../../../core/import/mapping.ts';
import { isPerfKind } from '../../../core/import/perf/kinds.ts';
import { KIND_LABELS, missingRequired, type ImportFile, type ImportFlow } from '../../app/import-flow.ts';
import { PerfFileOptions } from './PerfFileOptions.tsx';

const KINDS = Object.keys(KIND_LABELS) as ImportFileKind[];

/** How sure the guess was, in words. */
export function confidenceLabel(c: number | undefined): { text: string; level: 'exact' | 'likely' | 'possible' | 'chosen' | 'none' } {
  if (c === undefined) return { text: 'your choice', level: 'chosen' };
  if (c >= 1) return { text: 'exact match', level: 'exact' };
  if (c >= 0.9) return { text: 'likely', level: 'likely' };
  if (c > 0) return { text: `possible (${Math.round(c * 100)}%)`, level: 'possible' };
  return { text: '', level: 'none' };
}

function MappingTable({ file, kind, flow, disabled }: { file: ImportFile; kind: ImportKind; flow: ImportFlow; disabled: boolean }) {
  const columns = file.columns ?? {};
  return (
    <table className="data-table import-mapping" aria-label={`Columns of ${file.name}`}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Column in the file</th>
          <th scope="col">Guess</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS[kind].map((def) => {
          const header = columns[def.field] ?? null;
          const missing = def.required && header === null;
          const conf = header === null ? { text: missing ? 'required: choose a column' : '', level: 'none' as const } : confidenceLabel(file.confidence[def.field]);
          return (
            <tr key={def.field} className={missing ? 'missing' : undefined} data-field={def.field}>
              <th scope="row">
                {def.label}
                {def.required && (
                  <span className="required" title="Required" aria-label="required">
                    {' '}
                    *
                  </span>
                )}
              </th>
              <td>
                <select
                  aria-label={`Column for ${def.label}`}
                  aria-invalid={missing || undefined}
                  value={header ?? ''}
                  disabled={disabled}
                  onChange={(e) => flow.setColumn(file.path, def.field, e.target.value === '' ? null : e.target.value)}
                >
                  <option value="">— not mapped —</option>
                  {file.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </td>
              <td className={`confidence confidence-${conf.level}`}>{conf.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ImportFileCard({ file, flow, disabled }: { file: ImportFile; flow: ImportFlow; disabled: boolean }) {
  const kindId = useId();
  const kind = file.kind;
  const missing = missingRequired(file);
  return (
    <article className="import-file" aria-label={file.name} data-testid="import-file">
      <header className="import-file-head">
        <span className="import-file-name" title={file.path}>
          {file.name}
        </span>
        {kind === 'rvtools' && !file.error && <span className="muted import-note">sheets found by name: no mapping needed</span>}
        <label htmlFor={kindId} className="muted">
          Holds
        </label>
        <select id={kindId} value={kind ?? ''} disabled={disabled} onChange={(e) => void flow.setKind(file.path, e.target.value as ImportFileKind)}>
          {kind === null && <option value="">— choose —</option>}
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
              {k === file.detected ? ' (detected)' : ''}
            </option>
          ))}
        </select>
        <button type="button" className="import-remove" disabled={disabled} onClick={() => flow.removeFile(file.path)} aria-label={`Remove ${file.name}`}>
          Remove
        </button>
      </header>
      {file.error && <p className="field-error">{file.error}</p>}
      {kind !== null && kind !== 'rvtools' && !file.error && (
        <>
          {missing.length > 0 && <p className="field-error">Choose a column for {missing.join(', ')}.</p>}
          <MappingTable file={file} kind={kind} flow={flow} disabled={disabled} />
          {isPerfKind(kind) && <PerfFileOptions file={file} kind={kind} flow={flow} disabled={disabled} />}
        </>
      )}
    </article>
  );
}

/** The RVTools_tab*.csv files of one folder: one RVTools export, removed together. */
export function RvtoolsSetCard({ dir, files, flow, disabled }: { dir: string; files: readonly ImportFile[]; flow: ImportFlow; disabled: boolean }) {
  const folder = dir.split(/[\\/]/).pop() || dir;
  return (
    <article className="import-file" aria-label={`RVTools export in ${folder}`} data-testid="import-file">
      <header className="import-file-head">
        <span className="import-file-name" title={dir}>
          RVTools export in {folder}
        </span>
        <span className="muted import-note">
          {files.length} CSV files, sheets found by name: no mapping needed
        </span>
        <button type="button" className="import-remove" disabled={disabled} onClick={() => files.forEach((f) => flow.removeFile(f.path))} aria-label={`Remove the RVTools export in ${folder}`}>
          Remove
        </button>
      </header>
      <p className="import-set-files mono muted">{files.map((f) => f.name).join(', ')}</p>
    </article>
  );
}
