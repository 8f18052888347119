import { app } from 'electron';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manager } from './managers.ts';

/** The .cwb files named on a command line (skipping Electron's own switches and the app path). */
export function projectPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv.filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.cwb')).map((a) => resolve(cwd, a)).filter((p) => existsSync(p));
}

/**
 * Files the OS or a command line asks to open: this start's argv, a second instance's argv (single instance
 * lock) and macOS open-file. Each is granted and pushed to the renderer as fileOpenRequest.
 */
export function openRequestManager(deps: { open(path: string): void; focus(): void }): Manager & { registerEarly(): void } {
  const onOpenFile = (event: Electron.Event, path: string) => {
    event.preventDefault();
    deps.open(path);
  };
  const onSecondInstance = (_e: Electron.Event, argv: string[], cwd: string) => {
    deps.focus();
    for (const p of projectPathsFromArgv(argv.slice(1), cwd)) deps.open(p);
  };
  return {
    name: 'open-requests',
    /** macOS sends open-file before ready: listen from the very start. */
    registerEarly() {
      app.on('open-file', onOpenFile);
    },
    start() {
      app.on('second-instance', onSecondInstance);
      for (const p of projectPathsFromArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd())) deps.open(p);
    },
    stop() {
      app.off('open-file', onOpenFile);
      app.off('second-instance', onSecondInstance);
    },
  };
}
