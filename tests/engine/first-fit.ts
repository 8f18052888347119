/**
 * A trivial first-fit packer for testing the engine's domain layer apart from the real packer
 * (core/engine/pack). Honours capacities in every coordinate, conflicts and fixed items; reports progress once per item.
 */
import type { PackInput, PackOptions, PackSolution } from '../../core/engine/pack/types.ts';
import type { Packer } from '../../core/engine/types.ts';

export function firstFitPack(input: PackInput, options: PackOptions): PackSolution {
  const C = input.coords;
  const type = input.binTypes[0];
  const loads: Float64Array[] = [];
  const binOf = new Int32Array(input.itemCount).fill(-1);
  const conflicts = new Map<number, Set<number>>();
  const c = input.conflicts ?? new Int32Array(0);
  for (let k = 0; k < c.length; k += 2) {
    for (const [x, y] of [[c[k], c[k + 1]], [c[k + 1], c[k]]]) {
      let s = conflicts.get(x);
      if (!s) conflicts.set(x, (s = new Set()));
      s.add(y);
    }
  }
  const members: number[][] = [];
  const open = () => {
    loads.push(new Float64Array(C));
    members.push([]);
    return loads.length - 1;
  };
  const put = (i: number, b: number) => {
    for (let k = 0; k < C; k++) loads[b][k] += input.sizes[i * C + k];
    members[b].push(i);
    binOf[i] = b;
  };
  const fits = (i: number, b: number) => {
    for (let k = 0; k < C; k++) if (loads[b][k] + input.sizes[i * C + k] > type.capacity[k] * (1 + 1e-9) + 1e-9) return false;
    const cs = conflicts.get(i);
    return !cs || members[b].every((m) => !cs.has(m));
  };
  for (const _b of input.fixedBins ?? []) open();
  for (const [i, b] of input.fixed ?? []) put(i, b);
  const unplaced: number[] = [];
  for (let i = 0; i < input.itemCount; i++) {
    if (binOf[i] >= 0) continue;
    options.onProgress?.({ phase: 'construct', fraction: i / input.itemCount, bestCost: Number.NaN, bestBins: loads.length });
    let b = -1;
    for (let k = 0; k < loads.length && b < 0; k++) if (fits(i, k)) b = k;
    if (b < 0) {
      b = open();
      if (!fits(i, b)) {
        loads.pop();
        members.pop();
        unplaced.push(i);
        continue;
      }
    }
    put(i, b);
  }
  const binType = new Int32Array(loads.length);
  let cost = loads.length * type.cost;
  const pc = input.productCost?.[0] ?? [];
  for (const ms of members) {
    const used = new Set(ms.flatMap((m) => input.itemProducts?.[m] ?? []));
    for (const p of used) cost += pc[p] ?? 0;
  }
  return { binOf, binType, cost, unplaced };
}

export const firstFit: Packer = { pack: firstFitPack };
