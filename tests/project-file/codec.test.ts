import { describe, expect, it } from 'vitest';
import { decodeProject, encodeProject } from '../../core/project-file/codec.ts';
import type { SeriesSet } from '../../core/model/series.ts';
import { firstDifference, jsonOf, unpack } from './hostile-zip.ts';
import { makeProject } from './make-project.ts';

const META = { appVersion: '0.1.0', nowUtc: '2026-11-22T12:00:00Z' };

function bitsOf(s: SeriesSet, m: 'cpuPct' | 'memPct' | 'iops' | 'netMbps'): Uint8Array {
  return new Uint8Array(s[m].buffer, s[m].byteOffset, s[m].byteLength);
}

describe('.cwb round trip', () => {
  const project = makeProject({ servers: 300, hours: 168, seed: 'round-trip' });

  it('decodes to an equal estate and bit-identical series, NaN gaps included', () => {
    const gaps = Array.from(project.series.cpuPct).filter(Number.isNaN).length;
    expect(gaps).toBeGreaterThan(100);
    const result = decodeProject(encodeProject(project, META));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBeNull();
    expect(result.project.estate).toEqual(project.estate);
    const { series } = result.project;
    expect([series.startUtc, series.hours, series.serverIds]).toEqual([project.series.startUtc, 168, project.series.serverIds]);
    for (const m of ['cpuPct', 'memPct', 'iops', 'netMbps'] as const) {
      expect(series[m]).toBeInstanceOf(Float32Array);
      expect(firstDifference(bitsOf(series, m), bitsOf(project.series, m))).toBe(-1);
    }
  });

  it('writes the manifest with format, versions, times and counts', () => {
    const bytes = encodeProject(project, { ...META, createdUtc: '2026-01-05T09:30:00Z' });
    const manifest = jsonOf(bytes, 'manifest.json');
    expect(manifest).toEqual({
      format: 'cwb',
      formatVersion: 3,
      appVersion: '0.1.0',
      createdUtc: '2026-01-05T09:30:00Z',
      modifiedUtc: '2026-11-22T12:00:00Z',
      counts: { dataCentres: 4, servers: 300, applications: 38, scenarios: 1, seriesRows: 300, seriesHours: 168 },
    });
    const result = decodeProject(bytes);
    expect(result.ok && result.manifest).toEqual(manifest);
  });

  it('stores the series as an index and little-endian float32 columns', () => {
    const files = unpack(encodeProject(project, META));
    expect(Object.keys(files)).toEqual(['manifest.json', 'estate.json', 'series.json', 'series.bin']);
    const index = jsonOf(encodeProject(project, META), 'series.json');
    expect(index).toMatchObject({ hours: 168, valueType: 'float32', byteOrder: 'little-endian' });
    const bin = files['series.bin'];
    expect(bin.length).toBe(4 * 300 * 168 * 4);
    const view = new DataView(bin.buffer, bin.byteOffset);
    const firstCpu = project.series.cpuPct[0];
    expect(Object.is(view.getFloat32(0, true), firstCpu) || (Number.isNaN(firstCpu) && Number.isNaN(view.getFloat32(0, true)))).toBe(true);
  });

  it('is deterministic: the same input gives the same bytes, and a decoded project re-encodes identically', () => {
    const a = encodeProject(project, META);
    expect(firstDifference(encodeProject(project, META), a)).toBe(-1);
    expect(firstDifference(encodeProject(project, { ...META, nowUtc: '2026-11-22T12:00:02Z' }), a)).toBeGreaterThanOrEqual(0);
    const once = decodeProject(a);
    if (!once.ok) throw new Error(once.error.message);
    const b = encodeProject(once.project, META);
    const twice = decodeProject(b);
    if (!twice.ok) throw new Error(twice.error.message);
    expect(firstDifference(encodeProject(twice.project, META), b)).toBe(-1);
  });

  it('round-trips with every compression choice and an empty estate', () => {
    for (const seriesLevel of [0, 1, 6] as const) {
      const r = decodeProject(encodeProject(project, META, { seriesLevel, estateLevel: 1 }));
      expect(r.ok && firstDifference(bitsOf(r.project.series, 'netMbps'), bitsOf(project.series, 'netMbps'))).toBe(-1);
    }
    const empty = makeProject({ servers: 0, hours: 24 });
    const r = decodeProject(encodeProject(empty, META));
    expect(r.ok && r.project.estate.servers).toEqual([]);
  });

  it('refuses to encode malformed input', () => {
    expect(() => encodeProject(project, { ...META, nowUtc: 'yesterday' })).toThrow(/not an ISO 8601 UTC timestamp/);
    const broken = { ...project, series: { ...project.series, iops: new Float32Array(3) } };
    expect(() => encodeProject(broken, META)).toThrow(/series\.iops must be a Float32Array of 300 servers x 168 hours/);
  });
});
