/**
 * The packer's internal, preprocessed view of a `PackInput`: capacities with the tolerance folded in,
 * normalised item weights, conflicts and products as compressed adjacency lists (CSR), and which item fits
 * which bin type on its own. Everything the hot loops read lives in flat typed arrays.
 */
import { Heartbeat, PER_ENTRY } from '../../util/progress.ts';
import type { PackInput } from './types.ts';

/** Relative tolerance on capacities: a coordinate fits when sum <= capacity * (1 + EPS) + EPS. */
export const CAPACITY_EPS = 1e-9;

export function tolerantCapacity(capacity: number): number {
  return capacity + Math.abs(capacity) * CAPACITY_EPS + CAPACITY_EPS;
}

export type Problem = {
  input: PackInput;
  n: number;
  /** Coordinates per item. */
  C: number;
  /** Bin types. */
  T: number;
  sizes: Float64Array;
  /** Per type: capacity per coordinate, tolerance included. */
  caps: Float64Array[];
  /** Per type: the smallest tolerant capacity over the coordinates (fast-accept test). */
  capMin: Float64Array;
  /** Per type: the summed tolerant capacity (fast-reject test). */
  capSum: Float64Array;
  costs: Float64Array;
  avail: Float64Array;
  /** Reference capacity per coordinate (largest over the bin types), for normalising. */
  ref: Float64Array;
  /** Per item: mean over coordinates of size / reference capacity. */
  weight: Float64Array;
  /** Per item: largest raw size over the coordinates. */
  itemMax: Float64Array;
  /** Per item: summed raw size. */
  itemSum: Float64Array;
  /** Per type: normalised capacity averaged over the coordinates, weighted by their scarcity. */
  typeSize: Float64Array;
  /** Conflicts, CSR: neighbours of item i are adj[adjStart[i] .. adjStart[i+1]). */
  adjStart: Int32Array;
  adj: Int32Array;
  /** Products, CSR: products of item i are prod[prodStart[i] .. prodStart[i+1]). */
  prodStart: Int32Array;
  prod: Int32Array;
  /** Number of products (columns of productCost). */
  P: number;
  /** Per type: licence cost per product. */
  productCost: Float64Array[];
  hasLicences: boolean;
  /** n x T: 1 when item i fits an empty bin of type t (capacity only). */
  fitsType: Uint8Array;
  /** Per item: the fixed bin it is pinned to, or -1. */
  fixedOf: Int32Array;
  /** Bin type of each pre-existing (fixed) bin. */
  fixedBins: Int32Array;
};

function csr(n: number, lists: (readonly number[])[]): { start: Int32Array; flat: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + lists[i].length;
  const flat = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) flat.set(lists[i], start[i]);
  return { start, flat };
}

/**
 * Check the input's shape and build the packer's view of it. Throws RangeError on malformed input. Large inputs
 * take a good part of a second: `beat` is called every `BEAT_WORK` or so (progress).
 */
