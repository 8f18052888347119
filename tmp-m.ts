import { readProjectFile } from './electron/services/project-store.ts';
import { planProject } from './core/engine/engine.ts';
import { defaultPacker } from './core/engine/default-packer.ts';
const read = await readProjectFile('resources/samples/17-into-3.cwb');
if (!read.ok) throw new Error('read');
const sc = read.project.estate.scenarios.find((s) => s.id === 'scn-keep-3')!;
const t0 = performance.now();
const c0 = process.cpuUsage();
const cpu = () => { const c = process.cpuUsage(c0); return ((c.user + c.system) / 1e6).toFixed(2); };
const effort = Number(process.argv[2] ?? 1_000_000);
const plan = planProject(read.project, sc.id, {
  packer: defaultPacker, now: () => performance.now(), effort,
  onPlan: (p) => console.log(`first ${((performance.now() - t0) / 1000).toFixed(2)} s (cpu ${cpu()} s) hosts ${p.hostsUsed} bound ${p.bounds.total} cost ${p.cost.total}`),
  onBest: (p) => console.log(`best ${((performance.now() - t0) / 1000).toFixed(2)} s (cpu ${cpu()} s) foundAt ${p.search?.foundAt} hosts ${p.hostsUsed} cost ${p.cost.total}`),
});
console.log(`effort ${effort} final ${((performance.now() - t0) / 1000).toFixed(2)} s (cpu ${cpu()} s) foundAt ${plan.search?.foundAt} hosts ${plan.hostsUsed} cost ${plan.cost.total} stopped ${plan.search?.stoppedBy}`);
