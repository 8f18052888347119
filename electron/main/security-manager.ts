import { app, protocol, session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveStatic } from '../services/static-files.ts';
import { APP_ORIGIN, APP_SCHEME } from './app-paths.ts';
import type { Manager } from './managers.ts';

/** Must run before `ready`: the app scheme behaves like https (standard, secure) so 'self' and workers work. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Every web contents gets the same lock-down: no navigation, no new windows, no webviews. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Serves the built renderer under cwb://app/ with the CSP header, denies every permission request, refuses
 * every request that would leave the app (no remote content), and locks down each web contents.
 */
export function securityManager(rendererDir: string): Manager {
  const onContents = (_e: Electron.Event, contents: WebContents) => lockDown(contents);
  return {
    name: 'security',
    start() {
      const ses = session.defaultSession;
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      ses.setPermissionCheckHandler(() => false);
      ses.setDevicePermissionHandler(() => false);
      ses.webRequest.onBeforeRequest((details, callback) => {
        const local = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
        callback({ cancel: !local });
      });
      protocol.handle(APP_SCHEME, async (request) => {
        const url = new URL(request.url);
        const file = url.host === 'app' ? await resolveStatic(rendererDir, url.pathname) : null;
        if (!file) return new Response('Not found', { status: 404 });
        return new Response(new Uint8Array(await readFile(file)), {
          headers: { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
        });
      });
      app.on('web-contents-created', onContents);
    },
    stop() {
      app.off('web-contents-created', onContents);
      protocol.unhandle(APP_SCHEME);
    },
  };
}