export function prepareProblem(input: PackInput, beat?: () => void): Problem {
  const { coords: C, itemCount: n, sizes, binTypes } = input;
  const meter = new Heartbeat(beat);
  if (!Number.isInteger(C) || C < 1) throw new RangeError(`coords must be a positive integer, got ${C}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`itemCount must be a non-negative integer, got ${n}`);
  if (sizes.length !== n * C) throw new RangeError(`sizes has ${sizes.length} values, expected ${n} x ${C}`);
  const T = binTypes.length;
  binTypes.forEach((b, t) => {
    if (b.capacity.length !== C) throw new RangeError(`bin type ${t} has ${b.capacity.length} capacities, expected ${C}`);
  });
  const caps = binTypes.map((b) => Float64Array.from(b.capacity, tolerantCapacity));
  const capMin = new Float64Array(T);
  const capSum = new Float64Array(T);
  const ref = new Float64Array(C);
  for (let t = 0; t < T; t++) {
    let mn = Infinity;
    let sm = 0;
    for (let c = 0; c < C; c++) {
      const v = binTypes[t].capacity[c];
      mn = Math.min(mn, caps[t][c]);
      sm += caps[t][c];
      if (binTypes[t].available > 0 && v > ref[c]) ref[c] = v;
    }
    capMin[t] = mn;
    capSum[t] = sm;
  }
  for (let c = 0; c < C; c++) if (!(ref[c] > 0)) ref[c] = 1;
  const weight = new Float64Array(n);
  const itemMax = new Float64Array(n);
  const itemSum = new Float64Array(n);
  // One pass over the sizes: normalised weight, max, sum, and the demand per coordinate.
  const demand = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    let w = 0;
    let mx = -Infinity;
    let sm = 0;
    const base = i * C;
    for (let c = 0; c < C; c++) {
      const s = sizes[base + c];
      w += s / ref[c];
      if (s > mx) mx = s;
      sm += s;
      demand[c] += s;
    }
    weight[i] = w / C;
    itemMax[i] = mx;
    itemSum[i] = sm;
    meter.add(C);
  }
  // A type's size weighs each coordinate by how scarce it is: the demand over the capacity that could
  // be opened (over the largest capacity when some type is unlimited), so spare room in a coordinate
  // nobody needs counts for little.
  const unlimited = binTypes.some((b) => b.available === Infinity);
  const scarcity = new Float64Array(C);
  let scarcitySum = 0;
  for (let c = 0; c < C; c++) {
    let supply = 0;
    if (unlimited) supply = ref[c];
    else for (let t = 0; t < T; t++) supply += binTypes[t].available * binTypes[t].capacity[c];
    scarcity[c] = supply > 0 ? demand[c] / supply : 0;
    scarcitySum += scarcity[c];
  }
  if (!(scarcitySum > 0)) {
    scarcity.fill(1);
    scarcitySum = C;
  }
  const typeSize = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += (scarcity[c] * binTypes[t].capacity[c]) / ref[c];
    typeSize[t] = Math.max(s / scarcitySum, 1e-12);
  }
  const fitsType = new Uint8Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      if (!(binTypes[t].available > 0)) continue;
      const cap = caps[t];
      let ok = true;
      for (let c = 0; c < C && ok; c++) ok = sizes[i * C + c] <= cap[c];
      fitsType[i * T + t] = ok ? 1 : 0;
    }
    meter.add(T * C);
  }

  const conflictLists: number[][] = Array.from({ length: n }, () => []);
  const conf = input.conflicts;
  if (conf) {
    if (conf.length % 2 !== 0) throw new RangeError('conflicts must hold pairs');
    for (let k = 0; k < conf.length; k += 2) {
      const a = conf[k];
      const b = conf[k + 1];
      if (a < 0 || b < 0 || a >= n || b >= n) throw new RangeError(`conflict (${a}, ${b}) names an item out of range`);
      if (a === b) continue;
      conflictLists[a].push(b);
      conflictLists[b].push(a);
      meter.add(PER_ENTRY);
    }
  }
  const { start: adjStart, flat: adj } = csr(n, conflictLists);

  const pc = input.productCost ?? [];
  const P = pc.reduce((m, row) => Math.max(m, row.length), 0);
  const productCost = binTypes.map((_, t) => {
    const row = new Float64Array(P);
    for (let p = 0; p < P; p++) row[p] = pc[t]?.[p] ?? 0;
    return row;
  });
  const prodLists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const list = [...new Set(input.itemProducts?.[i] ?? [])].filter((p) => p >= 0 && p < P);
    prodLists.push(list);
    meter.add(PER_ENTRY);
  }
  const { start: prodStart, flat: prod } = csr(n, prodLists);
  const hasLicences = prod.length > 0 && productCost.some((row) => row.some((v) => v !== 0));

  const fixedBins = Int32Array.from(input.fixedBins ?? []);
  for (const t of fixedBins) if (t < 0 || t >= T) throw new RangeError(`fixed bin of unknown type ${t}`);
  const fixedOf = new Int32Array(n).fill(-1);
  for (const [item, bin] of input.fixed ?? []) {
    if (item < 0 || item >= n) throw new RangeError(`fixed item ${item} out of range`);
    if (bin < 0 || bin >= fixedBins.length) throw new RangeError(`item ${item} pinned to unknown fixed bin ${bin}`);
    fixedOf[item] = bin;
  }

  return {
    input, n, C, T, sizes, caps, capMin, capSum,
    costs: Float64Array.from(binTypes, (b) => b.cost),
    avail: Float64Array.from(binTypes, (b) => b.available),
    ref, weight, itemMax, itemSum, typeSize, adjStart, adj, prodStart, prod, P, productCost, hasLicences,
    fitsType, fixedOf, fixedBins,
  };
}
