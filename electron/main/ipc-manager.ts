import { ipcMain } from 'electron';
import { HOST_CALL_NAMES, ipcChannel, type HostCallName, type HostResult } from '../contract.ts';
import type { Dispatch } from '../services/dispatch.ts';
import type { Manager } from './managers.ts';
import type { WindowManager } from './window-manager.ts';

const PROJECT_LOADS = new Set<HostCallName>(['projectOpenInitial', 'recoveryOpen', 'projectOpen']);
const refused: HostResult<never> = { ok: false, error: { code: 'forbidden', message: 'Call from an unknown frame' } };

/**
 * One ipcMain handler per call on its own channel. Each checks that the sender is the app's own main frame,
 * then hands the raw arguments to the dispatcher, which validates them with the contract's schemas.
 */
export function ipcManager(dispatch: Dispatch, windows: WindowManager, afterCall: (name: HostCallName) => void): Manager {
  return {
    name: 'ipc',
    start() {
      for (const name of HOST_CALL_NAMES) {
        ipcMain.handle(ipcChannel(name), async (event, args: unknown) => {
          if (!windows.isAppFrame(event.senderFrame)) return refused;
          const result = await dispatch(name, args);
          // Once the renderer has its first project, and after this reply has gone out: a queued
          // fileOpenRequest must not overtake projectOpenInitial's answer.
          if (PROJECT_LOADS.has(name)) setTimeout(() => windows.rendererCalled(), 0);
          if (result.ok) afterCall(name);
          return result;
        });
      }
    },
    stop() {
      for (const name of HOST_CALL_NAMES) ipcMain.removeHandler(ipcChannel(name));
    },
  };
}
