import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic as replaceAtomically } from './project-store-atomic.ts';

/**
 * Write a small host file (recovery, recent list, exports) atomically, creating its folder: the same
 * temp + fsync + rename + folder fsync as project saves (project-store-atomic.ts), without a .bak.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await replaceAtomically(path, bytes, { backup: false });
}
