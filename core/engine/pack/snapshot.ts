/** Going back to an earlier packing of a `PackState` (the bin-elimination search undoes failed steps). */
import type { PackState } from './state.ts';

export type Snapshot = { binOf: Int32Array; types: Int32Array };

/** The packing as it stands, to go back to. */
export function snapshot(st: PackState): Snapshot {
  return { binOf: st.binOf.slice(), types: st.type.slice(0, st.nb) };
}

/**
 * Go back to a snapshot. With mixed bin types, touching only what changed since: items whose bin index
 * differs are taken out and put back, bins beyond the snapshot's are closed, missing ones opened, and bins
 * whose type changed are retyped (O(n) to find the moved items plus O(C) per moved item). With one bin
 * type, a full rebuild, which leaves members in index order and the loads freshly summed: the 10k-server
 * estate bench (one host type per class) packed 686-687 hosts with the incremental restore and 680-682
 * with the rebuild (bound 679).
 */
export function restore(st: PackState, snap: Snapshot): void {
  if (st.p.T === 1) {
    rebuild(st, snap);
    return;
  }
  const n = st.p.n;
  const snapNb = snap.types.length;
  const moved: number[] = [];
  for (let i = 0; i < n; i++) {
    if (st.binOf[i] !== snap.binOf[i]) {
      moved.push(i);
      if (st.binOf[i] >= 0) st.remove(i);
    }
  }
  // Every item of a bin beyond the snapshot's count has moved, so those bins are empty now.
  for (let b = st.nb - 1; b >= snapNb && b >= st.F; b--) st.closeBin(b);
  while (st.nb < snapNb) st.openBin(snap.types[st.nb]);
  for (let b = st.F; b < snapNb; b++) if (st.type[b] !== snap.types[b]) st.retype(b, snap.types[b]);
  for (const i of moved) if (snap.binOf[i] >= 0) st.add(i, snap.binOf[i]);
}

/** Go back to a snapshot by emptying every bin and packing it again (members end up in index order). */
export function rebuild(st: PackState, snap: Snapshot): void {
  for (let b = st.nb - 1; b >= st.F; b--) {
    for (const i of [...st.members[b]]) st.remove(i);
    st.closeBin(b);
  }
  for (let b = 0; b < st.F; b++) for (const i of [...st.members[b]]) st.remove(i);
  for (let b = st.F; b < snap.types.length; b++) st.openBin(snap.types[b]);
  for (let i = 0; i < st.p.n; i++) if (snap.binOf[i] >= 0) st.add(i, snap.binOf[i]);
}
