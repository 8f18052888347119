import { describe, expect, it } from 'vitest';
import { mapRvtools } from '../../core/import/rvtools.ts';
import { mergeImport } from '../../core/import/merge.ts';
import { sizeServers, DIMS } from '../../core/engine/sizing/sizing.ts';
import { BASIS_CODE, profileOf } from '../../core/engine/sizing/sizing-basis.ts';
import { rateCpuModel } from '../../core/model/cpu-catalogue.ts';
import { DEFAULT_RULES, type Server, type SizingRules } from '../../core/model/schema.ts';
import { HOSTS, usageExport } from './rvtools-fixture.ts';

const rules = (over: Partial<SizingRules> = {}): SizingRules => ({ ...DEFAULT_RULES, growthPct: 0, ...over });

function imported() {
  return mergeImport(null, mapRvtools(usageExport())).project;
}

function cpuDemand(servers: readonly Server[], r: SizingRules, series = imported().series) {
  const sizing = sizeServers(servers, series, r);
  let sum = 0;
  for (let i = 0; i < servers.length; i++) sum += sizing.peak[i * DIMS];
  return { sum, sizing };
}

describe('sizing basis', () => {
  it("sizes an export with vHost usage to within 5 % of its hosts' measured use (usage % x cores x rating per core)", () => {
    const project = imported();
    const on = project.estate.servers.filter((s) => s.name !== 'legacy-RIP'); // powered off: no measured use
    const { sum, sizing } = cpuDemand(on, rules(), project.series);
    const measured = HOSTS.reduce((a, [, , model, , cores, pct]) => a + (pct / 100) * cores * (rateCpuModel(model)?.ratingPerCore ?? 0), 0);
    expect(Math.abs(sum - measured) / measured).toBeLessThan(0.05);
    for (let i = 0; i < on.length; i++) expect(sizing.basis[i * 2]).toBe(BASIS_CODE.snapshot);
  });

  it('as allocated, sizes memory at 100 % and each vCPU at 1 / overcommit of a source core', () => {
    const project = imported();
    const s = project.estate.servers[0];
    const { sizing } = cpuDemand([s], rules({ sizing: 'allocated', cpuOvercommit: 4 }), project.series);
    expect(sizing.peak[0]).toBeCloseTo((s.cores * s.ratingPerCore) / 4, 3);
    expect(sizing.peak[1]).toBeCloseTo(s.memoryGiB, 3);
    expect(sizing.basis[0]).toBe(BASIS_CODE.allocation);
  });

  it('an allocation-only server takes the assumed utilisation, or a similar server\'s profile (seeded)', () => {
    const project = imported();
    const off = project.estate.servers.find((s) => s.name === 'legacy-RIP');
    if (!off) throw new Error('fixture');
    expect(off.usage?.snapshot ?? null).toBeNull();
    expect(profileOf(off, rules(), null)).toMatchObject({ cpuPct: 100, memPct: 100, cpuBasis: 'allocation' });
    expect(profileOf(off, rules({ assumedCpuPct: 30, assumedMemPct: 60 }), null)).toMatchObject({ cpuPct: 30, memPct: 60 });
    const { sizing } = cpuDemand(project.estate.servers, rules({ unmeasuredProfile: 'similar' }), project.series);
    const i = project.estate.servers.indexOf(off);
    const peer = sizing.peak[i * DIMS] / (off.cores * off.ratingPerCore) * 100;
    const candidates = project.estate.servers.filter((s) => s.usage?.snapshot?.cpuPct != null).map((s) => Math.min(100, (s.usage?.snapshot?.cpuPct ?? 0) * (s.usage?.snapshot?.cpuCalibration ?? 1)));
    expect(candidates.some((c) => Math.abs(c - peer) < 1e-3)).toBe(true);
    expect(sizing.basis[i * 2]).toBe(BASIS_CODE.allocation);
  });

  it('a summary wins over a snapshot, by the policy\'s statistic', () => {
    const s = { ...imported().estate.servers[0] };
    s.usage = { snapshot: s.usage?.snapshot ?? null, sourceCpuModel: null, summary: { cpuAvgPct: 10, cpuPeakPct: 70, cpuPercentilePct: 50, memPct: 40, iops: 300, networkMbps: 20, source: 't' } };
    expect(profileOf(s, rules({ policy: 'p95' }), null)).toMatchObject({ cpuPct: 50, memPct: 40, iops: 300, cpuBasis: 'summary', memBasis: 'summary' });
    expect(profileOf(s, rules({ policy: 'peak' }), null).cpuPct).toBe(70);
    expect(profileOf(s, rules({ policy: 'average' }), null).cpuPct).toBe(10);
  });
});
