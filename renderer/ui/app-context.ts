/** What components reach besides the store: the controller (actions, file flows), the engine runner, the dialogs and the host. */
import { createContext, useContext } from 'react';
import type { HostApi } from '../../electron/contract.ts';
import type { Controller } from '../app/controller.ts';
import type { DialogStore } from '../app/dialogs.ts';
import type { EngineRunner } from '../app/engine-runner.ts';

export type AppServices = { controller: Controller; dialogs: DialogStore; host: HostApi; isMac: boolean; engine: EngineRunner };

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}
