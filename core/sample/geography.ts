/**
 * Where the sample estate is: 17 US data centres and the user sites (offices) at real city coordinates, and
 * the distance and latency arithmetic the WAN is built from.
 */
import type { DataCentre } from '../model/schema.ts';

type Status = DataCentre['status'];

export type DataCentreSpec = {
  id: string;
  /** Three-letter code used in server names ("chi" in chi-erp-db-01). */
  code: string;
  city: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  tier: number;
  /** Relative size: servers are spread over the data centres in proportion to it. */
  weight: number;
  status: Status;
  /** Backbone hub: hubs are meshed with each other, other sites home onto their two nearest hubs. */
  hub: boolean;
  /** All-in colocation price per kW per month in this market. */
  pricePerKwMonth: number;
};

const dc = (
  code: string, city: string, latitude: number, longitude: number, timeZone: string,
  tier: number, weight: number, status: Status, hub: boolean, pricePerKwMonth: number,
): DataCentreSpec => ({ id: `dc-${code}`, code, city, latitude, longitude, timeZone, tier, weight, status, hub, pricePerKwMonth });

/** The 17 data centres. Ashburn, Chicago and Dallas stay; Phoenix and Atlanta are candidates. */
export const DATA_CENTRES: readonly DataCentreSpec[] = [
  dc('ash', 'Ashburn, VA', 39.0438, -77.4874, 'America/New_York', 4, 14, 'keep', true, 165),
  dc('chi', 'Chicago, IL', 41.8781, -87.6298, 'America/Chicago', 3, 10, 'keep', true, 175),
  dc('dal', 'Dallas, TX', 32.7767, -96.797, 'America/Chicago', 4, 10, 'keep', true, 150),
  dc('den', 'Denver, CO', 39.7392, -104.9903, 'America/Denver', 3, 5, 'close', true, 160),
  dc('phx', 'Phoenix, AZ', 33.4484, -112.074, 'America/Phoenix', 3, 5, 'candidate', false, 145),
  dc('atl', 'Atlanta, GA', 33.749, -84.388, 'America/New_York', 3, 7, 'candidate', true, 150),
  dc('sea', 'Seattle, WA', 47.6062, -122.3321, 'America/Los_Angeles', 3, 5, 'close', false, 185),
  dc('sjc', 'San Jose, CA', 37.3382, -121.8863, 'America/Los_Angeles', 3, 6, 'close', true, 230),
  dc('lax', 'Los Angeles, CA', 34.0522, -118.2437, 'America/Los_Angeles', 3, 6, 'close', false, 210),
  dc('sec', 'Secaucus, NJ', 40.7895, -74.0565, 'America/New_York', 3, 8, 'close', false, 220),
  dc('bos', 'Boston, MA', 42.3601, -71.0589, 'America/New_York', 2, 4, 'close', false, 215),
  dc('mia', 'Miami, FL', 25.7617, -80.1918, 'America/New_York', 3, 3, 'close', false, 190),
  dc('msp', 'Minneapolis, MN', 44.9778, -93.265, 'America/Chicago', 2, 4, 'close', false, 170),
  dc('stl', 'St. Louis, MO', 38.627, -90.1994, 'America/Chicago', 2, 3, 'close', false, 155),
  dc('mci', 'Kansas City, MO', 39.0997, -94.5786, 'America/Chicago', 2, 3, 'close', false, 150),
  dc('slc', 'Salt Lake City, UT', 40.7608, -111.891, 'America/Denver', 2, 3, 'close', false, 155),
  dc('cmh', 'Columbus, OH', 39.9612, -82.9988, 'America/New_York', 3, 4, 'close', false, 160),
];

export type UserSiteSpec = {
  id: string;
  name: string;
  city: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  /** Users at the default size (2,000 servers); scaled with the estate. */
  users: number;
};

const site = (code: string, name: string, city: string, latitude: number, longitude: number, timeZone: string, users: number): UserSiteSpec => ({
  id: `site-${code}`, name, city, latitude, longitude, timeZone, users,
});

/** Offices: headquarters in New York, regional offices across the country. */
export const USER_SITES: readonly UserSiteSpec[] = [
  site('nyc', 'Headquarters', 'New York, NY', 40.7128, -74.006, 'America/New_York', 5200),
  site('hou', 'Houston office', 'Houston, TX', 29.7604, -95.3698, 'America/Chicago', 2600),
  site('sfo', 'San Francisco office', 'San Francisco, CA', 37.7749, -122.4194, 'America/Los_Angeles', 2200),
  site('clt', 'Charlotte operations centre', 'Charlotte, NC', 35.2271, -80.8431, 'America/New_York', 1800),
  site('was', 'Washington office', 'Washington, DC', 38.9072, -77.0369, 'America/New_York', 1600),
  site('aus', 'Austin engineering', 'Austin, TX', 30.2672, -97.7431, 'America/Chicago', 1500),
  site('phl', 'Philadelphia office', 'Philadelphia, PA', 39.9526, -75.1652, 'America/New_York', 1400),
  site('dtw', 'Detroit plant office', 'Detroit, MI', 42.3314, -83.0458, 'America/Detroit', 1200),
  site('san', 'San Diego office', 'San Diego, CA', 32.7157, -117.1611, 'America/Los_Angeles', 1100),
  site('bna', 'Nashville contact centre', 'Nashville, TN', 36.1627, -86.7816, 'America/Chicago', 1000),
  site('orl', 'Orlando office', 'Orlando, FL', 28.5383, -81.3792, 'America/New_York', 900),
  site('rdu', 'Raleigh office', 'Raleigh, NC', 35.7796, -78.6382, 'America/New_York', 900),
  site('pdx', 'Portland office', 'Portland, OR', 45.5152, -122.6784, 'America/Los_Angeles', 800),
  site('ind', 'Indianapolis distribution centre', 'Indianapolis, IN', 39.7684, -86.1581, 'America/Indiana/Indianapolis', 700),
  site('pit', 'Pittsburgh office', 'Pittsburgh, PA', 40.4406, -79.9959, 'America/New_York', 650),
  site('abq', 'Albuquerque office', 'Albuquerque, NM', 35.0844, -106.6504, 'America/Denver', 500),
];

const EARTH_RADIUS_KM = 6371.0088;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km between two points (haversine, mean Earth radius). */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Routers, optics and serialisation on the two ends of a WAN circuit, round trip. */
export const EQUIPMENT_DELAY_MS = 2;

/**
 * Round-trip latency of a WAN circuit over `km` of great-circle distance: light in fibre covers ~200 km per ms
 * one way, so 1 ms of round trip per 100 km, plus the equipment delay. Rounded to 0.1 ms.
 */
export function latencyFromDistanceMs(km: number): number {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`distance must be a non-negative number of km, got ${km}`);
  return Math.round((km / 100 + EQUIPMENT_DELAY_MS) * 10) / 10;
}

type Located = { latitude: number | null; longitude: number | null };

/** Distance between two located things; Infinity when either has no coordinates. */
export function distanceKm(a: Located, b: Located): number {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return Infinity;
  return greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude);
}

/** Indices of `candidates` ordered by distance from `from` (ties by index, so the order is stable). */
export function byDistance(from: Located, candidates: readonly Located[]): number[] {
  const d = candidates.map((c) => distanceKm(from, c));
  return candidates.map((_, i) => i).sort((i, j) => d[i] - d[j] || i - j);
}
