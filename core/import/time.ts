/**
 * Time stamps without the clock: civil-date arithmetic (Howard Hinnant's days-from-civil), Excel serial
 * dates, ISO 8601 with offsets, and wall-clock times in a named IANA zone (offset found with Intl).
 * core/ may not construct Date, so everything here is integer arithmetic on epoch milliseconds.
 */
import { civilFromDays, daysFromCivil } from '../util/calendar.ts';
import { cellText, type Cell, type Parsed } from './table.ts';

const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * 60_000 + s * 1000 + ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-03-02T05:00:00Z" for an epoch-ms instant (seconds and below dropped if zero). */
export function isoUtc(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const rest = ms - days * MS_PER_DAY;
  const { y, m, d } = civilFromDays(days);
  const h = Math.floor(rest / MS_PER_HOUR);
  const mi = Math.floor((rest % MS_PER_HOUR) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}

/** Excel serial day number (1900 date system; 1 = 1900-01-01, with Excel's phantom 1900-02-29) to wall-clock ms. */
export function excelSerialToMs(serial: number): number {
  // Serial 25569 is 1970-01-01. Serials below 61 precede the phantom leap day and are shifted by one.
  const adjusted = serial < 61 ? serial + 1 : serial;
  return Math.round((adjusted - 25569) * MS_PER_DAY);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at the instant `ms`, in ms (e.g. -5 h for Chicago in winter). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  if (timeZone === 'UTC') return 0;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = utcMs(parts.year, parts.month, parts.day, parts.hour % 24, parts.minute, parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a wall-clock time (expressed as if UTC) in `timeZone`. */
export function wallToUtc(wallMs: number, timeZone: string): number {
  const guess = wallMs - zoneOffsetMs(timeZone, wallMs);
  return wallMs - zoneOffsetMs(timeZone, guess);
}

export function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;

/**
 * A timestamp cell to a UTC epoch-ms instant. Accepted: ISO 8601 / "YYYY-MM-DD HH:MM[:SS]" with or without
 * an offset (no offset: wall-clock time in `timeZone`), Excel serial dates (number cells up to year 9999,
 * wall-clock in `timeZone`), and Unix epoch seconds or milliseconds (numbers above 1e9, always UTC).
 */
export function parseTimestamp(cell: Cell | undefined, timeZone: string): Parsed<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: 'is not a finite number' };
    if (cell >= 1e12) return { ok: true, value: Math.round(cell) };
    if (cell >= 1e9) return { ok: true, value: Math.round(cell * 1000) };
    if (cell > 0 && cell < 2958466) return { ok: true, value: wallToUtc(excelSerialToMs(cell), timeZone) };
    return { ok: false, reason: `is not a date (${cell})` };
  }
  const text = cellText(cell);
  if (text === '') return { ok: false, reason: 'is empty' };
  if (/^\d+(\.\d+)?$/.test(text)) return parseTimestamp(Number(text), timeZone);
  const m = ISO_RE.exec(text);
  if (!m) return { ok: false, reason: `is not a date and time (${JSON.stringify(text.slice(0, 40))}); use ISO 8601, e.g. 2026-03-02T14:00:00Z` };
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) {
    return { ok: false, reason: `is not a valid date and time (${JSON.stringify(text.slice(0, 40))})` };
  }
  const wall = utcMs(y, mo, d, h, mi, s, frac);
  const zone = m[8]?.toUpperCase();
  if (zone === undefined) return { ok: true, value: wallToUtc(wall, timeZone) };
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return { ok: true, value: wall };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * MS_PER_HOUR + Number(digits.slice(2)) * 60_000);
  return { ok: true, value: wall - offset };
}
