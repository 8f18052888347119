/**
 * Cheap finishing moves that keep the bin set: move a bin to a cheaper type its load still fits,
 * relocate or swap items to share licences, and (last tie-break) relocate items to balance the loads.
 */
import { expired, type Ctx } from './control.ts';
import type { PackState } from './state.ts';

function loadFits(st: PackState, b: number, t: number): boolean {
  const cap = st.p.caps[t];
  const load = st.loads[b];
  for (let c = 0; c < load.length; c++) if (load[c] > cap[c]) return false;
  return true;
}

/** Give each non-fixed bin from `from` on the cheapest available type (bin plus licences) its load fits. */
export function downsize(st: PackState, from = 0): void {
  const p = st.p;
  if (p.T < 2) return;
  for (let b = Math.max(st.F, from); b < st.nb; b++) {
    let bestT = st.type[b];
    let bestCost = st.binCost(b);
    for (let t = 0; t < p.T; t++) {
      if (t === st.type[b] || !st.canOpen(t)) continue;
      const cost = p.costs[t] + st.licenceOf(b, t);
      if (cost >= bestCost - 1e-12) continue;
      let ok = true;
      for (const i of st.members[b]) if (p.fitsType[i * p.T + t] === 0) ok = false;
      if (ok && loadFits(st, b, t)) {
        bestT = t;
        bestCost = cost;
      }
    }
    if (bestT !== st.type[b]) st.retype(b, bestT);
  }
}

/** Licence descent: relocate or swap items between bins while that lowers the licence bill. */
export function shareLicences(st: PackState, ctx: Ctx): void {
  const p = st.p;
  if (!p.hasLicences) return;
  let improved = true;
  for (let round = 0; improved && round < 20; round++) {
    improved = false;
    for (let i = 0; i < p.n; i++) {
      const a = st.binOf[i];
      if (a < 0 || p.fixedOf[i] >= 0 || p.prodStart[i] === p.prodStart[i + 1]) continue;
      const save = st.licenceSaving(i, a);
      if (save <= 0) continue;
      for (let b = 0; b < st.nb && st.binOf[i] === a; b++) {
        if (b === a) continue;
        const add = st.licenceDelta(i, b);
        if (add >= save) continue;
        if (st.fits(i, b) && st.members[a].length > 1) {
          st.remove(i);
          st.add(i, b);
          improved = true;
          break;
        }
        for (const j of [...st.members[b]]) {
          if (p.fixedOf[j] >= 0) continue;
          if (!st.fitsExchange(b, j, -1, i, -1)) continue;
          // Evaluate the swap exactly: remove both, price the cross insertions.
          const before = st.lic[a] + st.lic[b];
          st.remove(i);
          st.remove(j);
          const ok = st.fits(j, a);
          st.add(i, b);
          if (ok) {
            st.add(j, a);
            if (st.lic[a] + st.lic[b] < before - 1e-9) {
              improved = true;
              break;
            }
            st.remove(j);
          }
          st.remove(i);
          st.add(i, a);
          st.add(j, b);
        }
      }
      if (ctx.ctl.due()) {
        ctx.progress('improve', 1);
        if (ctx.ctl.stopped || ctx.ctl.work >= ctx.ctl.workLimit) return;
      }
    }
  }
}

/**
 * Balance (the last tie-break): relocate items from fuller to emptier bins when that lowers the summed
 * squared normalised load, keeps every bin open and adds no licence cost. Stops at the deadline.
 */
export function balance(st: PackState, ctx: Ctx): void {
  const p = st.p;
  const { C, sizes } = p;
  for (let round = 0; round < 3; round++) {
    let moved = false;
    for (let i = 0; i < p.n; i++) {
      const a = st.binOf[i];
      if (a < 0 || p.fixedOf[i] >= 0 || st.members[a].length < 2) continue;
      const capA = p.caps[st.type[a]];
      const la = st.loads[a];
      const off = i * C;
      let bestB = -1;
      let bestDelta = -1e-9;
      for (let b = 0; b < st.nb; b++) {
        if (b === a || st.fill(b) >= st.fill(a)) continue;
        if (st.licenceDelta(i, b) > st.licenceSaving(i, a) || !st.fits(i, b)) continue;
        const capB = p.caps[st.type[b]];
        const lb = st.loads[b];
        let delta = 0;
        for (let c = 0; c < C; c++) {
          const s = sizes[off + c];
          const nb = (lb[c] + s) / capB[c];
          const ob = lb[c] / capB[c];
          const na = (la[c] - s) / capA[c];
          const oa = la[c] / capA[c];
          delta += nb * nb - ob * ob + na * na - oa * oa;
        }
        if (delta < bestDelta) {
          bestDelta = delta;
          bestB = b;
        }
      }
      if (bestB >= 0) {
        st.remove(i);
        st.add(i, bestB);
        moved = true;
      }
      if (ctx.ctl.due()) {
        ctx.progress('improve', 1);
        if (ctx.ctl.stopped) return;
      }
      if (expired(ctx)) return;
    }
    if (!moved) return;
  }
}
