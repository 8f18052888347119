import { describe, expect, it } from 'vitest';
import { emptySeries } from '../model/series.ts';
import { decodeSeries, encodeSeries, swap32 } from './series-layout.ts';
import { joinBytes } from '../util/bytes.ts';

describe('series layout', () => {
  const s = emptySeries('2026-03-01T00:00:00Z', 3, ['a', 'b']);
  s.cpuPct.set([1, 2, 3, 4, Number.NaN, 6]);
  s.iops.set([0, -0, 1e9, 5, 6, 7]);
  const payloadNaN = new Uint8Array([0x01, 0x00, 0xc0, 0x7f]); // a NaN with a payload, little-endian
  new Uint8Array(s.netMbps.buffer).set(payloadNaN, 8);

  it('round-trips bit for bit, NaN payloads and -0 included', () => {
    const { index, parts } = encodeSeries(s);
    expect(index.metrics.map((m) => m.name)).toEqual(['cpuPct', 'memPct', 'iops', 'netMbps']);
    const back = decodeSeries(JSON.parse(JSON.stringify(index)), joinBytes(parts));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    for (const m of ['cpuPct', 'memPct', 'iops', 'netMbps'] as const) {
      expect(new Uint8Array(back.series[m].buffer)).toEqual(new Uint8Array(s[m].buffer));
    }
    expect(Object.is(back.series.iops[1], -0)).toBe(true);
  });

  it('refuses arrays of the wrong length on both sides', () => {
    expect(() => encodeSeries({ ...s, memPct: new Float32Array(5) })).toThrow(/2 servers x 3 hours = 6 values/);
    const { index, parts } = encodeSeries(s);
    const short = decodeSeries({ ...index, hours: 4 }, joinBytes(parts));
    expect(!short.ok && short.error.code).toBe('series-length-mismatch');
    expect(!short.ok && short.error.message).toMatch(/series\.cpuPct has 6 values; 2 servers x 4 hours needs 8/);
    const cut = decodeSeries(index, joinBytes(parts).subarray(0, 90));
    expect(!cut.ok && cut.error.code).toBe('series-length-mismatch');
    const missing = decodeSeries({ ...index, metrics: index.metrics.slice(1).map((m, i) => ({ ...m, offset: i * 24 })) }, joinBytes(parts).subarray(24));
    expect(!missing.ok && missing.error.code).toBe('invalid-series');
    expect(!missing.ok && missing.error.message).toMatch(/no cpuPct/);
  });

  it('swaps byte order', () => {
    expect(swap32(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toEqual(new Uint8Array([4, 3, 2, 1, 8, 7, 6, 5]));
  });
});
