import { readFile, stat } from 'node:fs/promises';
import { HostFailure } from './host-error.ts';

/** Largest .cwb the host opens or saves (a 17-data-centre estate with a year of hourly series is far below). */
export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;

export type ValidateProject = (bytes: Uint8Array) => { ok: true } | { ok: false; message: string };

/** Reading and writing .cwb files: bytes in and out, always validated with the codec on the way. */
export type ProjectIo = {
  /** The file's bytes after the codec accepted them; 'bad-file' with the codec's message otherwise. */
  read(path: string): Promise<Uint8Array>;
  /**
   * Validate, then write atomically keeping a .bak; refuses ('no-backup') when the .bak cannot be kept,
   * unless `withoutBackup` (the user chose "Save without backup").
   */
  write(path: string, bytes: Uint8Array, options?: { withoutBackup?: boolean }): Promise<void>;
  /** Throws 'bad-file' unless the bytes decode. */
  validate(bytes: Uint8Array, what: string): void;
};

export function createProjectIo(deps: {
  validate: ValidateProject;
  writeFile: (path: string, bytes: Uint8Array, options?: { withoutBackup?: boolean }) => Promise<void>;
}): ProjectIo {
  const validate = (bytes: Uint8Array, what: string): void => {
    const result = deps.validate(bytes);
    if (!result.ok) throw new HostFailure('bad-file', `${what} is not a valid project file: ${result.message}`);
  };
  return {
    validate,
    async read(path) {
      const info = await stat(path);
      if (!info.isFile()) throw new HostFailure('bad-argument', `Not a file: ${path}`);
      if (info.size > MAX_PROJECT_BYTES) throw new HostFailure('too-large', `File too large (${info.size} bytes): ${path}`);
      const bytes = new Uint8Array(await readFile(path));
      validate(bytes, path);
      return bytes;
    },
    async write(path, bytes, options) {
      if (bytes.byteLength > MAX_PROJECT_BYTES) throw new HostFailure('too-large', 'Project too large to save');
      validate(bytes, 'The project to save');
      await deps.writeFile(path, bytes, options);
    },
  };
}
