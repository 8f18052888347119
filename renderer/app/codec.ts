/** The .cwb codec as the controller sees it (injected, so tests can use a fake one). */
import { decodeProject, encodeProject, type PlansToSave } from '../../core/project-file/codec.ts';
import type { Project } from '../../core/model/project.ts';
import type { OpenedPlans } from '../../core/project-file/saved-plans.ts';

export type ProjectCodec = {
  /** `plans`: the plans kept in the file (absent: none). */
  decode: (bytes: Uint8Array) => { ok: true; project: Project; plans?: OpenedPlans } | { ok: false; error: { code: string; message: string } };
  encode: (project: Project, meta: { appVersion: string; nowUtc: string }, plans?: PlansToSave) => Uint8Array<ArrayBuffer>;
};

/** The same bytes typed as backed by a plain ArrayBuffer (what the contract's byte arguments take); copies only a shared buffer. */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

export const cwbCodec: ProjectCodec = {
  decode: (bytes) => decodeProject(bytes),
  encode: (project, meta, plans) => plainBytes(encodeProject(project, meta, { plans })),
};
