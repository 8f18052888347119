/**
 * What browser mode's two file browsers share (the Open / Save / Export dialog and the import picker): the
 * listing of one folder through the host's filesList, and the location bar with "Up".
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostResult, HostReturns } from '../../../electron/contract.ts';

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
