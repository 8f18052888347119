/** React access to the workbench store: a context holding the store, and a hook taking a stable selector. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchStore } from './store.ts';
import type { WorkbenchState } from './types.ts';

export const StoreContext = createContext<WorkbenchStore | null>(null);

export function useWorkbenchStore(): WorkbenchStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkbench outside <StoreContext.Provider>');
  return store;
}

/** Select from the store. The selector must return a stable value (see selectors.ts) or go through useShallow. */
export function useWorkbench<T>(selector: (s: WorkbenchState) => T): T {
  return useStore(useWorkbenchStore(), selector);
}
