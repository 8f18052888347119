import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../util/calendar.ts';
import { parseUtcHour, sundayUtcAtOrBefore, weekdayOfEpochDay, zoneClock } from './time.ts';

const HOUR = 3_600_000;

describe('parseUtcHour', () => {
  it('agrees with Date.UTC', () => {
    expect(parseUtcHour('2026-03-02T00:00:00Z')).toBe(Date.UTC(2026, 2, 2, 0));
    expect(parseUtcHour('2024-02-29T23:00:00.000Z')).toBe(Date.UTC(2024, 1, 29, 23));
    expect(parseUtcHour('1969-12-31T05:00:00Z')).toBe(Date.UTC(1969, 11, 31, 5));
  });

  it('rejects timestamps that are not on the hour in UTC', () => {
    for (const bad of ['2026-03-02T00:30:00Z', '2026-03-02T00:00:00+01:00', '2026-13-01T00:00:00Z', 'Monday']) {
      expect(() => parseUtcHour(bad)).toThrow(RangeError);
    }
  });
});

describe('calendar helpers', () => {
  it('counts days and weekdays like Date', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2026, 3, 2], [2031, 12, 31]]) {
      const days = daysFromCivil(y, m, d);
      expect(days * 24 * HOUR).toBe(Date.UTC(y, m - 1, d));
      expect(weekdayOfEpochDay(days)).toBe(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
    }
  });

  it('finds the Sunday 00:00 UTC at or before a time', () => {
    const monday = Date.UTC(2026, 2, 2, 0);
    expect(sundayUtcAtOrBefore(monday)).toBe(Date.UTC(2026, 2, 1, 0));
    expect(sundayUtcAtOrBefore(Date.UTC(2026, 2, 1, 0))).toBe(Date.UTC(2026, 2, 1, 0));
    expect(sundayUtcAtOrBefore(Date.UTC(2026, 2, 7, 23))).toBe(Date.UTC(2026, 2, 1, 0));
  });
});

describe('zoneClock', () => {
  it('follows the daylight-saving switch in New York (8 March 2026, 07:00 UTC)', () => {
    const start = Date.UTC(2026, 2, 2, 0);
    const c = zoneClock('America/New_York', start, 168);
    // Monday 00:00 UTC is Sunday 19:00 EST.
    expect([c.localHour[0], c.localDay[0], c.offsetMinutes[0]]).toEqual([19, 0, -300]);
    const switchHour = (Date.UTC(2026, 2, 8, 7) - start) / HOUR;
    expect(c.offsetMinutes[switchHour - 1]).toBe(-300);
    expect(c.localHour[switchHour - 1]).toBe(1);
    expect(c.offsetMinutes[switchHour]).toBe(-240);
    expect(c.localHour[switchHour]).toBe(3);
  });

  it('matches Intl hour by hour, also in Phoenix (no DST)', () => {
    const start = Date.UTC(2026, 2, 1, 0);
    for (const tz of ['America/Phoenix', 'America/Los_Angeles', 'America/Chicago']) {
      const c = zoneClock(tz, start, 24 * 14);
      const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', hour: 'numeric', weekday: 'short' });
      const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
      for (let h = 0; h < c.localHour.length; h++) {
        const parts = fmt.formatToParts(start + h * HOUR);
        expect(c.localHour[h]).toBe(Number(parts.find((p) => p.type === 'hour')?.value) % 24);
        expect(days[c.localDay[h]]).toBe(parts.find((p) => p.type === 'weekday')?.value);
      }
      if (tz === 'America/Phoenix') expect(new Set(c.offsetMinutes).size).toBe(1);
    }
  });
});
