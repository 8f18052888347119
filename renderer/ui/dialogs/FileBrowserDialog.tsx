/**
 * Browser mode's file dialog: lists a folder through the host's filesList (folders navigable, .cwb files),
 * and a "File path" box where a full path can be typed. Open / Save resolve with the path.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { HostApi, HostReturns } from '../../../electron/contract.ts';
import { useApp } from '../app-context.ts';
import { Modal } from './Modal.tsx';
import { FileEntries, FolderBar, useFolderListing, type ListFolder } from './folder-listing.tsx';

type Recent = HostReturns['projectRecent'];

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** Is there a file at `path`? Asked through the host's listing of its folder (false when that cannot be listed). */
export async function fileExists(host: { filesList: HostApi['filesList'] }, path: string, acceptKey: string): Promise<boolean> {
  const name = baseName(path);
  const dir = path.slice(0, path.length - name.length) || '/';
  const r = await host.filesList({ dir, extensions: acceptKey.split(',').map((e) => e.slice(1)) });
  return r.ok && r.value.entries.some((e) => e.kind !== 'dir' && e.name === name);
}

/** The path with one of `accept`'s extensions: kept when it has one, else the first is added. */
export function withExtension(path: string, accept: readonly string[] = ['.cwb']): string {
  const lower = path.toLowerCase();
  return accept.some((ext) => lower.endsWith(ext.toLowerCase())) ? path : `${path}${accept[0] ?? ''}`;
}

/** The extensions a dialog accepts: given, else the suggested name's (".xlsx"), else ".cwb" (projects). */
export function acceptedExtensions(suggestedName: string, accept?: readonly string[]): string[] {
  if (accept && accept.length > 0) return accept.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const ext = suggestedName.match(/\.[a-z0-9]{1,8}$/i)?.[0];
  return [ext ? ext.toLowerCase() : '.cwb'];
}

export function FileBrowserDialog(props: {
  mode: 'open' | 'save';
  suggestedName: string;
  /** Extensions listed and accepted (".svg"); default: the suggested name's, else ".cwb". */
  accept?: readonly string[];
  onDone: (path: string | null) => void;
}) {
  const { host } = useApp();
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<Recent>([]);
  // a ref, not state: the listing's answer may arrive after the user typed, and must not overwrite the path
  const typed = useRef(false);
  const pathId = useId();
  const { suggestedName, mode } = props;
  const accept = acceptedExtensions(suggestedName, props.accept);
  const acceptKey = accept.join(',');
  const isProject = accept.length === 1 && accept[0] === '.cwb';
  const title = mode === 'open' ? 'Open project' : isProject ? 'Save project as' : `Export as ${accept.map((e) => e.slice(1).toUpperCase()).join(' or ')}`;

  const list = useCallback<ListFolder>((dir) => host.filesList({ dir, extensions: acceptKey.split(',').map((e) => e.slice(1)) }), [host, acceptKey]);
  const { listing, error, setDir } = useFolderListing(list, (l) => {
    if (mode === 'save' && !typed.current) setPath(joinPath(l.dir, suggestedName));
  });

  // Open project: the recent projects the host can still reach, above the folder listing
  useEffect(() => {
    if (mode !== 'open' || !isProject) return;
    let live = true;
    void host.projectRecent({}).then((r) => {
      if (live && r.ok) setRecent(r.value.slice(0, 6));
    });
    return () => {
      live = false;
    };
  }, [host, mode, isProject]);

  // Save over an existing file only after the user confirmed it (the host refuses otherwise).
  const [confirm, setConfirm] = useState<string | null>(null);
  const submit = async () => {
    const p = path.trim();
    if (p === '') return;
    if (mode === 'open') return props.onDone(p);
    const target = withExtension(p, accept);
    if (await fileExists(host, target, acceptKey)) setConfirm(target);
    else props.onDone(target);
  };

  if (confirm !== null) {
    const name = baseName(confirm);
    return (
      <Modal title={`Replace ${name}?`} onCancel={() => setConfirm(null)}>
        <p>
          {name} already exists in {confirm.slice(0, confirm.length - name.length - 1) || '/'}. Replacing it keeps its current version as {name}.bak.
        </p>
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={() => props.onDone(confirm)}>
            Replace
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={title} onCancel={() => props.onDone(null)} wide>
      <form
        className="file-browser"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FolderBar listing={listing} setDir={setDir} />
        {recent.length > 0 && (
          <section aria-label="Recent projects" className="file-recent">
            <h3 className="muted">Recent</h3>
            <ul className="file-list">
              {recent.map((f) => (
                <li key={f.path}>
                  <button type="button" className="file-entry" title={f.path} aria-label={`Recent ${f.name}`} onClick={() => props.onDone(f.path)}>
                    <span className="file-icon" aria-hidden="true">
                      ↺
                    </span>
                    <span className="file-name">{f.name}</span>
                    <span className="file-size mono">{f.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <FileEntries
          listing={listing}
          empty={isProject ? 'No folders or projects here.' : 'No folders or matching files here.'}
          view={(e) =>
            e.kind === 'dir'
              ? { label: `Folder ${e.name}`, icon: '▸', onClick: () => setDir(e.path) }
              : {
                  label: e.name,
                  icon: '▪',
                  onClick: () => {
                    setPath(e.path);
                    typed.current = true;
                  },
                  onDoubleClick: () => props.onDone(e.path),
                }
          }
        />
        <label className="field" htmlFor={pathId}>
          <span>File path</span>
          <input
            id={pathId}
            type="text"
            className="mono"
            value={path}
            autoFocus
            spellCheck={false}
            onChange={(e) => {
              setPath(e.target.value);
              typed.current = true;
            }}
          />
        </label>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={path.trim() === ''}>
            {mode === 'open' ? 'Open' : 'Save'}
          </button>
          <button type="button" onClick={() => props.onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
