import { describe, expect, it } from 'vitest';
import { migrateEstateV1, migrateSeriesV1, migrateV1ToV2 } from './migrations.ts';

describe('format 1 -> 2 migration', () => {
  it('turns memoryMB into memoryGiB without touching the input', () => {
    const v1 = { name: 'x', servers: [{ id: 'a', memoryMB: 2048 }, { id: 'b', memoryMB: 768 }] };
    const r = migrateEstateV1(v1);
    expect(r).toEqual({ ok: true, estate: { name: 'x', servers: [{ id: 'a', memoryGiB: 2 }, { id: 'b', memoryGiB: 0.75 }] } });
    expect(v1.servers[0]).toEqual({ id: 'a', memoryMB: 2048 });
  });

  it('names servers whose memory cannot be converted, in format 1 terms', () => {
    const r = migrateEstateV1({ servers: [{ id: 'a', memoryMB: 1 }, { id: 'b', memoryMB: '16 GB' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('schema');
    expect(r.error.message).toMatch(/servers\[1\]\.memoryMB: must be a positive number of megabytes \(value: "16 GB"\)/);
  });

  it('turns per-server arrays into columns, null into NaN', () => {
    const r = migrateSeriesV1({
      startUtc: '2025-01-01T00:00:00Z',
      hours: 2,
      servers: [
        { id: 'a', cpuPct: [1, null], memPct: [2, 3], iops: [4, 5], netMbps: [6, 7] },
        { id: 'b', cpuPct: [8, 9], memPct: [null, null], iops: [10, 11], netMbps: [12, 13] },
      ],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.series.cpuPct)).toEqual([1, NaN, 8, 9]);
    expect(Array.from(r.series.memPct)).toEqual([2, 3, NaN, NaN]);
    expect(r.series.serverIds).toEqual(['a', 'b']);
  });

  it('reports a server whose arrays do not match the timeline', () => {
    const r = migrateSeriesV1({ startUtc: '2025-01-01T00:00:00Z', hours: 3, servers: [{ id: 'a', cpuPct: [1, 2, 3], memPct: [1, 2], iops: [1, 2, 3], netMbps: [1, 2, 3] }] });
    expect(!r.ok && r.error.code).toBe('series-length-mismatch');
    expect(!r.ok && r.error.message).toBe('series.servers[0].memPct (server a) has 2 hourly values; the timeline has 3 hours.');
  });

  it('checks the format 1 manifest', () => {
    const r = migrateV1ToV2({ manifest: { format: 'cwb', formatVersion: 1, appVersion: '0.0.9' }, estate: {}, series: {} });
    expect(!r.ok && r.error.code).toBe('bad-manifest');
    expect(!r.ok && r.error.message).toMatch(/manifest\.savedUtc/);
  });
});
