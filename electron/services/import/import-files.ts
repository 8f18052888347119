/**
 * importFiles: the host service behind File > Import, the browser-mode server and `cwb import`. Reads each
 * file (xlsx with exceljs, CSV streamed), maps it with core/import, and merges the results one after the
 * other into a project, in dependency order: RVTools and inventories (servers), sites, links, then series
 * and flows (which refer to servers). RVTools_tab<sheet>.csv files of one folder are one RVTools export.
 */
import path from 'node:path';
import type { Project } from '../../../core/model/project.ts';
import { applyMapping, type ApplyContext } from '../../../core/import/apply.ts';
import { ImportError } from '../../../core/import/errors.ts';
import { guessKind, guessMapping, type ImportKind, type Mapping, type MappingGuess } from '../../../core/import/mapping.ts';
import { mergeImport } from '../../../core/import/merge.ts';
import { combineReports, type QualityIssue, type QualityReport } from '../../../core/import/report.ts';
import { DEFAULT_RATING_PER_CORE, RATING_PER_GHZ, type ImportResult } from '../../../core/import/result.ts';
import { mapRvtools, type RvtoolsOptions } from '../../../core/import/rvtools.ts';
import { rvtoolsSheetOfCsvName } from '../../../core/import/rvtools-sheets.ts';
import type { Table } from '../../../core/import/table.ts';
import { DEFAULT_MAX_CSV_BYTES, readCsv, readCsvHeaders, type CsvRead } from './read-csv.ts';
import { checkSize, readXlsx } from './read-xlsx.ts';

export type FileKind = 'rvtools' | ImportKind;

export type ImportFilesOptions = {
  /** Project to import into; null or absent builds a fresh project. */
  base?: Project | null;
  /** Kind per file path (else: .xlsx and RVTools_tab*.csv are RVTools, other CSVs are guessed from headers). */
  kinds?: Readonly<Record<string, FileKind>>;
  /** Confirmed column mapping per CSV path (else guessMapping's proposal). */
  mappings?: Readonly<Record<string, Mapping>>;
  /** Zone of time stamps without an offset; default UTC. */
  timeZone?: string;
  maxBytes?: number;
  name?: string;
  storageBasis?: RvtoolsOptions['storageBasis'];
  seriesStartUtc?: string;
};

type Job = { order: number; kind: FileKind; paths: string[] };
const ORDER: Record<FileKind, number> = { rvtools: 0, inventory: 1, sites: 2, links: 3, series: 4, getstat: 4, perfmon: 4, sar: 4, wide: 4, flows: 5 };

/**
 * The readers' warnings as report issues, one per distinct message listing every row it concerns (as
 * ReportBuilder.addGrouped does): a file with the same problem on 200k rows is one issue, not 200k.
 */
export function addWarnings(result: ImportResult, reads: CsvRead[]): ImportResult {
  const byMessage = new Map<string, QualityIssue>();
  for (const r of reads) {
    for (const w of r.warnings) {
      const issue = byMessage.get(w.message);
      if (issue) issue.at.push(w.at);
      else {
        const added: QualityIssue = { severity: 'warning', kind: 'bad-value', message: w.message, at: [w.at] };
        byMessage.set(w.message, added);
        result.report.issues.push(added);
      }
    }
  }
  return result;
}

/** The sheet of a workbook a CSV kind reads: the first with data rows, else the first. Preview and run agree. */
export function csvKindSheet(sheets: readonly Table[]): Table | undefined {
  return sheets.find((t) => t.rows.length > 0) ?? sheets[0];
}

function contextOf(project: Project | null): ApplyContext {
  const e = project?.estate;
  return {
    // Performance exports convert MHz and KB to percentages with the server's vCPUs, clock (unknown while the
    // rating is the placeholder) and memory.
    servers: e?.servers.map((s) => ({ id: s.id, name: s.name, cores: s.cores, mhzPerCore: s.ratingPerCore === DEFAULT_RATING_PER_CORE ? null : (s.ratingPerCore / RATING_PER_GHZ) * 1000, memoryGiB: s.memoryGiB })) ?? [],
    userSites: e?.userSites.map((s) => ({ id: s.id, name: s.name })) ?? [],
    sites: [...(e?.dataCentres ?? []), ...(e?.userSites ?? [])].map((s) => ({ id: s.id, name: s.name })),
  };
}

