import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gazetteerTable } from './gazetteer-table.ts';

const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, 'resources', 'gazetteer', 'cities.json');

describe('bundled gazetteer', () => {
  it('matches what `npm run gazetteer` builds from the city-timezones package, and stays under 1 MiB', () => {
    const require = createRequire(import.meta.url);
    const source = JSON.parse(readFileSync(require.resolve('city-timezones/data/cityMap.json'), 'utf8'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(gazetteerTable(source));
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });

  it('keeps only places whose zone Intl knows, coordinates in range, largest first', () => {
    const t = gazetteerTable([
      { city: 'Small', lat: 1, lng: 2, pop: 10, iso2: 'XX', province: 'P', timezone: 'Europe/Berlin' },
      { city: 'Big', lat: 50.123456, lng: 8.654321, pop: 1000, iso2: 'DE', province: 'Hessen', timezone: 'Europe/Berlin' },
      { city: 'Nowhere', lat: 1, lng: 2, pop: 5000, iso2: 'XX', province: '', timezone: 'Mars/Olympus' },
      { city: 'Off', lat: 95, lng: 2, pop: 5000, iso2: 'XX', province: '', timezone: 'UTC' },
    ]);
    expect(t.zones).toEqual(['Europe/Berlin']);
    expect(t.rows).toEqual([
      ['Big', 'DE', 'Hessen', 50.1235, 8.6543, 0, 1000],
      ['Small', 'XX', 'P', 1, 2, 0, 10],
    ]);
  });
});
