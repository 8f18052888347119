/**
 * The .cwb project file: a zip holding manifest.json, estate.json, series.json (the series index),
 * series.bin (float32 values, little-endian) and the kept plans (plans.json, plans/<n>.plan: saved-plans.ts). A pure bytes <-> Project transform used by both hosts and the
 * renderer; file I/O lives in electron/services/project-store.ts.
 *
 * decodeProject never throws and never hangs: every failure is a ProjectFileError with a code and a message
 * that says what is wrong, in words a consultant can act on.
 */
import type { Project } from '../model/project.ts';
import { checkSeries, type SeriesSet } from '../model/series.ts';
import { formatValue, validateEstate, zodProblems, type ModelProblem } from '../model/validate.ts';
import type { Estate } from '../model/schema.ts';
import { fail, formatBytes, summariseProblems, type Failure, type ProjectFileError, type ProjectFileErrorCode } from './errors.ts';
import { parseJsonEntry } from './json.ts';
import { encodeUtf8 } from '../util/utf8.ts';
import { withDefaults, type Limits } from './limits.ts';
import { CURRENT_FORMAT_VERSION, FORMAT, ISO_UTC, Manifest, ManifestHead, buildManifest } from './manifest.ts';
import { migrateV1ToV2 } from './migrations.ts';
import { SERIES_BIN, SERIES_INDEX, decodeSeries, encodeSeries } from './series-layout.ts';
import { extractEntry, readZipDirectory, type ZipEntry } from './zip-read.ts';
import { prepareEntry, writeZip, type DeflateLevel } from './zip-write.ts';
import { NO_OPENED_PLANS, readSavedPlans, savedPlanEntries, type OpenedPlans, type SavedPlan } from './saved-plans.ts';
import type { ProjectHashes } from './input-hashes.ts';

export const MANIFEST = 'manifest.json';
export const ESTATE = 'estate.json';
const MAX_MANIFEST_BYTES = 1024 * 1024;

export type EncodeMeta = { appVersion: string; nowUtc: string; createdUtc?: string };
/** Compression per entry (0 = stored). Defaults, from bench/project-file.bench.ts: series stored (float noise
 * barely compresses: deflate saved ~10% for 4x the save time), estate level 1 (as small as level 6 within 1%,
 * half the time). */
export type EncodeOptions = { estateLevel?: DeflateLevel; seriesLevel?: DeflateLevel; plans?: PlansToSave };
/** The plans to keep in the file, with the hashes of the project being saved (input-hashes.ts `projectHashes`). */
export type PlansToSave = { saved: readonly SavedPlan[]; hashes: ProjectHashes };

export type DecodeResult =
  | { ok: true; project: Project; manifest: Manifest; migratedFrom: number | null; plans: OpenedPlans }
  | { ok: false; error: ProjectFileError };

/**
 * The .cwb bytes of a project. Deterministic: the same project and meta give the same bytes (no clock: the
 * zip timestamp is meta.nowUtc). Object keys are written in the order they have; every decoded estate has
 * the schema's order, so a project that went through a save and an open re-encodes identically. (Sorting
 * keys would make any key order give the same bytes, but tripled the JSON time at 10,000 servers.) Throws RangeError for a series whose arrays do not match
 * servers x hours, or a nowUtc that is not an ISO UTC timestamp: those are programming errors.
 */
export function encodeProject(project: Project, meta: EncodeMeta, options: EncodeOptions = {}): Uint8Array<ArrayBuffer> {
  for (const t of [meta.nowUtc, meta.createdUtc ?? meta.nowUtc]) {
    if (!ISO_UTC.safeParse(t).success) throw new RangeError(`encodeProject: ${JSON.stringify(t)} is not an ISO 8601 UTC timestamp`);
  }
  const manifest = buildManifest(project, meta);
  const { index, parts } = encodeSeries(project.series);
  const hashed = new Map([
    [ESTATE, prepareEntry({ name: ESTATE, parts: [encodeUtf8(JSON.stringify(project.estate))], level: options.estateLevel ?? 1 })],
    [SERIES_INDEX, prepareEntry({ name: SERIES_INDEX, parts: [encodeUtf8(JSON.stringify(index))], level: 6 })],
    [SERIES_BIN, prepareEntry({ name: SERIES_BIN, parts, level: options.seriesLevel ?? 0 })],
  ]);
  const plans = options.plans && options.plans.saved.length > 0 ? savedPlanEntries(options.plans.saved, options.plans.hashes, hashed) : [];
  return writeZip([{ name: MANIFEST, parts: [encodeUtf8(`${JSON.stringify(manifest, null, 2)}\n`)], level: 0 }, ...hashed.values(), ...plans], meta.nowUtc);
}

