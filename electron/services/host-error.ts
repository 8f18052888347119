import type { HostError, HostErrorCode } from '../contract.ts';

/** Thrown inside host services; the dispatcher turns it into `{ ok: false, error }`. */
export class HostFailure extends Error {
  override name = 'HostFailure';
  readonly code: HostErrorCode;
  constructor(code: HostErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const FS_CODES: Record<string, HostErrorCode> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'forbidden',
  EPERM: 'forbidden',
  EISDIR: 'bad-argument',
};

/** Any thrown value as a HostError a consultant can read (file-system errors keep their path, not a stack). */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostFailure) return { code: e.code, message: e.message };
  if (e instanceof Error && 'code' in e && typeof e.code === 'string') {
    const code = FS_CODES[e.code] ?? 'io';
    const path = 'path' in e && typeof e.path === 'string' ? `: ${e.path}` : '';
    const what = code === 'not-found' ? 'File not found' : code === 'forbidden' ? 'Permission denied' : `File error (${e.code})`;
    return { code, message: `${what}${path}` };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
