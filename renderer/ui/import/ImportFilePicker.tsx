/**
 * Browser mode's file choice for the import (Electron uses the native multi-select dialog): the folders and
 * .xlsx / .csv files under the host's files root, like the Open dialog's file browser. A click on a file adds
 * it; "Add RVTools CSVs" adds a folder's RVTools_tab*.csv set; a full path can be typed.
 */
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ImportFlow } from '../../app/import-flow.ts';
import { FolderBar, useFolderListing } from '../dialogs/folder-listing.tsx';
import { fmtInt } from '../format.ts';

const RVTOOLS_CSV = /^RVTools_tab.+\.csv$/i;

export function ImportFilePicker({ flow }: { flow: ImportFlow }) {
  const { listing, error, setDir } = useFolderListing(flow.listFiles);
  const [typed, setTyped] = useState('');
  const pathId = useId();
  const busy = useStore(flow.state, (s) => s.busy !== null);
  const added = useStore(flow.state, (s) => s.files);
  const isAdded = (path: string) => added.some((f) => f.path === path);

  const rvtoolsSet = listing?.entries.filter((e) => e.kind === 'file' && RVTOOLS_CSV.test(e.name)).map((e) => e.path) ?? [];

  return (
    <section className="file-browser import-picker" aria-label="Choose files">
      <FolderBar listing={listing} setDir={setDir}>
        <span className="muted import-picker-hint">Click a file to add it</span>
        {rvtoolsSet.length > 1 && (
          <button type="button" disabled={busy} onClick={() => void flow.addPaths(rvtoolsSet)}>
            Add RVTools CSVs ({rvtoolsSet.length})
          </button>
        )}
      </FolderBar>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="file-list import-file-list" aria-label="Files">
        {listing?.entries.length === 0 && <li className="muted">No folders, .xlsx or .csv files here.</li>}
        {listing?.entries.map((e) => (
          <li key={e.path}>
            <button
              type="button"
              className={e.kind === 'dir' ? 'file-entry dir' : 'file-entry'}
              aria-label={e.kind === 'dir' ? `Folder ${e.name}` : `Add ${e.name}`}
              disabled={e.kind === 'file' && (busy || isAdded(e.path))}
              onClick={() => (e.kind === 'dir' ? setDir(e.path) : void flow.addPaths([e.path]))}
            >
              <span className="file-icon" aria-hidden="true">
                {e.kind === 'dir' ? '▸' : isAdded(e.path) ? '✓' : '+'}
              </span>
              <span className="file-name">{e.name}</span>
              {e.kind === 'file' && <span className="file-size">{fmtInt(Math.ceil(e.size / 1024))} KB</span>}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="import-picker-path"
        onSubmit={(ev) => {
          ev.preventDefault();
          const p = typed.trim();
          if (p === '') return;
          void flow.addPaths([p]).then(() => setTyped(''));
        }}
      >
        <label htmlFor={pathId}>File path</label>
        <input id={pathId} type="text" className="mono" value={typed} spellCheck={false} onChange={(ev) => setTyped(ev.target.value)} />
        <button type="submit" disabled={busy || typed.trim() === ''}>
          Add
        </button>
      </form>
    </section>
  );
}
