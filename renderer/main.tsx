/** Renderer entry: pick the host, build the store, the dialogs and the controller, render the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHost } from './host/index.ts';
import { createWorkbenchStore } from './store/store.ts';
import { createDialogStore } from './app/dialogs.ts';
import { createController } from './app/controller.ts';
import { cwbCodec } from './app/codec.ts';
import { createEngineRunner } from './app/engine-runner.ts';
import { createEngineClient } from './workers/engine-client.ts';
import { isMacPlatform } from './actions/registry.ts';
import { StoreContext } from './store/react.ts';
import { AppContext } from './ui/app-context.ts';
import { App } from './ui/App.tsx';
import './styles/app.css';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const host = createHost(window);
const store = createWorkbenchStore({ storage: safeStorage(), prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false });
document.documentElement.dataset.theme = store.getState().theme; // before the first paint: no flash of the other theme
const dialogs = createDialogStore();
const controller = createController({ host, store, dialogs, codec: cwbCodec, now: () => new Date(), print: () => window.print() });
const engine = createEngineRunner({ store, dialogs, createClient: () => createEngineClient() });
const isMac = isMacPlatform(navigator.platform);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <AppContext.Provider value={{ controller, dialogs, host, isMac, engine }}>
        <App />
      </AppContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
