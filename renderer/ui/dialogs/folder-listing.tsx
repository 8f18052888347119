/**
 * What browser mode's two file browsers share (the Open / Save / Export dialog and the import picker): the
 * listing of one folder through the host's filesList, and the location bar with "Up".
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostResult, HostReturns } from '../../../electron/contract.ts';
import { fmtInt } from '../format.ts';

export type Listing = HostReturns['filesList'];
export type ListFolder = (dir: string | null) => Promise<HostResult<Listing>>;

/**
 * The current folder's listing; `list` is called again when it or the folder changes (keep it stable).
 * `onListing` sees each listing as it arrives (read through a ref: it does not trigger a new listing).
 */
export function useFolderListing(list: ListFolder, onListing?: (listing: Listing) => void) {
  const [dir, setDir] = useState<string | null>(null);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seen = useRef(onListing);
  useEffect(() => {
    seen.current = onListing;
  });
  useEffect(() => {
    let live = true;
    void list(dir).then((r) => {
      if (!live) return;
      if (r.ok) {
        setListing(r.value);
        setError(null);
        seen.current?.(r.value);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [list, dir]);
  return { listing, error, setDir };
}

/** The folder shown, "Up one folder", and whatever the caller adds to the bar. */
export function FolderBar({ listing, setDir, children }: { listing: Listing | null; setDir: (dir: string) => void; children?: ReactNode }) {
  return (
    <div className="file-browser-location">
      <button type="button" disabled={!listing?.parent} onClick={() => listing?.parent && setDir(listing.parent)} aria-label="Up one folder">
        ↑ Up
      </button>
      <span className="mono" title={listing?.dir}>
        {listing?.dir ?? '…'}
      </span>
      {children}
    </div>
  );
}

export type ListingEntry = Listing['entries'][number];
/** How one entry shows and what it does: its accessible label, icon, and handlers. */
export type EntryView = { label: string; icon: string; disabled?: boolean; onClick: () => void; onDoubleClick?: () => void };

/** The folder's entries as buttons (folders first, as listed), file sizes in KB; `empty` when there are none. */
export function FileEntries({ listing, empty, className, view }: { listing: Listing | null; empty: string; className?: string; view: (e: ListingEntry) => EntryView }) {
  return (
    <ul className={className ? `file-list ${className}` : 'file-list'} aria-label="Files">
      {listing?.entries.length === 0 && <li className="muted">{empty}</li>}
      {listing?.entries.map((e) => {
        if (e.kind === 'outside') {
          return (
            <li key={e.path}>
              <span className="file-entry outside muted" title="A link to a place outside the folder this workbench may use">
                <span className="file-icon" aria-hidden="true">
                  ↗
                </span>
                <span className="file-name">{e.name}</span>
                <span className="file-size">link outside the files folder</span>
              </span>
            </li>
          );
        }
        const v = view(e);
        return (
          <li key={e.path}>
            <button type="button" className={e.kind === 'dir' ? 'file-entry dir' : 'file-entry'} aria-label={v.label} disabled={v.disabled} onClick={v.onClick} onDoubleClick={v.onDoubleClick}>
              <span className="file-icon" aria-hidden="true">
                {v.icon}
              </span>
              <span className="file-name">{e.name}</span>
              {e.kind === 'file' && <span className="file-size">{fmtInt(Math.ceil(e.size / 1024))} KB</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
