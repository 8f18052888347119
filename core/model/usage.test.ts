import { describe, expect, it } from 'vitest';
import { decodeProject, encodeProject } from '../project-file/codec.ts';
import { emptyEstate } from './defaults.ts';
import type { Server } from './schema.ts';
import { emptySeries } from './series.ts';
import { validateEstate } from './validate.ts';

function serverWith(usage: unknown): Record<string, unknown> {
  return {
    id: 'vm-1', name: 'web-1', dataCentreId: 'dc1', departmentId: 'd', applicationId: null, tier: null, environment: 'prod', os: 'Linux',
    cores: 4, ratingPerCore: 40, memoryGiB: 16, storageGiB: 100, iops: 0, networkMbps: 0, virtualisable: true, blocker: null,
    zoneId: null, maintenanceWindow: null, drPartnerId: null, usage,
  };
}

function estateWith(server: Record<string, unknown>) {
  const e = emptyEstate('Usage');
  return {
    ...e,
    dataCentres: [{ id: 'dc1', name: 'One', city: '', latitude: null, longitude: null, timeZone: 'UTC', tier: 3, powerKw: 0, rackCapacity: 0, status: 'keep', costPerMonth: 0 }],
    departments: [{ id: 'd', name: 'D' }],
    servers: [server],
  };
}

describe('server usage evidence (schema)', () => {
  it('accepts a snapshot and a summary, fills their defaults, and survives a .cwb round trip', () => {
    const v = validateEstate(estateWith(serverWith({ snapshot: { cpuPct: 12.5, memPct: 40, cpuSource: 'vCPU Overall 900 MHz' }, summary: { cpuAvgPct: 10, cpuPeakPct: 55 }, sourceCpuModel: 'Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz' })));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const usage = v.value.servers[0].usage;
    expect(usage?.snapshot?.cpuCalibration).toBe(1);
    expect(usage?.summary?.memPct).toBeNull();
    const bytes = encodeProject({ estate: v.value, series: emptySeries('2025-01-06T00:00:00Z', 1, []) }, { appVersion: 't', nowUtc: '2025-01-01T00:00:00Z' });
    const back = decodeProject(bytes);
    expect(back.ok ? 'ok' : back.error.message).toBe('ok');
    if (!back.ok) return;
    expect(back.project.estate.servers[0].usage).toEqual(usage);
  });

  it('a server without usage stays without it (older projects are unchanged)', () => {
    const s = serverWith(undefined);
    delete s.usage;
    const v = validateEstate(estateWith(s));
    expect(v.ok && (v.value.servers[0] as Server).usage).toBeUndefined();
  });

  it.each([
    [{ snapshot: { cpuPct: 130 } }, 'servers[0].usage.snapshot.cpuPct'],
    [{ summary: { cpuPeakPct: -1 } }, 'servers[0].usage.summary.cpuPeakPct'],
    [{ snapshot: { cpuCalibration: 0 } }, 'servers[0].usage.snapshot.cpuCalibration'],
  ])('refuses %j naming the field', (usage, path) => {
    const v = validateEstate(estateWith(serverWith(usage)));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.map((p) => p.path)).toContain(path);
  });
});
