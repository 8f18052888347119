import { describe, expect, it } from 'vitest';
import { DATA_CENTRES, EQUIPMENT_DELAY_MS, USER_SITES, greatCircleKm, latencyFromDistanceMs } from './geography.ts';

describe('greatCircleKm', () => {
  // Reference distances (haversine on the mean Earth radius, city-centre coordinates).
  it.each([
    ['New York - Los Angeles', 40.7128, -74.006, 34.0522, -118.2437, 3936],
    ['Chicago - New York', 41.8781, -87.6298, 40.7128, -74.006, 1145],
    ['London - Paris', 51.5074, -0.1278, 48.8566, 2.3522, 344],
    ['Dallas - Denver', 32.7767, -96.797, 39.7392, -104.9903, 1064],
  ])('%s is about %i km', (_name, lat1, lon1, lat2, lon2, km) => {
    const d = greatCircleKm(lat1, lon1, lat2, lon2);
    expect(Math.abs(d - km) / km).toBeLessThan(0.005);
    expect(greatCircleKm(lat2, lon2, lat1, lon1)).toBeCloseTo(d, 9);
  });

  it('is zero for the same point and half the circumference for antipodes', () => {
    expect(greatCircleKm(39.04, -77.49, 39.04, -77.49)).toBe(0);
    expect(greatCircleKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('latencyFromDistanceMs', () => {
  it('is 1 ms of round trip per 100 km plus the equipment delay', () => {
    expect(latencyFromDistanceMs(0)).toBe(EQUIPMENT_DELAY_MS);
    expect(latencyFromDistanceMs(1000)).toBe(12);
    expect(latencyFromDistanceMs(2500)).toBe(27);
  });

  it('gives ~41 ms between New York and Los Angeles', () => {
    expect(latencyFromDistanceMs(greatCircleKm(40.7128, -74.006, 34.0522, -118.2437))).toBeCloseTo(41.4, 1);
  });

  it('rejects a negative or non-finite distance', () => {
    expect(() => latencyFromDistanceMs(-1)).toThrow(RangeError);
    expect(() => latencyFromDistanceMs(Number.NaN)).toThrow(RangeError);
  });
});

describe('the sites', () => {
  it('has 17 data centres and 10 to 20 offices, all in the continental US with a known time zone', () => {
    expect(DATA_CENTRES).toHaveLength(17);
    expect(USER_SITES.length).toBeGreaterThanOrEqual(10);
    expect(USER_SITES.length).toBeLessThanOrEqual(20);
    for (const s of [...DATA_CENTRES, ...USER_SITES]) {
      expect(s.latitude).toBeGreaterThan(24);
      expect(s.latitude).toBeLessThan(50);
      expect(s.longitude).toBeGreaterThan(-125);
      expect(s.longitude).toBeLessThan(-66);
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: s.timeZone })).not.toThrow();
    }
    expect(new Set(DATA_CENTRES.map((d) => d.code)).size).toBe(17);
  });
});
