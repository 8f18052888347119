/**
 * The bundled gazetteer's table, built from the npm package city-timezones (MIT; ~7,300 cities from the
 * SimpleMaps basic world cities data, each with an IANA time zone): rows of
 * [name, ISO country code, province, latitude, longitude, zone index, population] with coordinates rounded to
 * 4 decimals (~11 m) and the zone names listed once. Rows whose zone this runtime's Intl does not know are left
 * out, so every suggestion passes the schema's time-zone check.
 */
import type { GazetteerRow, GazetteerTable } from '../renderer/estate/gazetteer.ts';

type Source = { city: string; lat: number; lng: number; pop: number; iso2: string; province: string; timezone: string };

const knownZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function gazetteerTable(source: readonly Source[]): GazetteerTable {
  const zones: string[] = [];
  const zoneIndex = new Map<string, number>();
  const rows: GazetteerRow[] = [];
  const sorted = [...source].sort((a, b) => b.pop - a.pop || a.city.localeCompare(b.city) || a.iso2.localeCompare(b.iso2));
  for (const c of sorted) {
    if (!knownZone(c.timezone) || !Number.isFinite(c.lat) || !Number.isFinite(c.lng) || Math.abs(c.lat) > 90 || Math.abs(c.lng) > 180) continue;
    let z = zoneIndex.get(c.timezone);
    if (z === undefined) {
      z = zones.length;
      zones.push(c.timezone);
      zoneIndex.set(c.timezone, z);
    }
    rows.push([c.city, c.iso2, c.province, round4(c.lat), round4(c.lng), z, Math.round(c.pop)]);
  }
  return { source: 'city-timezones (MIT), SimpleMaps basic world cities', zones, rows };
}
