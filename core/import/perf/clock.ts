/**
 * Wall-clock time stamps of performance exports, to UTC instants, with daylight-saving jumps handled:
 * - text forms: ISO 8601 (with or without an offset, "… UTC" as sadf writes it) and the slash dates of
 *   Windows tools ("03/29/2026 01:30:00.000" in perfmon, "3/29/2026 1:30:00 AM" in PowerCLI's Export-Csv),
 *   month first unless the file shows a day above 12 in the first place (dateOrder);
 * - a stamp without an offset is wall-clock time in a zone. In the hour the clocks go back it has two
 *   instants: ZoneClock picks, per sequence (a server's counter), the one that continues the sequence's
 *   direction nearest its previous instant, so an ascending or descending file keeps both passes of the
 *   hour apart. In the hour the clocks go forward it does not exist: it is read with the offset before the
 *   jump, and counted (a warning).
 */
import { cellText, type Cell, type Parsed } from '../table.ts';
import { MS_PER_HOUR, parseTimestamp, utcMs, zoneOffsetMs } from '../time.ts';

/** A wall-clock instant (ms, as if UTC) or an absolute one (the text named its offset). */
export type Stamp = { wall: number; absolute: boolean };

const SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*([AaPp][Mm])?)?$/;

export type DateOrder = 'mdy' | 'dmy';

/** Month-first unless some stamp's first number is above 12 (then day-first). */
export function dateOrderOf(texts: Iterable<string>): DateOrder {
  for (const t of texts) {
    const m = SLASH_RE.exec(t.trim());
    if (m && Number(m[1]) > 12) return 'dmy';
    if (m && Number(m[2]) > 12) return 'mdy';
  }
  return 'mdy';
}

/** 1990-01-01 and 2200-01-01 UTC. */
const STAMP_MIN_MS = 631_152_000_000;
const STAMP_MAX_MS = 7_258_118_400_000;

export function parseStamp(cell: Cell | undefined, order: DateOrder = 'mdy'): Parsed<Stamp> {
  const text = cellText(cell);
  const m = SLASH_RE.exec(text);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    let h = Number(m[4] ?? 0);
    const mi = Number(m[5] ?? 0);
    const s = Number(m[6] ?? 0);
    const ampm = m[8]?.toLowerCase();
    if (ampm !== undefined) {
      if (h < 1 || h > 12) return { ok: false, reason: `is not a valid time (${JSON.stringify(text.slice(0, 40))})` };
      h = (h % 12) + (ampm === 'pm' ? 12 : 0);
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return { ok: false, reason: `is not a valid date and time (${JSON.stringify(text.slice(0, 40))})` };
    const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return { ok: true, value: { wall: utcMs(y, mo, d, h, mi, s, frac), absolute: false } };
  }
  // ISO and the other forms of parseTimestamp: read once as UTC; an offset in the text makes it absolute.
  const asUtc = parseTimestamp(cell, 'UTC');
  if (!asUtc.ok) return asUtc;
  const absolute = typeof cell === 'number' ? cell >= 1e9 : /(Z|[+-]\d{2}:?\d{2}|UTC|GMT)$/i.test(text) || /^\d{10,}(\.\d+)?$/.test(text);
  // Performance data is from 1990 to 2200: a number far outside (1e300 read as epoch ms) is no time stamp, and
  // the zone rules (and hour buckets) cannot work at that magnitude.
  if (!(asUtc.value >= STAMP_MIN_MS && asUtc.value <= STAMP_MAX_MS)) return { ok: false, reason: `is outside the years 1990-2200 (${JSON.stringify(text.slice(0, 40))})` };
  return { ok: true, value: { wall: asUtc.value, absolute } };
}

export type ZoneProblem = 'ambiguous' | 'missing';

/** Wall clock in one zone (IANA name, or a fixed offset in ms) to UTC, per sequence. */
export class ZoneClock {
  /** Per sequence: the last instant and the direction the sequence moves in (+1 ascending, -1 descending). */
  private readonly prev = new Map<string, { ms: number; dir: number }>();
  constructor(readonly zone: string | { fixedOffsetMs: number }) {}

  private offset(ms: number): number {
    return typeof this.zone === 'string' ? zoneOffsetMs(this.zone, ms) : this.zone.fixedOffsetMs;
  }

  /** The instant of `stamp` in sequence `key`, and whether the zone made it ambiguous or nonexistent. */
  resolve(stamp: Stamp, key: string): { ms: number; problem: ZoneProblem | null } {
    if (stamp.absolute || (typeof this.zone === 'string' && this.zone === 'UTC')) return this.keep(key, stamp.wall, null);
    const wall = stamp.wall;
    const before = wall - this.offset(wall - 12 * MS_PER_HOUR);
    const after = wall - this.offset(wall + 12 * MS_PER_HOUR);
    const valid = [before, after].filter((c) => c + this.offset(c) === wall);
    if (valid.length === 0) return this.keep(key, before, 'missing');
    if (valid.length === 1 || valid[0] === valid[1]) return this.keep(key, valid[0], null);
    // Twice on the clock: the candidate that continues the sequence's direction, nearest its last instant.
    const p = this.prev.get(key);
    let pick = valid[0];
    if (p !== undefined) {
      const others = valid.filter((c) => c !== p.ms);
      const onward = others.filter((c) => Math.sign(c - p.ms) === p.dir);
      const pool = onward.length > 0 ? onward : others;
      pick = pool.reduce((best, c) => (Math.abs(c - p.ms) < Math.abs(best - p.ms) ? c : best), pool[0]);
    }
    return this.keep(key, pick, 'ambiguous');
  }

  private keep(key: string, ms: number, problem: ZoneProblem | null) {
    const p = this.prev.get(key);
    this.prev.set(key, { ms, dir: p === undefined || p.ms === ms ? (p?.dir ?? 1) : Math.sign(ms - p.ms) });
    return { ms, problem };
  }
}

/** Windows time zone names (as perfmon writes them in the PDH-CSV header) to IANA zones, the common ones. */
const WINDOWS_ZONES: Record<string, string> = {
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'utc': 'UTC',
  'coordinated universal time': 'UTC',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'e. europe standard time': 'Europe/Chisinau',
  'fle standard time': 'Europe/Kiev',
  'gtb standard time': 'Europe/Bucharest',
  'russian standard time': 'Europe/Moscow',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'us mountain standard time': 'America/Phoenix',
  'pacific standard time': 'America/Los_Angeles',
  'alaskan standard time': 'America/Anchorage',
  'hawaiian standard time': 'Pacific/Honolulu',
  'atlantic standard time': 'America/Halifax',
  'e. south america standard time': 'America/Sao_Paulo',
  'india standard time': 'Asia/Kolkata',
  'china standard time': 'Asia/Shanghai',
  'singapore standard time': 'Asia/Singapore',
  'tokyo standard time': 'Asia/Tokyo',
  'korea standard time': 'Asia/Seoul',
  'arabian standard time': 'Asia/Dubai',
  'south africa standard time': 'Africa/Johannesburg',
  'aus eastern standard time': 'Australia/Sydney',
  'e. australia standard time': 'Australia/Brisbane',
  'w. australia standard time': 'Australia/Perth',
  'new zealand standard time': 'Pacific/Auckland',
};

/** The IANA zone of a Windows zone name; the daylight name ("GMT Daylight Time") means the same zone. */
export function ianaOfWindowsZone(name: string): string | null {
  const k = name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ daylight time$/, ' standard time').replace(/ summer time$/, ' standard time');
  return WINDOWS_ZONES[k] ?? null;
}
