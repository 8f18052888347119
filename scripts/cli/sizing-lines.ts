/** The CLI's sizing-basis lines (issue 12): shares of demand per basis, the host range, calibration, a banner. */
import type { Plan } from '../../core/engine/plan.ts';
import { basisLine, basisSummary, hostRange, rangeLine } from '../../core/engine/sizing/sizing-summary.ts';
import type { Project } from '../../core/model/project.ts';

export function sizingLines(project: Project, scenarioId: string, plan: Plan): string[] {
  const b = basisSummary(project, scenarioId);
  const out = [basisLine(b)];
  if (b.servers.allocation > 0 && b.mode === 'performance') {
    out.push(`  ${b.servers.allocation} server(s) with no usage data sized at ${b.profile === 'similar' ? 'the profile of similar servers' : `an assumed ${b.assumedCpuPct}% CPU and ${b.assumedMemPct}% memory`}`);
  }
  for (const c of b.calibration) out.push(`  calibrated against vHost usage: ${c.by}, ${c.servers} VMs, mean CPU factor ${c.meanCpuFactor.toFixed(2)}`);
  const r = hostRange(project, scenarioId, plan);
  if (r) out.push(rangeLine(r));
  if (b.notMeasuredCpu > 0.2) out.push(`Note: ${Math.round(b.notMeasuredCpu * 100)}% of CPU demand is not measured (snapshot or allocation only): import performance data to firm up the host count.`);
  return out;
}
