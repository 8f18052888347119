/**
 * What can be wrong with a .cwb file, as a code the UI can act on and a message a consultant can read.
 * Every decode failure is one of these; the codec never throws.
 */
import { formatProblem, type ModelProblem } from '../model/validate.ts';

export type ProjectFileErrorCode =
  /** The file does not exist (project-store only). */
  | 'not-found'
  /** The file could not be read or written (project-store only). */
  | 'io'
  /** Not saved: the previous version could not be kept as `<name>.bak` (project-store only). */
  | 'no-backup'
  /** The file, or the sum of its entries, is larger than this app opens. */
  | 'too-large'
  /** Not a zip container at all. */
  | 'not-zip'
  /** A zip container that was cut off. */
  | 'truncated'
  /** The zip structure is damaged (bad headers, overlapping entries, checksum mismatch). */
  | 'corrupt'
  /** Zip features the format never uses (encryption, multi-disk, zip64, unknown compression). */
  | 'unsupported-zip'
  | 'too-many-entries'
  /** An entry's declared uncompressed size is above the limit (a zip bomb or a damaged header). */
  | 'entry-too-large'
  /** An entry inflates to a different size than its header declares (a lying header). */
  | 'entry-size-mismatch'
  /** Entry names with "..", an absolute path, a drive letter or a backslash. */
  | 'unsafe-entry-name'
  | 'duplicate-entry'
  | 'missing-manifest'
  /** A required entry (estate.json, series.json, series.bin) is missing. */
  | 'missing-entry'
  /** A zip, but not a Consolidation Workbench project. */
  | 'not-cwb'
  | 'bad-manifest'
  /** Written by a newer version of the app. */
  | 'future-version'
  /** An entry is not valid UTF-8 JSON. */
  | 'bad-json'
  /** The estate does not match the schema (problems name the field path and value). */
  | 'schema'
  | 'duplicate-id'
  | 'dangling-reference'
  /** Other estate rules (e.g. a server that is its own DR partner). */
  | 'invalid-estate'
  /** The series arrays do not have servers x hours values, or the index and the binary disagree. */
  | 'series-length-mismatch'
  /** Other series problems (timeline, values out of range, unknown or duplicate server rows). */
  | 'invalid-series';

export type ProjectFileError = { code: ProjectFileErrorCode; message: string; problems?: ModelProblem[] };

export type Failure = { ok: false; error: ProjectFileError };

export function fail(code: ProjectFileErrorCode, message: string, problems?: ModelProblem[]): Failure {
  return { ok: false, error: problems ? { code, message, problems } : { code, message } };
}

/** "3 problems, first: servers[12].cores: ... (value: 0); servers[14].name: ..." (at most `shown` listed). */
export function summariseProblems(problems: readonly ModelProblem[], shown = 3): string {
  const listed = problems.slice(0, shown).map(formatProblem).join('; ');
  const more = problems.length > shown ? `; and ${problems.length - shown} more` : '';
  return `${problems.length} problem${problems.length === 1 ? '' : 's'}: ${listed}${more}`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
