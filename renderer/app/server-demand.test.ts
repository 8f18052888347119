import { describe, expect, it } from 'vitest';
import { planProject } from '../../core/engine/engine.ts';
import { defaultPacker } from '../../core/engine/default-packer.ts';
import { DIMENSIONS, type Plan } from '../../core/engine/plan.ts';
import type { Project } from '../../core/model/project.ts';
import { generateProject, MAIN_SCENARIO_ID } from '../../core/sample/generate.ts';
import { createServerSeries } from './server-demand.ts';

function runPlan(project: Project): Plan {
  let t = 0;
  return planProject(project, MAIN_SCENARIO_ID, { packer: defaultPacker, now: () => (t += 1), effort: 0 });
}

/** A small sample estate (affinity groups, DR pairs) with gaps punched into a few series rows. */
function smallProject(): Project {
  const p = generateProject({ servers: 40, seed: 'server-demand' });
  const T = p.series.hours;
  for (const r of [0, 3, 7]) for (let t = 0; t < Math.min(T, 30); t++) p.series.cpuPct[r * T + t] = Number.NaN;
  // two virtualisable servers of one site made affine: the engine packs them as one item
  const [a, b] = p.estate.servers.filter((s) => s.virtualisable && s.dataCentreId === p.estate.servers[0].dataCentreId && !s.drPartnerId && s.antiAffinityGroups.length === 0);
  const servers = p.estate.servers.map((s) => (s === a || s === b ? { ...s, affinityGroups: [...s.affinityGroups, 'aff-test'] } : s));
  return { ...p, estate: { ...p.estate, servers } };
}

describe('createServerSeries', () => {
  const project = smallProject();
  const plan = runPlan(project);
  const scenario = project.estate.scenarios.find((s) => s.id === MAIN_SCENARIO_ID);
  if (!scenario) throw new Error('no main scenario');

  it('the sized series of a host’s servers sum to the plan’s host load (affinity merges and gap fills included)', () => {
    const series = createServerSeries(project, scenario, plan);
    const hosts = plan.hosts.filter((h) => !h.spare);
    expect(hosts.length).toBeGreaterThan(0);
    // the fixture does exercise gap filling and affinity merging
    expect(plan.gapFills.length).toBeGreaterThan(0);
    expect(project.estate.servers.some((s) => s.affinityGroups.length > 0)).toBe(true);
    const H = plan.hours;
    for (const host of hosts) {
      for (const dim of DIMENSIONS) {
        const d = DIMENSIONS.indexOf(dim);
        const sum = new Float64Array(H);
        for (const id of host.serverIds) {
          const s = series(id, dim);
          if (!s) throw new Error(`no series for ${id}`);
          expect(s.length).toBe(H);
          for (let h = 0; h < H; h++) sum[h] += s[h];
        }
        for (let h = 0; h < H; h++) {
          const load = host.load[d * H + h];
          expect(Math.abs(sum[h] - load)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(load)));
        }
      }
    }
  });

  it('sizes one host at a time and caches per server', () => {
    const series = createServerSeries(project, scenario, plan);
    const host = plan.hosts.find((h) => !h.spare && h.serverIds.length > 1);
    if (!host) throw new Error('no shared host');
    const a = series(host.serverIds[0], 'cpu');
    // same buffer on a second call: cached, not re-sized
    expect(series(host.serverIds[0], 'memory')?.buffer).toBe(a?.buffer);
    expect(series(host.serverIds[1], 'cpu')?.buffer).toBe(a?.buffer);
    expect(series('no-such-server', 'cpu')).toBeNull();
  });

  it('returns null when the scenario’s fold no longer matches the plan’s hours', () => {
    const folded = { ...scenario, rules: { ...scenario.rules, foldOver: plan.hours === 168 ? ('day' as const) : ('week' as const) } };
    const series = createServerSeries(project, folded, plan);
    const host = plan.hosts.find((h) => !h.spare);
    expect(host && series(host.serverIds[0], 'cpu')).toBeNull();
  });
});
