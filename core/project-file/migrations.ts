/**
 * Older formats and how they become the current one. Each format version that ever shipped keeps a reader
 * here, and migrations run in sequence (1 -> 2 -> ...), so a file from any released version opens.
 *
 * Format 1 (app 0.0.x), the files early pilots saved:
 * - manifest.json: { format: "cwb", formatVersion: 1, appVersion, savedUtc } (no created time, no counts);
 * - estate.json: the estate, but each server's memory as `memoryMB` (megabytes, 1024 per GiB);
 * - series.json: { startUtc, hours, servers: [{ id, cpuPct, memPct, iops, netMbps }] }, each metric a JSON
 *   array of `hours` numbers, null for a gap; no series.bin.
 * Format 2 (app 0.1.x): manifest with createdUtc/modifiedUtc/counts, memory as `memoryGiB`, the series
 * columnar in series.bin with its index in series.json (series-layout.ts).
 * Format 3 (current): format 2 plus the kept plans (plans.json and plans/<n>.plan, saved-plans.ts). A format
 * 2 file has the same entries and no plans, so it migrates by reading it as it is (codec.ts).
 */
import { z } from 'zod';
import { MAX_SERIES_HOURS, METRICS, emptySeries, type SeriesSet } from '../model/series.ts';
import { zodProblems, type ModelProblem } from '../model/validate.ts';
import { fail, summariseProblems, type Failure } from './errors.ts';
import { ISO_UTC } from './manifest.ts';

export const ManifestV1 = z.object({
  format: z.literal('cwb'),
  formatVersion: z.literal(1),
  appVersion: z.string().min(1).max(100),
  savedUtc: ISO_UTC,
});
export type ManifestV1 = z.infer<typeof ManifestV1>;

const ValuesV1 = z.array(z.number().nullable());
export const SeriesV1 = z.object({
  startUtc: z.string(),
  hours: z.number().int().min(1).max(MAX_SERIES_HOURS),
  servers: z.array(z.object({ id: z.string(), cpuPct: ValuesV1, memPct: ValuesV1, iops: ValuesV1, netMbps: ValuesV1 })),
});
export type SeriesV1 = z.infer<typeof SeriesV1>;

/** The entries of a format 1 file, parsed as JSON but not yet checked. */
export type EntriesV1 = { manifest: unknown; estate: unknown; series: unknown };

/** A format 1 file as format 2 content: the estate is still unchecked (the codec validates it next). */
export type MigratedV1 = {
  ok: true;
  estate: unknown;
  series: SeriesSet;
  appVersion: string;
  createdUtc: string;
  modifiedUtc: string;
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Servers' `memoryMB` becomes `memoryGiB`. Returns a new estate; the input is not changed. */
export function migrateEstateV1(estate: unknown): { ok: true; estate: unknown } | Failure {
  if (!isRecord(estate) || !Array.isArray(estate.servers)) return { ok: true, estate };
  const problems: ModelProblem[] = [];
  const servers = estate.servers.map((s: unknown, i: number) => {
    if (!isRecord(s) || !('memoryMB' in s)) return s;
    const { memoryMB, ...rest } = s;
    if (typeof memoryMB !== 'number' || !Number.isFinite(memoryMB) || memoryMB <= 0) {
      problems.push({ path: `servers[${i}].memoryMB`, message: 'must be a positive number of megabytes', value: memoryMB, kind: 'schema' });
      return s;
    }
    return { ...rest, memoryGiB: memoryMB / 1024 };
  });
  if (problems.length > 0) {
    return fail('schema', `The project (format 1) has server memory that cannot be converted: ${summariseProblems(problems)}.`, problems);
  }
  return { ok: true, estate: { ...estate, servers } };
}

/** Per-server JSON arrays (null = gap) become the columnar Float32Arrays (NaN = gap). */
export function migrateSeriesV1(json: unknown): { ok: true; series: SeriesSet } | Failure {
  const parsed = SeriesV1.safeParse(json);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, json, ['series']);
    return fail('invalid-series', `The series (series.json, format 1) is not valid: ${summariseProblems(problems)}.`, problems);
  }
  const { startUtc, hours, servers } = parsed.data;
  const series = emptySeries(startUtc, hours, servers.map((s) => s.id));
  for (let r = 0; r < servers.length; r++) {
    for (const m of METRICS) {
      const values = servers[r][m];
      if (values.length !== hours) {
        const path = `series.servers[${r}].${m}`;
        return fail(
          'series-length-mismatch',
          `${path} (server ${servers[r].id}) has ${values.length} hourly values; the timeline has ${hours} hours.`,
          [{ path, message: `has ${values.length} values, needs ${hours}`, value: values.length, kind: 'series' }],
        );
      }
      const target = series[m];
      const base = r * hours;
      for (let h = 0; h < hours; h++) {
        const v = values[h];
        target[base + h] = v === null ? Number.NaN : v;
      }
    }
  }
  return { ok: true, series };
}

export function migrateV1ToV2(v1: EntriesV1): MigratedV1 | Failure {
  const manifest = ManifestV1.safeParse(v1.manifest);
  if (!manifest.success) {
    const problems = zodProblems(manifest.error, v1.manifest, ['manifest']);
    return fail('bad-manifest', `The manifest (manifest.json, format 1) is not valid: ${summariseProblems(problems)}.`, problems);
  }
  const estate = migrateEstateV1(v1.estate);
  if (!estate.ok) return estate;
  const series = migrateSeriesV1(v1.series);
  if (!series.ok) return series;
  const saved = manifest.data.savedUtc;
  return { ok: true, estate: estate.estate, series: series.series, appVersion: manifest.data.appVersion, createdUtc: saved, modifiedUtc: saved };
}
