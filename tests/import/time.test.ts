import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil } from '../../core/util/calendar.ts';
import { excelSerialToMs, isoUtc, parseTimestamp, utcMs, zoneOffsetMs } from '../../core/import/time.ts';

const at = (cell: string | number, tz = 'UTC') => {
  const r = parseTimestamp(cell, tz);
  return r.ok ? isoUtc(r.value) : r.reason;
};

describe('time stamps without the clock', () => {
  it('civil date arithmetic agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600_000, max: 2_000_000 }) /* years 327 to 7445: Date.UTC reads years 0-99 as 19xx */, (days) => {
        const { y, m, d } = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
        expect(utcMs(y, m, d)).toBe(Date.UTC(y, m - 1, d));
      }),
    );
  });

  it('reads ISO with Z, offsets, and wall-clock time in a zone', () => {
    expect(at('2026-03-02T14:30:00Z')).toBe('2026-03-02T14:30:00Z');
    expect(at('2026-03-02T14:30:00+01:00')).toBe('2026-03-02T13:30:00Z');
    expect(at('2026-03-02 14:30', 'America/Chicago')).toBe('2026-03-02T20:30:00Z'); // CST, UTC-6
    expect(at('2026-07-02 14:30', 'America/Chicago')).toBe('2026-07-02T19:30:00Z'); // CDT, UTC-5
    expect(at('2026-03-02')).toBe('2026-03-02T00:00:00Z');
    expect(zoneOffsetMs('Asia/Kolkata', utcMs(2026, 1, 1))).toBe(5.5 * 3_600_000);
  });

  it('reads Excel serial dates and Unix epochs', () => {
    expect(isoUtc(excelSerialToMs(45658))).toBe('2025-01-01T00:00:00Z');
    expect(isoUtc(excelSerialToMs(45658.5))).toBe('2025-01-01T12:00:00Z');
    expect(isoUtc(excelSerialToMs(1))).toBe('1900-01-01T00:00:00Z');
    expect(at(45658.25, 'Europe/Paris')).toBe('2025-01-01T05:00:00Z');
    expect(at(1_772_409_600)).toBe('2026-03-02T00:00:00Z');
    expect(at(1_772_409_600_000)).toBe('2026-03-02T00:00:00Z');
  });

  it('says what is wrong with a bad time stamp', () => {
    expect(at('yesterday')).toMatch(/is not a date and time \("yesterday"\)/);
    expect(at('2026-13-01')).toMatch(/is not a valid date/);
    expect(at('')).toBe('is empty');
  });
});
