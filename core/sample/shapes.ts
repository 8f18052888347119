/**
 * Daily and weekly load shapes in local time, 0 to 1: office hours, evening (consumer) peaks, nightly batch,
 * weekend-night backups. Tabulated once per time zone over a timeline, so the hot loops only index arrays.
 */
import type { LoadShape } from './catalogue.ts';
import type { ZoneClock } from './time.ts';

// Weekday curves by local hour 0..23.
const OFFICE = [0.05, 0.04, 0.04, 0.04, 0.05, 0.08, 0.18, 0.4, 0.75, 0.95, 1, 0.97, 0.85, 0.95, 1, 0.95, 0.85, 0.6, 0.35, 0.22, 0.15, 0.1, 0.08, 0.06];
const EVENING = [0.25, 0.15, 0.08, 0.05, 0.04, 0.05, 0.1, 0.2, 0.3, 0.38, 0.42, 0.45, 0.5, 0.48, 0.45, 0.45, 0.5, 0.6, 0.78, 0.92, 1, 0.95, 0.75, 0.45];
const NIGHTLY = [0.9, 1, 1, 0.95, 0.7, 0.4, 0.15, 0.06, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.06, 0.08, 0.12, 0.25, 0.5, 0.75];

const isWeekend = (day: number) => day === 0 || day === 6;

/** A load shape at a local hour (0..23) and day of week (0 = Sunday). */
export function shapeAt(shape: LoadShape, hour: number, day: number): number {
  switch (shape) {
    case 'business':
      return isWeekend(day) ? 0.03 + 0.12 * OFFICE[hour] : OFFICE[hour];
    case 'evening':
      return isWeekend(day) ? Math.min(1, 0.05 + 1.05 * EVENING[hour]) : EVENING[hour];
    case 'batch':
      return NIGHTLY[hour];
  }
}

/** Weekly full backup: Saturday 22:00 to Sunday 05:00 local. */
export function backupAt(hour: number, day: number): number {
  if (day === 6 && hour >= 22) return 1;
  if (day === 0 && hour < 5) return 1;
  if (day === 0 && hour === 5) return 0.4;
  return 0;
}

export type ShapeTables = {
  business: Float32Array;
  evening: Float32Array;
  batch: Float32Array;
  backup: Float32Array;
};

/** The shapes of one zone over a timeline, hour by hour. */
export function shapeTables(clock: ZoneClock): ShapeTables {
  const n = clock.localHour.length;
  const t: ShapeTables = { business: new Float32Array(n), evening: new Float32Array(n), batch: new Float32Array(n), backup: new Float32Array(n) };
  for (let h = 0; h < n; h++) {
    const hour = clock.localHour[h];
    const day = clock.localDay[h];
    t.business[h] = shapeAt('business', hour, day);
    t.evening[h] = shapeAt('evening', hour, day);
    t.batch[h] = shapeAt('batch', hour, day);
    t.backup[h] = backupAt(hour, day);
  }
  return t;
}
