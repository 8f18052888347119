/**
 * Browser-mode host: the same HostApi over HTTP. Each call is POST /api/<name> with the header
 * `x-cwb-token` (from the page URL's ?token=), body encodeWire(args), answer encodeWire(HostResult).
 * Calls never throw: a network failure is an 'io' error, a refused token 'forbidden'.
 *
 * Events: the browser host pushes none, so subscriptions are no-ops, except closeRequest, which maps to the
 * page's beforeunload prompt while the project has unsaved changes (known from windowSetState).
 */
import type {
  HostApi,
  HostCallArgs,
  HostCallName,
  HostError,
  HostErrorCode,
  HostResult,
  HostReturns,
} from '../../electron/contract.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';

/** Restates the contract's apiRoute (the renderer may import only types from the contract). */
export const apiRoute = (name: HostCallName): string => `/api/${name}`;

/** Every call of the contract: the compiler flags a call added to or removed from the contract. */
const CALLS = {
  projectOpenInitial: true,
  projectOpen: true,
  projectSave: true,
  projectSaveAs: true,
  projectRecent: true,
  recoveryWrite: true,
  recoveryCheck: true,
  recoveryOpen: true,
  recoveryDiscard: true,
  importPreview: true,
  importRun: true,
  exportWrite: true,
  exportPdf: true,
  appInfo: true,
  filesList: true,
  windowSetState: true,
  windowConfirmClose: true,
} satisfies Record<HostCallName, true>;

export const BROWSER_CALL_NAMES = Object.keys(CALLS) as HostCallName[]; // the keys of CALLS, checked above

export type BrowserHostOptions = {
  fetch: typeof fetch;
  /** The session token (the page URL's ?token=). */
  token: string | null;
  /** Origin or prefix of the API, '' for same origin. */
  baseUrl?: string;
  /** For beforeunload and the document title; null in tests that don't need them. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  document?: Pick<Document, 'title'> | null;
};

export function tokenFromUrl(href: string): string | null {
  try {
    return new URL(href).searchParams.get('token');
  } catch {
    return null;
  }
}

/** The contract's error codes (restated; the compiler flags drift). */
const CODES = {
  cancelled: true,
  'not-found': true,
  'bad-file': true,
  'bad-argument': true,
  io: true,
  'too-large': true,
  forbidden: true,
  exists: true,
  'no-backup': true,
  internal: true,
} satisfies Record<HostErrorCode, true>;

function isHostError(v: unknown): v is HostError {
  if (typeof v !== 'object' || v === null) return false;
  const e: { code?: unknown; message?: unknown } = v;
  return typeof e.code === 'string' && Object.hasOwn(CODES, e.code) && typeof e.message === 'string';
}

/** The shape of a HostResult; the value's type is the host's word (as with Electron IPC). */
function asHostResult(v: unknown): HostResult<unknown> | null {
  if (typeof v !== 'object' || v === null) return null;
  const r: { ok?: unknown; value?: unknown; error?: unknown } = v;
  if (r.ok === true && 'value' in r) return { ok: true, value: r.value };
  if (r.ok === false && isHostError(r.error)) return { ok: false, error: r.error };
  return null;
}

const fail = (code: HostErrorCode, message: string): HostResult<never> => ({ ok: false, error: { code, message } });

function statusError(status: number): HostResult<never> {
  if (status === 401 || status === 403) return fail('forbidden', 'The workbench server refused this session (bad or missing token). Reopen the link the server printed.');
  if (status === 404) return fail('not-found', 'The workbench server does not know this request.');
  if (status === 413) return fail('too-large', 'The request is too large for the workbench server.');
  return fail('internal', `The workbench server answered with HTTP ${status}.`);
}

export function createBrowserHost(options: BrowserHostOptions): HostApi {
  const { fetch: doFetch, token, baseUrl = '', window: win = null, document: doc = null } = options;
  let dirty = false;

  async function post(name: HostCallName, args: unknown): Promise<HostResult<unknown>> {
    let response: Response;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (token) headers['x-cwb-token'] = token;
      const body = encodeWire(args);
      response = await doFetch(`${baseUrl}${apiRoute(name)}`, { method: 'POST', headers, body: body as Uint8Array<ArrayBuffer> }); // encodeWire allocates a plain ArrayBuffer
    } catch (e) {
      return fail('io', `Could not reach the workbench server: ${e instanceof Error ? e.message : String(e)}`);
    }
    let decoded: HostResult<unknown> | null;
    try {
      decoded = asHostResult(decodeWire(new Uint8Array(await response.arrayBuffer())));
    } catch {
      decoded = null;
    }
    if (decoded && (response.ok || !decoded.ok)) return decoded;
    if (!response.ok) return statusError(response.status);
    return fail('internal', `The workbench server sent an answer to ${name} that is not a result.`);
  }

  const method =
    <K extends HostCallName>(name: K) =>
    (args: HostCallArgs<K>): Promise<HostResult<HostReturns[K]>> =>
      post(name, args) as Promise<HostResult<HostReturns[K]>>; // the host answers with the contract's type for K

  const calls = Object.fromEntries(BROWSER_CALL_NAMES.map((n) => [n, method(n)])) as {
    [K in HostCallName]: HostApi[K];
  }; // one method per name of CALLS, built by method(name)

  const windowSetState: HostApi['windowSetState'] = (args) => {
    dirty = args.dirty;
    if (doc) doc.title = `${args.dirty ? '• ' : ''}${args.title}`;
    return calls.windowSetState(args);
  };

  return {
    ...calls,
    windowSetState,
    onMenuCommand: () => () => {},
    onFileOpenRequest: () => () => {},
    onCloseRequest: () => {
      if (!win) return () => {};
      const onBeforeUnload = (e: BeforeUnloadEvent) => {
        if (!dirty) return;
        e.preventDefault(); // the browser shows its own "leave site?" prompt
      };
      win.addEventListener('beforeunload', onBeforeUnload);
      return () => win.removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}
