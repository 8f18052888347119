/**
 * Calendar arithmetic for the sample generator without a clock: ISO strings are parsed by hand (core/ may not
 * construct a Date) and a zone's local time is read with Intl.DateTimeFormat.formatToParts(epochMs), once per
 * zone and hour of the timeline, so daylight-saving changes inside the timeline are honoured.
 */

import { daysFromCivil } from '../util/calendar.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Day of the week of an epoch day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

const ISO_HOUR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):00:00(?:\.000)?Z$/;

/** Epoch milliseconds of an ISO 8601 UTC timestamp on the hour ("2026-03-02T00:00:00Z"). */
export function parseUtcHour(iso: string): number {
  const m = ISO_HOUR.exec(iso);
  if (!m) throw new RangeError(`startUtc must be an ISO UTC timestamp on the hour, got ${JSON.stringify(iso)}`);
  const [year, month, day, hour] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) throw new RangeError(`startUtc is not a real date: ${iso}`);
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS;
}

/** Local wall-clock of one time zone over a run of hours: hour of day and day of week (0 = Sunday). */
export type ZoneClock = {
  timeZone: string;
  localHour: Uint8Array;
  localDay: Uint8Array;
  /** Offset from UTC in minutes (local = UTC + offset), per hour. */
  offsetMinutes: Int16Array;
};

/** Offset of `timeZone` from UTC at `utcMs`, in minutes (local = UTC + offset). */
export function zoneOffsetMinutes(fmt: Intl.DateTimeFormat, utcMs: number): number {
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  for (const p of fmt.formatToParts(utcMs)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
    else if (p.type === 'hour') hour = Number(p.value) % 24;
    else if (p.type === 'minute') minute = Number(p.value);
  }
  const localMs = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * 60_000;
  return Math.round((localMs - utcMs) / 60_000);
}

/** A formatter that reads the wall clock of `timeZone` (throws RangeError for an unknown zone). */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
}

/**
 * The wall clock of `timeZone` for `hours` consecutive hours from `startMs` (epoch ms, on the hour). Intl is
 * asked once a day, and hour by hour only on a day whose offset changes (a daylight-saving switch).
 */
export function zoneClock(timeZone: string, startMs: number, hours: number): ZoneClock {
  const fmt = zoneFormatter(timeZone);
  const clock: ZoneClock = {
    timeZone,
    localHour: new Uint8Array(hours),
    localDay: new Uint8Array(hours),
    offsetMinutes: new Int16Array(hours),
  };
  let offsetAtDayStart = zoneOffsetMinutes(fmt, startMs);
  for (let d = 0; d * 24 < hours; d++) {
    const dayStart = startMs + d * DAY_MS;
    const offsetAtNextDay = zoneOffsetMinutes(fmt, dayStart + DAY_MS);
    const steady = offsetAtNextDay === offsetAtDayStart;
    for (let h = d * 24; h < Math.min(hours, d * 24 + 24); h++) {
      const utc = startMs + h * HOUR_MS;
      const offset = steady ? offsetAtDayStart : zoneOffsetMinutes(fmt, utc);
      const local = utc + offset * 60_000;
      const localDays = Math.floor(local / DAY_MS);
      clock.offsetMinutes[h] = offset;
      clock.localHour[h] = Math.floor((local - localDays * DAY_MS) / HOUR_MS);
      clock.localDay[h] = weekdayOfEpochDay(localDays);
    }
    offsetAtDayStart = offsetAtNextDay;
  }
  return clock;
}

/** Epoch ms of the Sunday 00:00 UTC at or before `ms`: the origin of a 168-value flow profile. */
export function sundayUtcAtOrBefore(ms: number): number {
  const days = Math.floor(ms / DAY_MS);
  return (days - weekdayOfEpochDay(days)) * DAY_MS;
}
