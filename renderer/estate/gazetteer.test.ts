import { describe, expect, it } from 'vitest';
import { foldName, loadGazetteer, searchPlaces } from './gazetteer.ts';

const table = await loadGazetteer();

describe('offline place search', () => {
  it('finds Frankfurt with its coordinates and time zone', () => {
    const [first] = searchPlaces(table, 'Frankfurt');
    expect(first).toMatchObject({ name: 'Frankfurt', country: 'DE', timeZone: 'Europe/Berlin' });
    expect(first.latitude).toBeCloseTo(50.1, 1);
    expect(first.longitude).toBeCloseTo(8.68, 1);
  });

  it('ignores case and accents, puts exact names first, narrows by country after a comma', () => {
    expect(searchPlaces(table, 'SÃO PAULO')[0]).toMatchObject({ name: 'Sao Paulo', country: 'BR', timeZone: 'America/Sao_Paulo' });
    expect(searchPlaces(table, 'zurich')[0]).toMatchObject({ country: 'CH', timeZone: 'Europe/Zurich' });
    const london = searchPlaces(table, 'london');
    expect(london[0]).toMatchObject({ country: 'GB', timeZone: 'Europe/London' });
    expect(searchPlaces(table, 'London, CA').every((p) => p.country === 'CA')).toBe(true);
    expect(searchPlaces(table, 'London, CA')).not.toHaveLength(0);
    expect(foldName('St. Louis')).toBe('st louis');
  });

  it('needs two letters and returns at most the limit, largest first among prefixes', () => {
    expect(searchPlaces(table, 'F')).toEqual([]);
    const many = searchPlaces(table, 'san', 5);
    expect(many).toHaveLength(5);
    for (let i = 1; i < many.length; i++) if (foldName(many[i].name) !== 'san' && foldName(many[i - 1].name) !== 'san') expect(many[i].population).toBeLessThanOrEqual(many[i - 1].population);
  });

  it('every place has coordinates in range and a zone Intl knows', () => {
    expect(table.rows.filter((r) => !(Math.abs(r[3]) <= 90 && Math.abs(r[4]) <= 180 && table.zones[r[5]] !== undefined))).toEqual([]);
    const unknown = table.zones.filter((z) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: z });
        return false;
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
  });
});
