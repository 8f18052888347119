// Vector bin packing benchmark data: a tiny tar reader (ustar, GNU long names) over a gunzipped buffer,
// the .vbp parser, and the OPT/LB table reader.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PackInput } from '../../core/engine/pack/types.ts';

export type TarEntry = { name: string; data: Buffer };

/** Regular files of a .tar.gz, in archive order. */
export function readTarGz(file: string): TarEntry[] {
  const buf = gunzipSync(readFileSync(file));
  const out: TarEntry[] = [];
  let at = 0;
  let longName: string | null = null;
  const text = (from: number, len: number): string => {
    const raw = buf.subarray(from, from + len);
    const end = raw.indexOf(0);
    return raw.subarray(0, end < 0 ? raw.length : end).toString('utf8');
  };
  while (at + 512 <= buf.length) {
    if (buf[at] === 0) break;
    const size = parseInt(text(at + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(buf[at + 156] || 48);
    const prefix = text(at + 345, 155);
    let name = longName ?? (prefix ? `${prefix}/${text(at, 100)}` : text(at, 100));
    const dataAt = at + 512;
    if (type === 'L') longName = text(dataAt, size);
    else {
      longName = null;
      if (type === '0' || type === '\0') {
        name = name.replace(/^\.\//, '');
        out.push({ name, data: buf.subarray(dataAt, dataAt + size) });
      }
    }
    at = dataAt + Math.ceil(size / 512) * 512;
  }
  return out;
}

export type VbpInstance = {
  name: string;
  /** Dimensions. */
  d: number;
  capacity: number[];
  /** One row per item line: sizes and quantity. */
  lines: { size: number[]; q: number }[];
};

export function parseVbp(name: string, text: string): VbpInstance {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split(/\s+/).map(Number));
  const d = rows[0][0];
  const capacity = rows[1].slice(0, d);
  const m = rows[2][0];
  const lines = rows.slice(3, 3 + m).map((r) => ({ size: r.slice(0, d), q: r[d] ?? 1 }));
  if (lines.length !== m || capacity.length !== d) throw new Error(`${name}: malformed .vbp`);
  return { name, d, capacity, lines };
}

/** The packing problem of a .vbp instance: items expanded by quantity, in file order; one unlimited bin type. */
export function vbpToInput(inst: VbpInstance): PackInput {
  const n = inst.lines.reduce((s, l) => s + l.q, 0);
  const sizes = new Float64Array(n * inst.d);
  let k = 0;
  for (const l of inst.lines) {
    for (let r = 0; r < l.q; r++) sizes.set(l.size, inst.d * k++);
  }
  return {
    coords: inst.d,
    itemCount: n,
    sizes,
    binTypes: [{ capacity: Float64Array.from(inst.capacity), cost: 1, available: Infinity }],
  };
}

export type OptRow = { lb: number; opt: number };

/** `*_base_OPT.csv`: tab-separated instance_name, LB, OPT (-1 = unknown). */
export function readOptTable(file: string): Map<string, OptRow> {
  const map = new Map<string, OptRow>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [name, lb, opt] = line.split('\t');
    if (name) map.set(name.trim(), { lb: Number(lb), opt: Number(opt) });
  }
  return map;
}

/**
 * Check an assignment (one bin index per item, items in file order, a line with quantity q counting q
 * times) straight against the instance: returns the problems found (empty when feasible).
 */
export function verifyAssignment(inst: VbpInstance, binOf: ArrayLike<number>): string[] {
  const problems: string[] = [];
  const loads = new Map<number, number[]>();
  let k = 0;
  for (const line of inst.lines) {
    for (let r = 0; r < line.q; r++, k++) {
      const b = binOf[k];
      if (!(Number.isInteger(b) && b >= 0)) {
        problems.push(`item ${k} has no bin`);
        continue;
      }
      const load = loads.get(b) ?? new Array<number>(inst.d).fill(0);
      line.size.forEach((s, c) => (load[c] += s));
      loads.set(b, load);
    }
  }
  if (binOf.length !== k) problems.push(`${binOf.length} assignments for ${k} items`);
  for (const [b, load] of loads) {
    load.forEach((v, c) => {
      if (v > inst.capacity[c]) problems.push(`bin ${b} holds ${v} > ${inst.capacity[c]} in dimension ${c}`);
    });
  }
  const used = [...loads.keys()].sort((a, b) => a - b);
  if (used.some((b, idx) => b !== idx)) problems.push('bin indices are not 0..bins-1');
  return problems;
}
