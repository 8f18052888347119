/**
 * The series in a .cwb (format 2): `series.json` is the index (timeline, row ids, where each metric sits) and
 * `series.bin` the float32 values of each metric, little-endian, concatenated in the index's order. The values
 * are copied bit for bit, so NaN gaps (and their payloads) survive a round trip.
 */
import { z } from 'zod';
import { MAX_SERIES_HOURS, METRICS, type Metric, type SeriesSet } from '../model/series.ts';
import { zodProblems } from '../model/validate.ts';
import { fail, summariseProblems, type Failure } from './errors.ts';

export const SERIES_INDEX = 'series.json';
export const SERIES_BIN = 'series.bin';

const MetricSlot = z.object({
  name: z.string().min(1),
  offset: z.number().int().nonnegative(),
  byteLength: z.number().int().nonnegative(),
});

export const SeriesIndex = z.object({
  startUtc: z.string(),
  hours: z.number().int().min(1).max(MAX_SERIES_HOURS),
  serverIds: z.array(z.string()),
  valueType: z.literal('float32'),
  byteOrder: z.literal('little-endian'),
  metrics: z.array(MetricSlot).max(64),
});
export type SeriesIndex = z.infer<typeof SeriesIndex>;

export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverse the byte order of each 4-byte word, in place. */
export function swap32(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const a = bytes[i];
    const b = bytes[i + 1];
    bytes[i] = bytes[i + 3];
    bytes[i + 1] = bytes[i + 2];
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
  return bytes;
}

function leBytes(values: Float32Array): Uint8Array {
  const view = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return HOST_IS_LITTLE_ENDIAN ? view : swap32(view.slice());
}

/** The index and the binary parts (views of the arrays on little-endian hosts: no copy). */
export function encodeSeries(series: SeriesSet): { index: SeriesIndex; parts: Uint8Array[] } {
  const expected = series.serverIds.length * series.hours;
  const parts: Uint8Array[] = [];
  const metrics: SeriesIndex['metrics'] = [];
  let offset = 0;
  for (const name of METRICS) {
    const values = series[name];
    if (!(values instanceof Float32Array) || values.length !== expected) {
      throw new RangeError(
        `series.${name} must be a Float32Array of ${series.serverIds.length} servers x ${series.hours} hours = ${expected} values`,
      );
    }
    parts.push(leBytes(values));
    metrics.push({ name, offset, byteLength: values.byteLength });
    offset += values.byteLength;
  }
  const index: SeriesIndex = {
    startUtc: series.startUtc,
    hours: series.hours,
    serverIds: [...series.serverIds],
    valueType: 'float32',
    byteOrder: 'little-endian',
    metrics,
  };
  return { index, parts };
}

/** The SeriesSet the index and binary describe; lengths are checked here, values by checkSeries later. */
export function decodeSeries(indexJson: unknown, bin: Uint8Array): { ok: true; series: SeriesSet } | Failure {
  const parsed = SeriesIndex.safeParse(indexJson);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, indexJson, ['series']);
    return fail('invalid-series', `The series index (${SERIES_INDEX}) is not valid: ${summariseProblems(problems)}.`, problems);
  }
  const index = parsed.data;
  const rows = index.serverIds.length;
  const needed = rows * index.hours * 4;
  const slots = new Map<string, { offset: number; byteLength: number }>();
  for (const m of index.metrics) {
    if (slots.has(m.name)) return fail('invalid-series', `The series index lists the metric ${m.name} twice.`);
    slots.set(m.name, m);
    if (m.offset % 4 !== 0 || m.offset + m.byteLength > bin.length) {
      return fail(
        'series-length-mismatch',
        `The series data (${SERIES_BIN}) is ${bin.length} bytes, but the index puts metric ${m.name} at bytes ${m.offset} to ${m.offset + m.byteLength}: the two entries do not belong together or the file is damaged.`,
      );
    }
  }
  const described = index.metrics.reduce((n, m) => n + m.byteLength, 0);
  if (described !== bin.length) {
    return fail('series-length-mismatch', `The series data (${SERIES_BIN}) is ${bin.length} bytes, but its index describes ${described} bytes.`);
  }
  for (const name of METRICS) {
    const slot = slots.get(name);
    if (!slot) return fail('invalid-series', `The series index has no ${name} metric; a project needs ${METRICS.join(', ')}.`);
    if (slot.byteLength !== needed) {
      return fail(
        'series-length-mismatch',
        `series.${name} has ${slot.byteLength / 4} values; ${rows} servers x ${index.hours} hours needs ${needed / 4}.`,
        [{ path: `series.${name}`, message: `has ${slot.byteLength / 4} values, needs ${needed / 4}`, value: slot.byteLength / 4, kind: 'series' }],
      );
    }
  }
  const take = (name: Metric): Float32Array => {
    const slot = slots.get(name) ?? { offset: 0, byteLength: 0 };
    // a copy of its own (Node's Buffer.slice would return a view into a shared pool)
    const copy = new Uint8Array(bin.subarray(slot.offset, slot.offset + slot.byteLength));
    if (!HOST_IS_LITTLE_ENDIAN) swap32(copy);
    return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
  };
  const series: SeriesSet = {
    startUtc: index.startUtc,
    hours: index.hours,
    serverIds: index.serverIds,
    cpuPct: take('cpuPct'),
    memPct: take('memPct'),
    iops: take('iops'),
    netMbps: take('netMbps'),
  };
  return { ok: true, series };
}
