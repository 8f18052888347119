import { readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FileRef, type RecoveryInfo } from '../contract.ts';
import { writeFileAtomic } from './atomic-write.ts';

/**
 * The recovery file: the renderer's unsaved project, written atomically every minute to the data folder.
 * A clean close discards it; after a crash the next start finds it (recoveryCheck).
 */
export function recoveryStore(dataDir: string) {
  const dir = join(dataDir, 'recovery');
  const bytesPath = resolve(dir, 'recovery.cwb');
  const metaPath = join(dir, 'recovery.json');
  return {
    bytesPath,
    async write(file: FileRef | null, bytes: Uint8Array, savedAt: string): Promise<void> {
      // Bytes first, then the metadata that makes them visible: a crash in between leaves no half-written offer.
      await writeFileAtomic(bytesPath, bytes);
      await writeFileAtomic(metaPath, new TextEncoder().encode(JSON.stringify({ file, savedAt })));
    },
    async check(): Promise<RecoveryInfo | null> {
      try {
        const meta: unknown = JSON.parse(await readFile(metaPath, 'utf8'));
        if (!meta || typeof meta !== 'object' || !('savedAt' in meta) || typeof meta.savedAt !== 'string') return null;
        const file = 'file' in meta ? FileRef.nullable().safeParse(meta.file) : null;
        await stat(bytesPath);
        return { file: file?.success ? file.data : null, savedAt: meta.savedAt, recoveryPath: bytesPath };
      } catch {
        return null;
      }
    },
    async discard(): Promise<void> {
      await rm(metaPath, { force: true });
      await rm(bytesPath, { force: true });
    },
  };
}

export type RecoveryStore = ReturnType<typeof recoveryStore>;
