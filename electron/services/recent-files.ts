import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileRef } from '../contract.ts';
import { writeFileAtomic } from './atomic-write.ts';

const MAX_RECENT = 10;

export const fileRef = (path: string): FileRef => ({ path, name: basename(path) });

/** The most recently opened or saved projects, newest first, kept as JSON in the data folder. */
export function recentFiles(dataDir: string) {
  const file = join(dataDir, 'recent.json');
  const load = async (): Promise<string[]> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  };
  return {
    /** Entries whose file still exists. */
    async list(): Promise<FileRef[]> {
      const paths = await load();
      const exists = await Promise.all(paths.map((p) => stat(p).then((s) => s.isFile(), () => false)));
      return paths.filter((_, i) => exists[i]).map(fileRef);
    },
    async add(path: string): Promise<void> {
      const paths = [path, ...(await load()).filter((p) => p !== path)].slice(0, MAX_RECENT);
      await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(paths, null, 1)));
    },
  };
}

export type RecentFiles = ReturnType<typeof recentFiles>;
