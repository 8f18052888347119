/**
 * The time stamps of the rows of a file with one time column (perfmon, wide CSV): each row's instant
 * (rows are one sequence in file order for the daylight-saving rule of ZoneClock), and the span each
 * sample covers: 0 (an instant in its hour) unless the rows are more than an hour apart, then the median
 * step between rows (a daily figure covers its day).
 */
import { cellText } from '../table.ts';
import { MS_PER_HOUR } from '../time.ts';
import { dateOrderOf, parseStamp, type ZoneClock } from './clock.ts';
import type { SampleSink } from './sink.ts';

export function rowTimes(sink: SampleSink, col: number, clock: ZoneClock): { times: (number | null)[]; span: number } {
  const table = sink.table;
  const header = table.headers[col] ?? null;
  const order = dateOrderOf(table.rows.slice(0, 500).map((row) => cellText(row[col])));
  const times = table.rows.map((row, i) => {
    const s = parseStamp(row[col], order);
    if (!s.ok) {
      sink.issue('warning', 'bad-value', `time stamp ${s.reason}: row skipped`, i, header);
      return null;
    }
    const t = clock.resolve(s.value, 'rows');
    if (t.problem === 'missing') sink.issue('warning', 'bad-value', 'time stamp falls in the hour the clocks went forward (it does not exist in the zone): read with the offset before the change', i, header);
    if (t.problem === 'ambiguous') sink.issue('info', 'assumption', 'time stamp falls in the hour the clocks went back (it occurs twice): placed by the rows around it', i, header);
    return t.ms;
  });
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const a = times[i - 1];
    const b = times[i];
    if (a !== null && b !== null && b > a) steps.push(b - a);
  }
  steps.sort((a, b) => a - b);
  const step = steps.length > 0 ? steps[Math.floor(steps.length / 2)] : 0;
  return { times, span: step > MS_PER_HOUR ? step : 0 };
}