/** Open .cwb bytes: check the container, migrate older formats, validate the estate and the series. */
export function decodeProject(bytes: Uint8Array, limits?: Partial<Limits>): DecodeResult {
  if (!(bytes instanceof Uint8Array)) return fail('not-zip', 'There are no file contents to open (expected bytes).');
  try {
    return decode(bytes, withDefaults(limits));
  } catch (e) {
    // Last resort (e.g. out of memory): the contract is to report, never to throw.
    const text = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) return fail('too-large', `The project is too large to open on this computer (${text}).`);
    return fail('corrupt', `The file could not be read: ${text}.`);
  }
}

type Entries = Map<string, ZipEntry>;

function readJson(bytes: Uint8Array, entries: Entries, name: string, maxBytes: number): { ok: true; value: unknown } | Failure {
  const entry = entries.get(name);
  if (!entry) return fail('missing-entry', `The project has no ${name} entry; it is incomplete or was not written by this app.`);
  if (entry.size > maxBytes) {
    return fail('too-large', `The entry ${name} is ${formatBytes(entry.size)} of JSON; this version reads at most ${formatBytes(maxBytes)}.`);
  }
  const data = extractEntry(bytes, entry);
  return data.ok ? parseJsonEntry(name, data.data, maxBytes) : data;
}

function decode(bytes: Uint8Array, limits: Limits): DecodeResult {
  const dir = readZipDirectory(bytes, limits);
  if (!dir.ok) return dir;
  const { entries } = dir;
  if (!entries.has(MANIFEST)) {
    if (entries.has('[Content_Types].xml')) {
      return fail('not-cwb', 'This is an Excel workbook or another Office document, not a project. To bring in an RVTools export, use File > Import.');
    }
    const listed = [...entries.keys()].slice(0, 5).map((n) => JSON.stringify(n)).join(', ');
    return fail('missing-manifest', `The zip has no ${MANIFEST}, so it is not a Consolidation Workbench project${listed ? ` (it holds ${listed})` : ' (it is empty)'}.`);
  }
  const manifestJson = readJson(bytes, entries, MANIFEST, Math.min(MAX_MANIFEST_BYTES, limits.maxJsonBytes));
  if (!manifestJson.ok) return manifestJson;
  const raw = manifestJson.value;
  const head = ManifestHead.safeParse(raw);
  const format = raw !== null && typeof raw === 'object' && 'format' in raw ? raw.format : undefined;
  if (format !== FORMAT) {
    const says = format === undefined ? 'does not name a format' : `says the format is ${formatValue(format)}`;
    return fail('not-cwb', `The ${MANIFEST} ${says}, not "${FORMAT}": this is not a Consolidation Workbench project.`);
  }
  if (!head.success) {
    const problems = zodProblems(head.error, raw, ['manifest']);
    return fail('bad-manifest', `The ${MANIFEST} is not valid: ${summariseProblems(problems)}.`, problems);
  }
  const version = head.data.formatVersion;
  if (version > CURRENT_FORMAT_VERSION) {
    const app = raw !== null && typeof raw === 'object' && 'appVersion' in raw && typeof raw.appVersion === 'string' ? raw.appVersion.slice(0, 40) : 'unknown';
    return fail(
      'future-version',
      `This project was made by a newer version ${app} of the app (file format ${version}); this version reads file formats up to ${CURRENT_FORMAT_VERSION}. Update Consolidation Workbench to open it.`,
    );
  }
  if (version === 1) return decodeV1(bytes, entries, raw, limits);
  const manifest = Manifest.safeParse(raw);
  if (!manifest.success) {
    const problems = zodProblems(manifest.error, raw, ['manifest']);
    return fail('bad-manifest', `The ${MANIFEST} is not valid: ${summariseProblems(problems)}.`, problems);
  }
  for (const name of [ESTATE, SERIES_INDEX, SERIES_BIN]) {
    if (!entries.has(name)) return fail('missing-entry', `The project has no ${name} entry; it is incomplete or was not written by this app.`);
  }
  const estateJson = readJson(bytes, entries, ESTATE, limits.maxJsonBytes);
  if (!estateJson.ok) return estateJson;
  const estate = checkEstate(estateJson.value);
  if (!estate.ok) return estate;
  const indexJson = readJson(bytes, entries, SERIES_INDEX, limits.maxJsonBytes);
  if (!indexJson.ok) return indexJson;
  const binEntry = entries.get(SERIES_BIN);
  const bin = binEntry ? extractEntry(bytes, binEntry) : fail('missing-entry', `The project has no ${SERIES_BIN} entry.`);
  if (!bin.ok) return bin;
  const series = decodeSeries(indexJson.value, bin.data);
  if (!series.ok) return series;
  const checked = checkProjectSeries(estate.estate, series.series);
  if (!checked.ok) return checked;
  const project: Project = { estate: estate.estate, series: series.series };
  // format 2 -> 3 (migrations.ts): the same entries, and no kept plans
  if (version === 2) return { ok: true, project, manifest: { ...manifest.data, formatVersion: CURRENT_FORMAT_VERSION }, migratedFrom: 2, plans: NO_OPENED_PLANS };
  return { ok: true, project, manifest: manifest.data, migratedFrom: null, plans: readSavedPlans(bytes, entries, project, limits) };
}

