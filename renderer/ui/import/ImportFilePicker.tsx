/**
 * Browser mode's file choice for the import (Electron uses the native multi-select dialog): the folders and
 * .xlsx / .csv files under the host's files root, like the Open dialog's file browser. A click on a file adds
 * it; "Add RVTools CSVs" adds a folder's RVTools_tab*.csv set; a full path can be typed.
 */
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ImportFlow } from '../../app/import-flow.ts';
import { FileEntries, FolderBar, useFolderListing } from '../dialogs/folder-listing.tsx';

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
      <FileEntries
        listing={listing}
        className="import-file-list"
        empty="No folders, .xlsx or .csv files here."
        view={(e) =>
          e.kind === 'dir'
            ? { label: `Folder ${e.name}`, icon: '▸', onClick: () => setDir(e.path) }
            : { label: `Add ${e.name}`, icon: isAdded(e.path) ? '✓' : '+', disabled: busy || isAdded(e.path), onClick: () => void flow.addPaths([e.path]) }
        }
      />
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
