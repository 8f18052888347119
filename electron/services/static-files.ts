import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The renderer's Content-Security-Policy: same in the HTTP header, Electron's protocol handler and index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and d3 set style attributes; no inline script is allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` a URL path names, or null. Refuses anything that could leave the folder: encoded
 * separators, `..` segments, NUL, backslashes, and symbolic links that resolve outside.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(urlPath)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes(':'))) return null;
  const absRoot = resolve(root);
  const rel = segments.length === 0 ? 'index.html' : join(...segments);
  const target = resolve(absRoot, rel);
  const within = (base: string, p: string) => {
    const r = relative(base, p);
    return r !== '' && !r.startsWith('..') && !isAbsolute(r) && !r.split(sep).includes('..');
  };
  if (!within(absRoot, target)) return null;
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(absRoot), realpath(target)]);
    if (!within(realRoot, realTarget)) return null;
    return (await stat(realTarget)).isFile() ? realTarget : null;
  } catch {
    return null;
  }
}
