import { useWorkbench } from '../store/react.ts';
import type { Pane } from '../store/view-slice.ts';

const PANES: readonly { id: Pane; label: string }[] = [
  { id: 'estate', label: 'Estate' },
  { id: 'scenario', label: 'Scenario' },
  { id: 'results', label: 'Results' },
];

/** The top-level panes as tabs. */
export function PaneTabs() {
  const active = useWorkbench((s) => s.activePane);
  const setActivePane = useWorkbench((s) => s.setActivePane);
  return (
    <nav className="pane-tabs" role="tablist" aria-label="Panes">
      {PANES.map((p) => (
        <button
          key={p.id}
          id={`tab-${p.id}`}
          role="tab"
          type="button"
          aria-selected={active === p.id}
          aria-controls={`pane-${p.id}`}
          className="tab"
          onClick={() => setActivePane(p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