/** Read and map one job (one file, or an RVTools CSV set). */
async function runJob(job: Job, project: Project | null, options: ImportFilesOptions): Promise<ImportResult> {
  const maxBytes = options.maxBytes;
  if (job.kind === 'rvtools') {
    const tables: Table[] = [];
    const reads: CsvRead[] = [];
    for (const p of job.paths) {
      if (/\.xlsx$/i.test(p)) tables.push(...(await readXlsx(p, { maxBytes })));
      else {
        const read = await readCsv(p, { maxBytes, sheet: rvtoolsSheetOfCsvName(p) ?? path.basename(p, path.extname(p)) });
        reads.push(read);
        tables.push(read.table);
      }
    }
    return addWarnings(mapRvtools(tables, { storageBasis: options.storageBasis }), reads);
  }
  const file = job.paths[0];
  let read: CsvRead;
  if (/\.xlsx$/i.test(file)) {
    const sheets = await readXlsx(file, { maxBytes });
    const first = csvKindSheet(sheets);
    if (!first) throw new ImportError(`${path.basename(file)}: the workbook has no sheets`);
    read = { table: first, warnings: [] };
  } else read = await readCsv(file, { maxBytes });
  const mapping = options.mappings?.[file] ?? guessMapping(job.kind, read.table.headers);
  const context = { ...contextOf(project), timeZone: options.timeZone };
  return addWarnings(applyMapping(job.kind, read.table, mapping, context), [read]);
}

/** Decide what each file is. */
export async function planImport(paths: readonly string[], options: Pick<ImportFilesOptions, 'kinds' | 'maxBytes'> = {}): Promise<Job[]> {
  const jobs: Job[] = [];
  const rvCsvByDir = new Map<string, string[]>();
  for (const p of paths) {
    const given = options.kinds?.[p];
    const isRvCsv = rvtoolsSheetOfCsvName(p) !== null;
    if (given === 'rvtools' || (given === undefined && (isRvCsv || /\.xlsx$/i.test(p)))) {
      if (/\.xlsx$/i.test(p)) jobs.push({ order: ORDER.rvtools, kind: 'rvtools', paths: [p] });
      else {
        const dir = path.dirname(p);
        rvCsvByDir.set(dir, [...(rvCsvByDir.get(dir) ?? []), p]);
      }
      continue;
    }
    if (given !== undefined) {
      jobs.push({ order: ORDER[given], kind: given, paths: [p] });
      continue;
    }
    if (!/\.(csv|txt|tsv)$/i.test(p)) throw new ImportError(`${path.basename(p)}: unknown file type; import .xlsx (RVTools) or .csv files`);
    await checkSize(p, options.maxBytes ?? DEFAULT_MAX_CSV_BYTES, path.basename(p));
    const headers = await readCsvHeaders(p);
    const { kind, guess } = guessKind(headers);
    if (guess.missingRequired.length > 0) {
      throw new ImportError(`${path.basename(p)}: cannot tell what this CSV holds (columns: ${headers.slice(0, 20).join(', ') || 'none'}); name its kind (inventory, series, flows, sites, links, getstat, perfmon, sar, wide) and map its columns`);
    }
    jobs.push({ order: ORDER[kind], kind, paths: [p] });
  }
  for (const group of rvCsvByDir.values()) jobs.push({ order: ORDER.rvtools, kind: 'rvtools', paths: group });
  return jobs.sort((a, b) => a.order - b.order);
}

export async function importFiles(paths: readonly string[], options: ImportFilesOptions = {}): Promise<{ project: Project; report: QualityReport }> {
  if (paths.length === 0) throw new ImportError('no files to import');
  const jobs = await planImport(paths, options);
  let project: Project | null = options.base ?? null;
  const reports: QualityReport[] = [];
  for (const job of jobs) {
    const result = await runJob(job, project, options);
    const merged = mergeImport(project, result, { name: options.name, seriesStartUtc: options.seriesStartUtc });
    project = merged.project;
    reports.push(merged.report);
  }
  if (project === null) throw new ImportError('nothing was imported');
  return { project, report: combineReports(reports) };
}

/** What the mapping step shows for one file before the import runs. */
export type FilePreview = {
  path: string;
  kind: FileKind | null;
  headers: string[];
  /** The proposed column mapping (CSV kinds); the UI lets the consultant change it and passes it back in options.mappings. */
  guess: MappingGuess | null;
  /** Why the file cannot be imported as it is (null when it can). */
  error: string | null;
};

/** Classify files and propose column mappings, without importing. Never throws: problems are in `error`. */
export async function previewFiles(paths: readonly string[], options: Pick<ImportFilesOptions, 'kinds' | 'maxBytes'> = {}): Promise<FilePreview[]> {
  const out: FilePreview[] = [];
  for (const p of paths) {
    try {
      const [job] = await planImport([p], options);
      if (job.kind === 'rvtools') {
        out.push({ path: p, kind: 'rvtools', headers: [], guess: null, error: null });
        continue;
      }
      const headers = /\.xlsx$/i.test(p) ? (csvKindSheet(await readXlsx(p, { maxBytes: options.maxBytes }))?.headers ?? []) : await readCsvHeaders(p);
      const guess = guessMapping(job.kind, headers);
      out.push({ path: p, kind: job.kind, headers, guess, error: null });
    } catch (e) {
      out.push({ path: p, kind: null, headers: [], guess: null, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
