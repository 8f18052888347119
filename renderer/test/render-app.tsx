/** Render the whole shell against a fake host, for UI tests. */
import { render } from '@testing-library/react';
import { App } from '../ui/App.tsx';
import { AppContext } from '../ui/app-context.ts';
import { StoreContext } from '../store/react.ts';
import { createWorkbenchStore } from '../store/store.ts';
import { createDialogStore } from '../app/dialogs.ts';
import { createController } from '../app/controller.ts';
import { fakeCodec, fakeHost, type FakeHostOptions } from './fake-host.ts';
import { makeProject } from './fixtures.ts';
import type { Project } from '../../core/model/project.ts';
import { createEngineRunner } from '../app/engine-runner.ts';
import { fakeEngine } from './fake-engine.ts';

export function renderApp(
  options: { project?: Project; host?: FakeHostOptions['host']; files?: (codec: ReturnType<typeof fakeCodec>) => Record<string, Uint8Array>; imports?: (codec: ReturnType<typeof fakeCodec>) => FakeHostOptions['imports'] } = {},
) {
  const codec = fakeCodec();
  const project = options.project ?? makeProject(200, 3, 4);
  const host = fakeHost({ host: options.host, initial: { file: null, bytes: codec.bytesOf(project) }, files: options.files?.(codec), imports: options.imports?.(codec) });
  const store = createWorkbenchStore();
  const dialogs = createDialogStore();
  const controller = createController({ host: host.api, store, dialogs, codec, now: () => new Date(Date.UTC(2026, 10, 22)), print: () => {} });
  const engineFake = fakeEngine();
  const engine = createEngineRunner({ store, dialogs, createClient: () => engineFake.client, effort: 1000 });
  const view = render(
    <StoreContext.Provider value={store}>
      <AppContext.Provider value={{ controller, dialogs, host: host.api, isMac: false, engine }}>
        <App />
      </AppContext.Provider>
    </StoreContext.Provider>,
  );
  return { ...view, host, store, dialogs, controller, codec, project, engine, engineFake };
}
