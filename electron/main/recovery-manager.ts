import { app } from 'electron';
import { recoveryStore } from '../services/recovery-store.ts';
import type { Manager } from './managers.ts';

/**
 * The recovery file outlives a crash but not a clean exit: quitting with nothing unsaved removes it, so the
 * next start offers a recovery only after a crash (or a kill) with unsaved work.
 */
export function recoveryManager(dataDir: string, isDirty: () => boolean): Manager {
  const store = recoveryStore(dataDir);
  let discarding: Promise<void> | null = null;
  const onWillQuit = (event: Electron.Event) => {
    if (isDirty() || discarding) return;
    event.preventDefault();
    discarding = store.discard().catch(() => {}).finally(() => app.quit());
  };
  return {
    name: 'recovery',
    start() {
      app.on('will-quit', onWillQuit);
    },
    stop() {
      app.off('will-quit', onWillQuit);
    },
  };
}