function decodeV1(bytes: Uint8Array, entries: Entries, manifest: unknown, limits: Limits): DecodeResult {
  for (const name of [ESTATE, SERIES_INDEX]) {
    if (!entries.has(name)) return fail('missing-entry', `The project (format 1) has no ${name} entry; it is incomplete.`);
  }
  const estateJson = readJson(bytes, entries, ESTATE, limits.maxJsonBytes);
  if (!estateJson.ok) return estateJson;
  const seriesJson = readJson(bytes, entries, SERIES_INDEX, limits.maxJsonBytes);
  if (!seriesJson.ok) return seriesJson;
  const migrated = migrateV1ToV2({ manifest, estate: estateJson.value, series: seriesJson.value });
  if (!migrated.ok) return migrated;
  const estate = checkEstate(migrated.estate);
  if (!estate.ok) return estate;
  const checked = checkProjectSeries(estate.estate, migrated.series);
  if (!checked.ok) return checked;
  const project: Project = { estate: estate.estate, series: migrated.series };
  const meta = { appVersion: migrated.appVersion, nowUtc: migrated.modifiedUtc, createdUtc: migrated.createdUtc };
  return { ok: true, project, manifest: buildManifest(project, meta), migratedFrom: 1, plans: NO_OPENED_PLANS };
}

function codeForEstate(problems: readonly ModelProblem[]): ProjectFileErrorCode {
  if (problems.some((p) => p.kind === 'schema')) return 'schema';
  if (problems.some((p) => p.kind === 'duplicate-id')) return 'duplicate-id';
  if (problems.some((p) => p.kind === 'dangling-reference')) return 'dangling-reference';
  return 'invalid-estate';
}

function checkEstate(input: unknown): { ok: true; estate: Estate } | Failure {
  const v = validateEstate(input);
  if (v.ok) return { ok: true, estate: v.value };
  return fail(codeForEstate(v.problems), `The estate (${ESTATE}) has ${summariseProblems(v.problems)}.`, v.problems);
}

function checkProjectSeries(estate: Estate, series: SeriesSet): { ok: true } | Failure {
  const problems: ModelProblem[] = checkSeries(series, new Set(estate.servers.map((s) => s.id))).map((p) => ({ ...p, kind: 'series' }));
  if (problems.length === 0) return { ok: true };
  const code: ProjectFileErrorCode = problems.some((p) => /duplicate/.test(p.message))
    ? 'duplicate-id'
    : problems.some((p) => /not in the estate/.test(p.message))
      ? 'dangling-reference'
      : problems.some((p) => /servers x .* hours needs/.test(p.message))
        ? 'series-length-mismatch'
        : 'invalid-series';
  return fail(code, `The utilisation series has ${summariseProblems(problems)}.`, problems);
}
