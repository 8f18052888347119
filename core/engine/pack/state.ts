/**
 * A mutable packing: bins with their loads (one Float64Array per bin), members, licence counts and slack
 * summaries for fast feasibility tests. Fixed (pre-existing) bins are bins 0..F-1 and are never closed;
 * other bins are kept dense (closing one moves the last bin into its slot).
 */
import type { Problem } from './problem.ts';
import { ROOM_MARGIN, SIG_BITS, SIG_MAX_C, sigCovers, sigLevel } from './room-sig.ts';
import type { PackSolution } from './types.ts';

export class PackState {
  readonly p: Problem;
  readonly binOf: Int32Array;
  /** Number of open bins. */
  nb = 0;
  /** Number of fixed bins (always open, indices 0..F-1). */
  readonly F: number;
  readonly type: Int32Array;
  readonly loads: Float64Array[] = [];
  readonly members: number[][] = [];
  readonly pos: Int32Array;
  readonly minSlack: Float64Array;
  readonly slackSum: Float64Array;
  readonly hint: Int32Array;
  /** Summed item weight per bin. */
  readonly wsum: Float64Array;
  /** Licence cost currently paid by each bin. */
  readonly lic: Float64Array;
  readonly prodCount: Int32Array[] = [];
  /** Bins open per type. */
  readonly used: Int32Array;
  /**
   * Room signatures (mixed bin types with at most SIG_MAX_C coordinates, else null): per bin, its room per
   * coordinate quantised to SIG_LEVELS levels of `ref`, one field per coordinate; per item, its size alike.
   * An item fits a bin's capacity only if every field of the bin's is at least the item's (floor is
   * monotone), so one integer test rejects most bins without reading their loads.
   */
  readonly roomSig: Uint32Array | null;
  readonly sizeSig: Uint32Array | null;
  /** The guard bits of the signature fields. */
  readonly sigGuard: number;
  private readonly invRef: Float64Array;

  constructor(p: Problem) {
    this.p = p;
    this.F = p.fixedBins.length;
    // At most one bin per item, plus bins opened ahead by the cover heuristic (no more than the items).
    const maxBins = 2 * p.n + this.F + 1;
    this.binOf = new Int32Array(p.n).fill(-1);
    this.type = new Int32Array(maxBins);
    this.pos = new Int32Array(p.n);
    this.minSlack = new Float64Array(maxBins);
    this.slackSum = new Float64Array(maxBins);
    this.hint = new Int32Array(maxBins);
    this.wsum = new Float64Array(maxBins);
    this.lic = new Float64Array(maxBins);
    this.used = new Int32Array(p.T);
    const { C } = p;
    this.invRef = Float64Array.from(p.ref, (r) => 1 / r);
    let guard = 0;
    for (let c = 0; c < C; c++) guard |= 1 << (c * SIG_BITS + SIG_BITS - 1);
    this.sigGuard = guard;
    if (p.T > 1 && C <= SIG_MAX_C) {
      this.roomSig = new Uint32Array(maxBins);
      this.sizeSig = new Uint32Array(p.n);
      for (let i = 0; i < p.n; i++) {
        let g = 0;
        for (let c = 0; c < C; c++) g |= sigLevel(p.sizes[i * C + c], this.invRef[c], 0) << (c * SIG_BITS);
        this.sizeSig[i] = g;
      }
    } else {
      this.roomSig = null;
      this.sizeSig = null;
    }
    for (const t of p.fixedBins) this.openBin(t);
  }

  canOpen(t: number): boolean {
    return this.used[t] < this.p.avail[t];
  }

  openBin(t: number): number {
    if (this.nb >= this.type.length) throw new RangeError('more bins than items');
    const b = this.nb++;
    const { C } = this.p;
    if (this.loads.length <= b) {
      this.loads.push(new Float64Array(C));
      this.members.push([]);
      this.prodCount.push(new Int32Array(this.p.P));
    } else {
      this.loads[b].fill(0);
      this.prodCount[b].fill(0);
    }
    this.members[b].length = 0;
    this.type[b] = t;
    this.minSlack[b] = this.p.capMin[t];
    this.slackSum[b] = this.p.capSum[t];
    if (this.roomSig !== null) this.signRoom(b);
    this.hint[b] = 0;
    this.wsum[b] = 0;
    this.lic[b] = 0;
    this.used[t]++;
    return b;
  }

  /** Close an empty, non-fixed bin; the last bin moves into its slot. */
  closeBin(b: number): void {
    if (b < this.F || this.members[b].length !== 0) throw new Error(`bin ${b} cannot be closed`);
    this.used[this.type[b]]--;
    const last = --this.nb;
    if (b === last) return;
    const l = this.loads[b];
    this.loads[b] = this.loads[last];
    this.loads[last] = l;
    const m = this.members[b];
    this.members[b] = this.members[last];
    this.members[last] = m;
    const q = this.prodCount[b];
    this.prodCount[b] = this.prodCount[last];
    this.prodCount[last] = q;
    this.type[b] = this.type[last];
    this.minSlack[b] = this.minSlack[last];
    this.slackSum[b] = this.slackSum[last];
    if (this.roomSig !== null) this.roomSig[b] = this.roomSig[last];
    this.hint[b] = this.hint[last];
    this.wsum[b] = this.wsum[last];
    this.lic[b] = this.lic[last];
    for (const i of this.members[b]) this.binOf[i] = b;
  }

