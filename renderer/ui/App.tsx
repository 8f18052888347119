/**
 * The workbench shell: toolbar, panes, status bar, dialogs. Wires the host's events, the keyboard and the
 * periodic recovery write to the action registry and the controller.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { actionForKey, actionForMenuCommand } from '../actions/registry.ts';
import { selectCurrentDialog } from '../app/dialogs.ts';
import { useWorkbench } from '../store/react.ts';
import { selectWindowTitle } from '../store/selectors.ts';
import { useApp } from './app-context.ts';
import { Toolbar } from './Toolbar.tsx';
import { StatusBar } from './StatusBar.tsx';
import { Dialogs } from './dialogs/Dialogs.tsx';
import { EstatePane } from './panes/EstatePane.tsx';
import { ScenarioPane } from './panes/ScenarioPane.tsx';
import { ResultsPane } from './panes/ResultsPane.tsx';
import { PaneTabs } from './PaneTabs.tsx';
import { ReportLayer } from '../report/ReportLayer.tsx';
import { ImportDialog } from './import/ImportDialog.tsx';

export const RECOVERY_INTERVAL_MS = 60_000;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

function useHostWiring() {
  const { controller, host, dialogs, isMac } = useApp();
  const title = useWorkbench(selectWindowTitle);
  const dirty = useWorkbench((s) => s.dirty);
  const theme = useWorkbench((s) => s.theme);

  useEffect(() => {
    void controller.start();
  }, [controller]);

  useEffect(() => {
    const offMenu = host.onMenuCommand(({ command }) => {
      // The menu's Undo / Redo while typing in a field edit the field's text, not the project.
      if ((command === 'edit:undo' || command === 'edit:redo') && isTextField(document.activeElement)) {
        document.execCommand?.(command === 'edit:undo' ? 'undo' : 'redo');
        return;
      }
      const action = actionForMenuCommand(command);
      if (action) void action.perform(controller);
    });
    const offOpen = host.onFileOpenRequest(({ path }) => void controller.openPath(path));
    const offClose = host.onCloseRequest(() => void controller.handleCloseRequest());
    return () => {
      offMenu();
      offOpen();
      offClose();
    };
  }, [controller, host]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || selectCurrentDialog(dialogs.getState())) return;
      const action = actionForKey(e, { isMac, inTextField: isTextField(e.target) });
      if (!action) return;
      e.preventDefault();
      void action.perform(controller);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [controller, dialogs, isMac]);

  useEffect(() => {
    void host.windowSetState({ title, dirty });
  }, [host, title, dirty]);

  useEffect(() => {
    const timer = window.setInterval(() => void controller.writeRecovery(), RECOVERY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [controller]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

export function App() {
  useHostWiring();
  const { dialogs, controller } = useApp();
  const importing = useStore(controller.importFlow.state, (s) => s.open);
  const ready = useWorkbench((s) => s.project !== null);
  const pane = useWorkbench((s) => s.activePane);
  const modal = useStore(dialogs, (s) => s.queue.length > 0) || importing;

  return (
    <div className="app" data-testid={ready ? 'app-ready' : 'app-loading'}>
      <div className="shell" inert={modal} aria-hidden={modal || undefined}>
        <Toolbar />
        <PaneTabs />
        <main className="pane" id={`pane-${pane}`} role="tabpanel" aria-labelledby={`tab-${pane}`}>
          {!ready ? (
            <div className="empty-state">Opening the project…</div>
          ) : pane === 'estate' ? (
            <EstatePane />
          ) : pane === 'scenario' ? (
            <ScenarioPane />
          ) : (
            <ResultsPane />
          )}
        </main>
        <StatusBar />
      </div>
      <ImportDialog />
      <ReportLayer />
      <Dialogs />
    </div>
  );
}
