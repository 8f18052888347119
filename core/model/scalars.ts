/** The scalar schemas every part of the model shares: ids, time zones, coordinates, non-negative numbers, percent. */
import { z } from 'zod';

export const Id = z.string().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

/** Answers memoised: a 10k-server project has thousands of maintenance windows in a handful of zones. */
export const knownTimeZones = new Map<string, boolean>();

/** An IANA time zone name that this runtime's Intl knows (e.g. "America/Chicago"). */
export const TimeZone = z.string().refine(
  (tz) => {
    let known = knownTimeZones.get(tz);
    if (known === undefined) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        known = true;
      } catch {
        known = false;
      }
      if (knownTimeZones.size < 10_000) knownTimeZones.set(tz, known);
    }
    return known;
  },
  { message: 'is not a known IANA time zone' },
);

export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);
export const NonNeg = z.number().finite().nonnegative();
export const Pos = z.number().finite().positive();
export const Pct = z.number().finite().min(0).max(100);
