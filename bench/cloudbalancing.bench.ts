// `npm run bench -- cloudbalancing [--budget-ms M] [--only NAME] [--wall]`
// Heterogeneous hosts with costs: the cloud-balancing instances in ../shared/data/cloudbalancing. Identical
// computers become one bin type with availability = their count; each packing is mapped back to computer
// ids and checked against the JSON, then its cost is compared with the README's lower bound.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lowerBound } from '../core/engine/pack/bounds.ts';
import { checkSolution } from '../core/engine/pack/check.ts';
import { pack } from '../core/engine/pack/pack.ts';
import type { BinType, PackInput } from '../core/engine/pack/types.ts';
import { createRng } from '../core/util/random.ts';
import { argValue, cpuClock, sharedDataDir } from './lib/pack-args.ts';

type Computer = { id: number; cpuPower: number; memory: number; networkBandwidth: number; cost: number };
type Process = { id: number; requiredCpuPower: number; requiredMemory: number; requiredNetworkBandwidth: number };
type Instance = { name: string; computers: Computer[]; processes: Process[] };

/** Lower bounds from the data README (capacity-cover relaxation). */
const README_BOUNDS: Record<string, number> = {
  '100computers-300processes': 96_670,
  '200computers-600processes': 169_230,
  '400computers-1200processes': 361_010,
  '800computers-2400processes': 747_420,
  '1600computers-4800processes': 1_513_290,
};

function toInput(inst: Instance): { input: PackInput; groups: Computer[][] } {
  const byKey = new Map<string, Computer[]>();
  for (const c of inst.computers) {
    const key = `${c.cpuPower}/${c.memory}/${c.networkBandwidth}/${c.cost}`;
    const g = byKey.get(key);
    if (g) g.push(c);
    else byKey.set(key, [c]);
  }
  const groups = [...byKey.values()];
  const binTypes: BinType[] = groups.map((g) => ({
    capacity: Float64Array.from([g[0].cpuPower, g[0].memory, g[0].networkBandwidth]),
    cost: g[0].cost,
    available: g.length,
  }));
  const sizes = new Float64Array(inst.processes.length * 3);
  inst.processes.forEach((p, i) => sizes.set([p.requiredCpuPower, p.requiredMemory, p.requiredNetworkBandwidth], i * 3));
  return { input: { coords: 3, itemCount: inst.processes.length, sizes, binTypes }, groups };
}

/** Check a process -> computer assignment against the JSON itself; returns its cost or throws. */
function verify(inst: Instance, computerOf: number[]): number {
  const byId = new Map(inst.computers.map((c) => [c.id, c]));
  const load = new Map<number, [number, number, number]>();
  inst.processes.forEach((p, i) => {
    const id = computerOf[i];
    if (!byId.has(id)) throw new Error(`process ${p.id} has no computer`);
    const l = load.get(id) ?? [0, 0, 0];
    l[0] += p.requiredCpuPower;
    l[1] += p.requiredMemory;
    l[2] += p.requiredNetworkBandwidth;
    load.set(id, l);
  });
  let cost = 0;
  for (const [id, l] of load) {
    const c = byId.get(id)!;
    if (l[0] > c.cpuPower || l[1] > c.memory || l[2] > c.networkBandwidth) throw new Error(`computer ${id} over capacity`);
    cost += c.cost;
  }
  return cost;
}

export async function run(args: string[]): Promise<void> {
  const dir = path.join(sharedDataDir(), 'cloudbalancing');
  if (!existsSync(dir)) {
    console.log(`cloudbalancing: skipped, benchmark data not found at ${dir}`);
    return;
  }
  const budgetMs = Number(argValue(args, '--budget-ms') ?? 3000);
  // The machine is shared: by default the budget runs on this process's CPU time (wall time with --wall).
  const wall = args.includes('--wall');
  const clock = wall ? () => performance.now() : cpuClock;
  const only = argValue(args, '--only');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  console.log(`budget ${budgetMs} ms of ${wall ? 'wall' : 'CPU'} time per instance after the first solution`);
  console.log('instance                        types  cost        bound       cost/bound  own LB      first cost  CPU ms  wall ms');
  for (const f of files) {
    const inst = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Instance;
    if (only && inst.name !== only) continue;
    const { input, groups } = toInput(inst);
    let first = Number.NaN;
    const t0 = performance.now();
    const c0 = cpuClock();
    const sol = pack(input, {
      rng: createRng(inst.name),
      now: clock,
      budgetMs,
      onImprove: (s) => {
        if (Number.isNaN(first)) first = s.cost;
      },
    });
    const ms = performance.now() - t0;
    const cpuMs = cpuClock() - c0;
    const problems = checkSolution(input, sol);
    if (problems.length > 0 || sol.unplaced.length > 0) throw new Error(`${inst.name}: invalid packing: ${problems.slice(0, 3).join('; ')}`);
    // Bins of type t take that group's computers in order.
    const next = new Array<number>(groups.length).fill(0);
    const computerOfBin = Array.from(sol.binType, (t) => groups[t][next[t]++].id);
    const cost = verify(inst, Array.from(sol.binOf, (b) => computerOfBin[b]));
    const bound = README_BOUNDS[inst.name];
    const ratio = bound ? (cost / bound).toFixed(4) : 'n/a';
    console.log(
      `${inst.name.padEnd(31)} ${String(groups.length).padStart(5)}  ${String(cost).padEnd(10)}  ${String(bound ?? 'n/a').padEnd(10)}  ${ratio.padEnd(10)}  ${String(Math.ceil(lowerBound(input))).padEnd(10)}  ${String(first).padEnd(10)}  ${cpuMs.toFixed(0).padStart(6)}  ${ms.toFixed(0).padStart(7)}`,
    );
  }
}
