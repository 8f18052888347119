/** What the host sends an import worker (as workerData) and what the worker posts back. */
import type { HostError } from '../../contract.ts';
import type { FilePreview } from './import-files.ts';
import type { ImportRunArgs, ImportRunResult } from './import-service.ts';

export type PreviewArgs = { paths: string[]; kinds?: ImportRunArgs['kinds'] };
export type ImportJob =
  | { op: 'preview'; args: PreviewArgs }
  | { op: 'run'; args: Omit<ImportRunArgs, 'onProgress'>; meta: { appVersion: string; nowUtc: string } };

export type WorkerMessage =
  | { type: 'progress'; file: string | null; rows: number }
  | { type: 'done'; value: FilePreview[] | ImportRunResult }
  | { type: 'error'; error: HostError };
