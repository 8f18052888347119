/**
 * The host-call side of import (proposed contract calls importPreview / importRun, see the import report):
 * the renderer sends its current project as .cwb bytes (or null for a fresh one) and gets back the merged
 * project as .cwb bytes plus the quality report, so the import is one undoable step in the renderer.
 * ImportErrors become HostFailures ('bad-file'), so the UI shows the message that names file, sheet and row.
 */
import { decodeProject, encodeProject } from '../../../core/project-file/codec.ts';
import { ImportError } from '../../../core/import/errors.ts';
import { formatReport, type QualityReport } from '../../../core/import/report.ts';
import { HostFailure } from '../host-error.ts';
import { importFiles, previewFiles, type FilePreview, type ImportFilesOptions } from './import-files.ts';

export type ImportRunArgs = Omit<ImportFilesOptions, 'base'> & { paths: string[]; base: Uint8Array | null };
export type ImportRunResult = { bytes: Uint8Array; report: QualityReport; reportText: string };

export async function runImport(args: ImportRunArgs, meta: { appVersion: string; nowUtc: string }): Promise<ImportRunResult> {
  let base = null;
  if (args.base !== null) {
    const decoded = decodeProject(args.base);
    if (!decoded.ok) throw new HostFailure('bad-argument', `the current project could not be read for the import: ${decoded.error.message}`);
    base = decoded.project;
  }
  try {
    const { paths, base: _bytes, ...options } = args;
    const { project, report } = await importFiles(paths, { ...options, base });
    return { bytes: encodeProject(project, meta), report, reportText: formatReport(report) };
  } catch (e) {
    if (e instanceof ImportError) throw new HostFailure('bad-file', e.message);
    throw e;
  }
}

export async function previewImport(args: { paths: string[]; kinds?: ImportFilesOptions['kinds']; onProgress?: ImportFilesOptions['onProgress'] }): Promise<FilePreview[]> {
  return previewFiles(args.paths, { kinds: args.kinds, onProgress: args.onProgress });
}
