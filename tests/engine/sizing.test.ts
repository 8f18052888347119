import { describe, expect, it } from 'vitest';
import { sizeServers, weekHourOf, DIMS } from '../../core/engine/sizing/sizing.ts';
import { emptySeries } from '../../core/model/series.ts';
import { estate, server } from './fixtures.ts';

const e = estate({ servers: [server('s1', { cores: 4, ratingPerCore: 10, memoryGiB: 20, storageGiB: 300 })] });
const rules = (over: Partial<typeof e.defaultRules> = {}) => ({ ...e.defaultRules, ...over });

/** Two weeks from Sunday: cpu% = day index + 1 (1..14) at every hour, mem 50%. */
function twoWeeks(start = '2026-03-01T00:00:00Z') {
  const s = emptySeries(start, 336, ['s1']);
  for (let t = 0; t < 336; t++) {
    s.cpuPct[t] = Math.floor(t / 24) + 1;
    s.memPct[t] = 50;
    s.iops[t] = t % 24;
    s.netMbps[t] = 5;
  }
  return s;
}

describe('sizing', () => {
  it('knows the hour of the week of a timestamp', () => {
    expect(weekHourOf('2026-03-01T00:00:00Z')).toBe(0); // a Sunday
    expect(weekHourOf('2026-03-02T05:00:00Z')).toBe(29); // Monday 05:00
    expect(weekHourOf('2026-02-28T23:00:00Z')).toBe(167); // Saturday 23:00
  });

  it('folds over a day with each policy (14 samples per hour: 1..14 %)', () => {
    const cpu = (policy: 'average' | 'p80' | 'p95' | 'peak') => sizeServers(e.servers, twoWeeks(), rules({ policy, foldOver: 'day' })).demand[5];
    // 4 cores x 10 rating = 40 rating units: 1 % = 0.4.
    expect(cpu('average')).toBeCloseTo(7.5 * 0.4, 5);
    expect(cpu('p80')).toBeCloseTo(12 * 0.4, 5); // nearest rank ceil(0.8 x 14) = 12
    expect(cpu('p95')).toBeCloseTo(14 * 0.4, 5); // ceil(0.95 x 14) = 14
    expect(cpu('peak')).toBeCloseTo(14 * 0.4, 5);
  });

  it('folds over a week aligned to Sunday 00:00 UTC, whatever the start', () => {
    const sz = sizeServers(e.servers, twoWeeks('2026-03-02T00:00:00Z'), rules({ policy: 'peak', foldOver: 'week' }));
    expect(sz.hours).toBe(168);
    // Series hour 0 is Monday 00:00 = week hour 24; days 1 and 8 land there: peak 8 %.
    expect(sz.demand[24]).toBeCloseTo(8 * 0.4, 5);
    // Week hour 0 (Sunday) holds series days 7 and 14.
    expect(sz.demand[0]).toBeCloseTo(14 * 0.4, 5);
  });

  it('applies growth to every dimension and keeps storage flat', () => {
    const sz = sizeServers(e.servers, twoWeeks(), rules({ policy: 'peak', foldOver: 'day', growthPct: 50 }));
    const H = 24;
    expect(sz.demand[1 * H + 3]).toBeCloseTo(20 * 0.5 * 1.5, 5); // memory GiB
    for (let h = 0; h < H; h++) expect(sz.demand[2 * H + h]).toBeCloseTo(450, 5); // storage 300 GiB x 1.5
    expect(sz.demand[3 * H + 7]).toBeCloseTo(7 * 1.5, 5); // IOPS are absolute
    expect(sz.peak[0]).toBeCloseTo(14 * 0.4 * 1.5, 5);
    expect(sz.peak.length).toBe(DIMS);
  });

  it('fills gaps with the max of the same hour of day and reports them', () => {
    const s = twoWeeks();
    // Blank week hour 30 (Monday 06:00) in both weeks; Monday's other hours of day 6 remain.
    s.cpuPct[30] = Number.NaN;
    s.cpuPct[30 + 168] = Number.NaN;
    const sz = sizeServers(e.servers, s, rules({ policy: 'average', foldOver: 'week' }));
    // Hour-of-day 6 max over the two weeks: day 14 (cpu 14 %).
    expect(sz.demand[30]).toBeCloseTo(14 * 0.4, 5);
    expect(sz.gapFills).toEqual([{ serverId: 's1', gapHours: 2, filledBuckets: 1, method: 'hour-of-day max' }]);
  });

  it('falls back to the p95 of the row, and sizes a server without series at nameplate', () => {
    const e2 = estate({ servers: [server('s1'), server('s2', { iops: 500, networkMbps: 100 })] });
    const s = emptySeries('2026-03-01T00:00:00Z', 24, ['s1']);
    for (let t = 0; t < 12; t++) {
      s.cpuPct[t] = 10 + t;
      s.memPct[t] = 10;
      s.iops[t] = 1;
      s.netMbps[t] = 1;
    }
    const sz = sizeServers(e2.servers, s, rules({ policy: 'peak', foldOver: 'day' }));
    // Hours 12..23 have no sample at that hour of day: p95 of 10..21 = 21 (ceil(0.95 x 12) = 12th).
    expect(sz.demand[20]).toBeCloseTo(21 * 0.4, 5);
    expect(sz.gapFills[0]).toMatchObject({ serverId: 's1', gapHours: 12, method: 'p95' });
    const s2 = DIMS * 24;
    expect(sz.demand[s2]).toBeCloseTo(40, 5); // 100 % of 40 rating units
    expect(sz.demand[s2 + 3 * 24]).toBe(500);
    expect(sz.gapFills[1]).toMatchObject({ serverId: 's2', gapHours: 24, method: 'nameplate' });
  });
});
