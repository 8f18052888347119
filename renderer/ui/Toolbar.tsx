import { actionById, shortcutLabel, type ActionId } from '../actions/registry.ts';
import { useWorkbench } from '../store/react.ts';
import { selectCanRedo, selectCanUndo } from '../store/selectors.ts';
import { useApp } from './app-context.ts';

function ActionButton({ id, disabled = false }: { id: ActionId; disabled?: boolean }) {
  const { controller, isMac } = useApp();
  const action = actionById(id);
  const shortcut = action.shortcuts[0];
  return (
    <button
      type="button"
      className="tool-button"
      disabled={disabled}
      title={shortcut ? `${action.label} (${shortcutLabel(shortcut, isMac)})` : action.label}
      onClick={() => void action.perform(controller)}
    >
      {action.label}
    </button>
  );
}

/** File and edit commands, from the action registry, and the theme toggle. */
export function Toolbar() {
  const { controller } = useApp();
  const canUndo = useWorkbench(selectCanUndo);
  const canRedo = useWorkbench(selectCanRedo);
  const theme = useWorkbench((s) => s.theme);
  const projectName = useWorkbench((s) => s.project?.estate.name ?? '');
  return (
    <header className="toolbar" role="toolbar" aria-label="Workbench">
      <span className="brand">Consolidation Workbench</span>
      <div className="tool-group">
        <ActionButton id="file.new" />
        <ActionButton id="file.open" />
        <ActionButton id="file.save" />
        <ActionButton id="file.saveAs" />
      </div>
      <div className="tool-group">
        <ActionButton id="file.import" />
        <ActionButton id="file.exportPdf" />
        <ActionButton id="file.exportImage" />
      </div>
      <div className="tool-group">
        <ActionButton id="edit.undo" disabled={!canUndo} />
        <ActionButton id="edit.redo" disabled={!canRedo} />
      </div>
      <span className="toolbar-title" title={projectName}>
        {projectName}
      </span>
      <button
        type="button"
        className="tool-button theme-toggle"
        aria-pressed={theme === 'dark'}
        title="Switch between light and dark theme"
        onClick={() => controller.toggleTheme()}
      >
        {theme === 'dark' ? 'Light theme' : 'Dark theme'}
      </button>
    </header>
  );
}