  /** Change the type of bin b (caller checks that the load fits and the type is available). */
  retype(b: number, t: number): void {
    this.used[this.type[b]]--;
    this.used[t]++;
    this.type[b] = t;
    this.refreshSlack(b);
    this.lic[b] = this.licenceOf(b, t);
  }

  licenceOf(b: number, t: number): number {
    if (!this.p.hasLicences) return 0;
    const cnt = this.prodCount[b];
    const row = this.p.productCost[t];
    let s = 0;
    for (let q = 0; q < this.p.P; q++) if (cnt[q] > 0) s += row[q];
    return s;
  }

  private refreshSlack(b: number): void {
    const cap = this.p.caps[this.type[b]];
    const load = this.loads[b];
    let mn = Infinity;
    let sm = 0;
    for (let c = 0; c < load.length; c++) {
      const r = cap[c] - load[c];
      if (r < mn) mn = r;
      sm += r;
    }
    this.minSlack[b] = mn;
    this.slackSum[b] = sm;
    if (this.roomSig !== null) this.signRoom(b);
  }

  /** Recompute bin b's room signature from its load. */
  private signRoom(b: number): void {
    const sig = this.roomSig!;
    const cap = this.p.caps[this.type[b]];
    const load = this.loads[b];
    let g = 0;
    for (let c = 0; c < load.length; c++) g |= sigLevel(cap[c] - load[c], this.invRef[c], ROOM_MARGIN) << (c * SIG_BITS);
    sig[b] = g;
  }

  /** Capacity test only. */
  fitsCap(i: number, b: number): boolean {
    const p = this.p;
    const t = this.type[b];
    if (p.fitsType[i * p.T + t] === 0) return false;
    if (p.itemMax[i] <= this.minSlack[b]) return true;
    if (p.itemSum[i] > this.slackSum[b]) return false;
    if (this.roomSig !== null && !sigCovers(this.roomSig[b], this.sizeSig![i], this.sigGuard)) return false;
    const C = p.C;
    const cap = p.caps[t];
    const load = this.loads[b];
    const off = i * C;
    const s = p.sizes;
    const h = this.hint[b];
    if (load[h] + s[off + h] > cap[h]) return false;
    for (let c = 0; c < C; c++) {
      if (load[c] + s[off + c] > cap[c]) {
        this.hint[b] = c;
        return false;
      }
    }
    return true;
  }

  /** True when item i has no conflict in bin b, ignoring items x1 and x2. */
  conflictFree(i: number, b: number, x1 = -1, x2 = -1): boolean {
    const { adjStart, adj } = this.p;
    for (let k = adjStart[i]; k < adjStart[i + 1]; k++) {
      const j = adj[k];
      if (this.binOf[j] === b && j !== x1 && j !== x2) return false;
    }
    return true;
  }

  conflicts(i: number, j: number): boolean {
    const { adjStart, adj } = this.p;
    for (let k = adjStart[i]; k < adjStart[i + 1]; k++) if (adj[k] === j) return true;
    return false;
  }

  fits(i: number, b: number): boolean {
    return this.fitsCap(i, b) && this.conflictFree(i, b);
  }

  /**
   * Would bin b stay within capacity after taking out o1, o2 and putting in i1, i2 (-1 = none)? Capacity
   * and conflicts of the incoming items with the remaining members and with each other.
   */
  fitsExchange(b: number, o1: number, o2: number, i1: number, i2: number): boolean {
    const p = this.p;
    const t = this.type[b];
    const T = p.T;
    if (p.fitsType[i1 * T + t] === 0) return false;
    if (i2 >= 0 && p.fitsType[i2 * T + t] === 0) return false;
    const inMax = p.itemMax[i1] + (i2 >= 0 ? p.itemMax[i2] : 0);
    if (inMax > this.minSlack[b]) {
      const inSum = p.itemSum[i1] + (i2 >= 0 ? p.itemSum[i2] : 0);
      const outSum = (o1 >= 0 ? p.itemSum[o1] : 0) + (o2 >= 0 ? p.itemSum[o2] : 0);
      if (inSum - outSum > this.slackSum[b]) return false;
      const C = p.C;
      const cap = p.caps[t];
      const load = this.loads[b];
      const s = p.sizes;
      const a1 = i1 * C;
      const a2 = i2 >= 0 ? i2 * C : -1;
      const b1 = o1 >= 0 ? o1 * C : -1;
      const b2 = o2 >= 0 ? o2 * C : -1;
      const h = this.hint[b];
      let v = load[h] + s[a1 + h];
      if (a2 >= 0) v += s[a2 + h];
      if (b1 >= 0) v -= s[b1 + h];
      if (b2 >= 0) v -= s[b2 + h];
      if (v > cap[h]) return false;
      if (a2 < 0 && b2 < 0) {
        if (b1 >= 0) {
          for (let c = 0; c < C; c++) {
            if (load[c] + s[a1 + c] - s[b1 + c] > cap[c]) {
              this.hint[b] = c;
              return false;
            }
          }
        } else {
          for (let c = 0; c < C; c++) {
            if (load[c] + s[a1 + c] > cap[c]) {
              this.hint[b] = c;
              return false;
            }
          }
        }
      } else {
        for (let c = 0; c < C; c++) {
          let x = load[c] + s[a1 + c];
          if (a2 >= 0) x += s[a2 + c];
          if (b1 >= 0) x -= s[b1 + c];
          if (b2 >= 0) x -= s[b2 + c];
          if (x > cap[c]) {
            this.hint[b] = c;
            return false;
          }
        }
      }
    }
    if (p.adj.length > 0) {
      if (!this.conflictFree(i1, b, o1, o2)) return false;
      if (i2 >= 0 && (!this.conflictFree(i2, b, o1, o2) || this.conflicts(i1, i2))) return false;
    }
    return true;
  }

