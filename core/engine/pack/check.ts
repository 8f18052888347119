/**
 * An independent checker for packings (tests, benchmarks, and callers that want to verify a result):
 * recomputes every bin's load from scratch and prices the solution.
 */
import { tolerantCapacity } from './problem.ts';
import type { PackInput, PackSolution } from './types.ts';

/** Cost of a packing: bin type costs plus each bin's licences. */
export function solutionCost(input: PackInput, binOf: Int32Array, binType: Int32Array): number {
  let cost = 0;
  const products: Set<number>[] = Array.from(binType, () => new Set<number>());
  for (let i = 0; i < input.itemCount; i++) {
    const b = binOf[i];
    if (b >= 0) for (const q of input.itemProducts?.[i] ?? []) products[b].add(q);
  }
  binType.forEach((t, b) => {
    cost += input.binTypes[t].cost;
    for (const q of products[b]) cost += input.productCost?.[t]?.[q] ?? 0;
  });
  return cost;
}

/** Every broken rule of a packing, as readable messages (empty when the packing is valid). */
export function checkSolution(input: PackInput, sol: PackSolution): string[] {
  const { coords: C, itemCount: n, sizes, binTypes } = input;
  const problems: string[] = [];
  const nb = sol.binType.length;
  if (sol.binOf.length !== n) problems.push(`binOf has ${sol.binOf.length} entries for ${n} items`);
  const loads = Array.from({ length: nb }, () => new Float64Array(C));
  const unplaced = new Set(sol.unplaced);
  // Availability counts every bin of a type, the fixed ones included; fixed bins beyond it still exist, but
  // then no new bin of that type may be opened.
  const fixedBins = input.fixedBins ?? [];
  const fixedOfType = new Array<number>(binTypes.length).fill(0);
  fixedBins.forEach((t) => fixedOfType[t]++);
  const opened = new Array<number>(binTypes.length).fill(0);
  sol.binType.forEach((t, b) => {
    if (b >= fixedBins.length) opened[t]++;
  });
  opened.forEach((u, t) => {
    const room = Math.max(0, binTypes[t].available - fixedOfType[t]);
    if (u > room) problems.push(`${u} new bins of type ${t}, only ${room} may be opened`);
  });
  sol.binType.forEach((_t, b) => {
    if (b >= fixedBins.length && !sol.binOf.includes(b)) problems.push(`bin ${b} is empty but not a fixed bin`);
  });
  fixedBins.forEach((t, b) => {
    if (sol.binType[b] !== t) problems.push(`fixed bin ${b} should be type ${t}, is ${sol.binType[b]}`);
  });
  for (let i = 0; i < n; i++) {
    const b = sol.binOf[i];
    if (b < 0) {
      if (!unplaced.has(i)) problems.push(`item ${i} is neither placed nor listed unplaced`);
      continue;
    }
    if (unplaced.has(i)) problems.push(`item ${i} is placed and listed unplaced`);
    if (b >= nb) {
      problems.push(`item ${i} in bin ${b} of ${nb}`);
      continue;
    }
    for (let c = 0; c < C; c++) loads[b][c] += sizes[i * C + c];
    const pin = input.fixed?.get(i);
    if (pin !== undefined && pin !== b) problems.push(`item ${i} pinned to bin ${pin}, placed in ${b}`);
  }
  loads.forEach((load, b) => {
    const cap = binTypes[sol.binType[b]].capacity;
    for (let c = 0; c < C; c++) {
      if (load[c] > tolerantCapacity(cap[c])) {
        problems.push(`bin ${b} over capacity in coordinate ${c}: ${load[c]} > ${cap[c]}`);
        break;
      }
    }
  });
  const conf = input.conflicts ?? new Int32Array(0);
  for (let k = 0; k < conf.length; k += 2) {
    const a = conf[k];
    const b = conf[k + 1];
    if (a !== b && sol.binOf[a] >= 0 && sol.binOf[a] === sol.binOf[b]) problems.push(`items ${a} and ${b} conflict but share bin ${sol.binOf[a]}`);
  }
  const cost = solutionCost(input, sol.binOf, sol.binType);
  if (Math.abs(cost - sol.cost) > 1e-6 * Math.max(1, Math.abs(cost))) problems.push(`cost ${sol.cost} but the packing costs ${cost}`);
  return problems;
}
