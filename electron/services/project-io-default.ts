import { decodeProject } from '../../core/project-file/codec.ts';
import { HostFailure } from './host-error.ts';
import type { ProjectIo } from './project-io.ts';
import { readProjectFile, toHostError as projectFileError, writeProjectFile } from './project-store.ts';

/**
 * The real project I/O of both hosts: project-store reads (size-checked) and decodes with the .cwb codec,
 * so a corrupt file is refused with 'bad-file' and the codec's message before its bytes reach the renderer;
 * saves are verified, atomic and keep a .bak.
 */
export function defaultProjectIo(): ProjectIo {
  return {
    async read(path) {
      const result = await readProjectFile(path);
      if (!result.ok) {
        const e = projectFileError(result.error);
        throw new HostFailure(e.code, e.message);
      }
      return result.bytes;
    },
    async write(path, bytes, options) {
      const withoutBackup = options?.withoutBackup === true;
      const result = await writeProjectFile(path, bytes, { backup: !withoutBackup, requireBackup: !withoutBackup, verify: true });
      if (!result.ok) {
        const e = projectFileError(result.error);
        throw new HostFailure(e.code, e.message);
      }
    },
    validate(bytes, what) {
      const result = decodeProject(bytes);
      if (!result.ok) throw new HostFailure('bad-file', `${what} does not open: ${result.error.message}`);
    },
  };
}