  /** Licence cost bin b would add by taking item i. */
  licenceDelta(i: number, b: number): number {
    const p = this.p;
    if (!p.hasLicences) return 0;
    const cnt = this.prodCount[b];
    const row = p.productCost[this.type[b]];
    let d = 0;
    for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) if (cnt[p.prod[k]] === 0) d += row[p.prod[k]];
    return d;
  }

  /** Licence cost bin b would save by losing item i. */
  licenceSaving(i: number, b: number): number {
    const p = this.p;
    if (!p.hasLicences) return 0;
    const cnt = this.prodCount[b];
    const row = p.productCost[this.type[b]];
    let d = 0;
    for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) if (cnt[p.prod[k]] === 1) d += row[p.prod[k]];
    return d;
  }

  add(i: number, b: number): void {
    const p = this.p;
    const C = p.C;
    const load = this.loads[b];
    const cap = p.caps[this.type[b]];
    const s = p.sizes;
    const off = i * C;
    let mn = Infinity;
    let sm = 0;
    for (let c = 0; c < C; c++) {
      const v = load[c] + s[off + c];
      load[c] = v;
      const r = cap[c] - v;
      if (r < mn) mn = r;
      sm += r;
    }
    this.minSlack[b] = mn;
    this.slackSum[b] = sm;
    if (this.roomSig !== null) this.signRoom(b);
    this.lic[b] += this.licenceDelta(i, b);
    if (p.hasLicences) for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) this.prodCount[b][p.prod[k]]++;
    this.wsum[b] += p.weight[i];
    this.binOf[i] = b;
    this.pos[i] = this.members[b].length;
    this.members[b].push(i);
  }

  remove(i: number): void {
    const b = this.binOf[i];
    const p = this.p;
    const C = p.C;
    const load = this.loads[b];
    const cap = p.caps[this.type[b]];
    const s = p.sizes;
    const off = i * C;
    const list = this.members[b];
    let mn = Infinity;
    let sm = 0;
    if (list.length === 1) {
      load.fill(0);
      this.minSlack[b] = p.capMin[this.type[b]];
      this.slackSum[b] = p.capSum[this.type[b]];
    } else {
      for (let c = 0; c < C; c++) {
        const v = load[c] - s[off + c];
        load[c] = v;
        const r = cap[c] - v;
        if (r < mn) mn = r;
        sm += r;
      }
      this.minSlack[b] = mn;
      this.slackSum[b] = sm;
    }
    if (this.roomSig !== null) this.signRoom(b);
    this.lic[b] -= this.licenceSaving(i, b);
    if (p.hasLicences) for (let k = p.prodStart[i]; k < p.prodStart[i + 1]; k++) this.prodCount[b][p.prod[k]]--;
    this.wsum[b] = list.length === 1 ? 0 : this.wsum[b] - p.weight[i];
    const at = this.pos[i];
    const lastItem = list[list.length - 1];
    list[at] = lastItem;
    this.pos[lastItem] = at;
    list.pop();
    this.binOf[i] = -1;
  }

  binCost(b: number): number {
    return this.p.costs[this.type[b]] + this.lic[b];
  }

  totalCost(): number {
    let s = 0;
    for (let b = 0; b < this.nb; b++) s += this.binCost(b);
    return s;
  }

  /** Normalised fill of bin b (summed item weight over the type's size). */
  fill(b: number): number {
    return this.wsum[b] / this.p.typeSize[this.type[b]];
  }

  /** Close every empty non-fixed bin. */
  closeEmpty(): void {
    for (let b = this.nb - 1; b >= this.F; b--) if (this.members[b].length === 0) this.closeBin(b);
  }

  toSolution(): PackSolution {
    const unplaced: number[] = [];
    for (let i = 0; i < this.p.n; i++) if (this.binOf[i] < 0) unplaced.push(i);
    return { binOf: this.binOf.slice(), binType: this.type.slice(0, this.nb), cost: this.totalCost(), unplaced };
  }
}
