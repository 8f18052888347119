import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostError } from '../contract.ts';
import { decodeWire, encodeWire } from '../../core/util/wire.ts';
import { isHostCallName, type Dispatch } from '../services/dispatch.ts';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveStatic } from '../services/static-files.ts';

/** Largest request body: a project of MAX_PROJECT_BYTES plus the envelope. */
export const MAX_BODY_BYTES = 520 * 1024 * 1024;
export const TOKEN_HEADER = 'x-cwb-token';
const HOST = '127.0.0.1';

export type BrowserHostServer = { url: string; origin: string; port: number; token: string; close(): Promise<void> };

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function sendError(res: ServerResponse, status: number, error: HostError): void {
  const body = encodeWire({ ok: false, error });
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/octet-stream', 'cache-control': 'no-store', 'content-length': body.byteLength });
  res.end(body);
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const g = Buffer.from(given, 'utf8');
  return g.length === expected.length && timingSafeEqual(g, expected);
}

async function readBody(req: IncomingMessage): Promise<Uint8Array | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/**
 * The browser-mode host: the built workbench and the host contract over HTTP on 127.0.0.1 only.
 * Every /api/ request is checked for the run's token before anything else looks at it.
 */
/** A request (headers and body) must arrive within this time; a slow sender's socket is closed (408). */
export const BODY_TIMEOUT_MS = 30_000;

export async function startBrowserHostServer(options: {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
  /** Default BODY_TIMEOUT_MS; tests use a short one. */
  bodyTimeoutMs?: number;
}): Promise<BrowserHostServer> {
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(token, 'utf8');
  let origin = '';
  let port = 0;
  // DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own name as Host.
  const hostAllowed = (req: IncomingMessage) => req.headers.host === `${HOST}:${port}` || req.headers.host === `localhost:${port}`;

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!tokenMatches(expected, req.headers[TOKEN_HEADER])) {
      sendError(res, 401, { code: 'forbidden', message: 'Missing or wrong token' });
      return;
    }
    if (!hostAllowed(req)) {
      sendError(res, 403, { code: 'forbidden', message: 'Unexpected Host header' });
      return;
    }
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) {
      sendError(res, 403, { code: 'forbidden', message: 'Cross-origin request refused' });
      return;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, { code: 'bad-argument', message: 'Use POST' });
      return;
    }
    const name = pathname.slice('/api/'.length);
    if (!isHostCallName(name)) {
      sendError(res, 404, { code: 'bad-argument', message: `Unknown call: ${name}` });
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      sendError(res, 413, { code: 'too-large', message: 'Request too large' });
      return;
    }
    let args: unknown;
    try {
      args = decodeWire(body);
    } catch (e) {
      sendError(res, 400, { code: 'bad-argument', message: `Malformed request body: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    const result = await options.dispatch(name, args);
    const out = encodeWire(result);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'application/octet-stream',
      'cache-control': 'no-store',
      'content-length': out.byteLength,
    });
    res.end(out);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!hostAllowed(req)) {
      res.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await resolveStatic(options.staticDir, pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  // Node checks requestTimeout every connectionsCheckingInterval: check often enough for the limit to hold.
  const server = createServer({ requestTimeout: bodyTimeoutMs, headersTimeout: bodyTimeoutMs, connectionsCheckingInterval: Math.max(50, Math.min(1000, bodyTimeoutMs / 4)) }, (req, res) => {
    const raw = req.url ?? '/';
    // Only the path matters; a request target with a scheme or authority is refused.
    if (!raw.startsWith('/')) {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const pathname = raw.split('?')[0];
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    const work = isApi ? handleApi(req, res, pathname) : handleStatic(req, res, pathname);
    work.catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, HOST, () => ok());
  });
  const address: AddressInfo | string | null = server.address();
  if (!address || typeof address === 'string') throw new Error('The browser host has no TCP address');
  port = address.port;
  origin = `http://${HOST}:${port}`;
  return {
    origin,
    port,
    token,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
