/**
 * Hours of the week as the plan counts them: 0-167 from Sunday 00:00 UTC (see core/engine/plan.ts LinkOverload).
 * Pure helpers shared by the topology slider, the heatmap axis and the overload legends.
 */
export const WEEK_HOURS = 168;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Tue 14:00 UTC" for hour 62. Hours past a week wrap; a 24-hour timeline reads as "14:00 UTC". */
export function hourLabel(hour: number, hoursInTimeline: number = WEEK_HOURS, utc = true): string {
  const h = ((Math.floor(hour) % hoursInTimeline) + hoursInTimeline) % hoursInTimeline;
  const clock = `${pad(h % 24)}:00${utc ? ' UTC' : ''}`;
  return hoursInTimeline <= 24 ? clock : `${DAYS[Math.floor(h / 24) % 7]} ${clock}`;
}

/** Consecutive hours merged into inclusive ranges: [1, 2, 3, 7] -> [[1, 3], [7, 7]]. Input in any order. */
export function hourRanges(hours: readonly number[]): [number, number][] {
  const sorted = [...hours].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    if (last && h === last[1] + 1) last[1] = h;
    else if (!last || h > last[1]) out.push([h, h]);
  }
  return out;
}

/** "Tue 14:00–16:00 UTC, Wed 09:00 UTC" (ranges inside one day share the day name). */
export function formatHourRanges(hours: readonly number[], max = 4): string {
  const ranges = hourRanges(hours);
  const parts = ranges.slice(0, max).map(([a, b]) => {
    if (a === b) return hourLabel(a);
    const sameDay = Math.floor(a / 24) === Math.floor(b / 24);
    return sameDay ? `${hourLabel(a, WEEK_HOURS, false)}–${pad(b % 24)}:00 UTC` : `${hourLabel(a, WEEK_HOURS, false)} – ${hourLabel(b)}`;
  });
  if (ranges.length > max) parts.push(`+${ranges.length - max} more`);
  return parts.join(', ');
}
