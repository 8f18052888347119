/**
 * Results: the plan of a scenario or a snapshot (or two plans compared). Plans come from engine runs or were
 * kept in the opened file; "Keep as snapshot" pins the shown plan under a name (saved with the project).
 */
import { useMemo, useState } from 'react';
import { useWorkbench } from '../../store/react.ts';
import { selectEstate, selectResultsScenarioId, selectScenarios } from '../../store/selectors.ts';
import { PlanResults } from '../results/PlanResults.tsx';
import { CompareResults } from '../results/CompareResults.tsx';
import { useApp } from '../app-context.ts';
import { planOptions, snapshotKey } from '../results/kept-plan-options.ts';

export function ResultsPane() {
  const { engine } = useApp();
  const estate = useWorkbench(selectEstate);
  const scenarios = useWorkbench(selectScenarios);
  const plans = useWorkbench((s) => s.plans);
  const shownId = useWorkbench(selectResultsScenarioId);
  const showResultsOf = useWorkbench((s) => s.showResultsOf);
  const mode = useWorkbench((s) => s.resultsMode);
  const setMode = useWorkbench((s) => s.setResultsMode);
  const job = useWorkbench((s) => s.engineJob);
  const snapshots = useWorkbench((s) => s.snapshots);
  const keepSnapshot = useWorkbench((s) => s.keepSnapshot);
  const removeSnapshot = useWorkbench((s) => s.removeSnapshot);
  const [snapshotId, setSnapshotId] = useState<string | null>(null);
  const options = useMemo(() => planOptions(scenarios, plans, snapshots), [scenarios, plans, snapshots]);

  if (!estate || options.length === 0 || (shownId === null && snapshots.length === 0)) {
    return (
      <div className="empty-state" data-testid="results-empty">
        <h2>No results yet</h2>
        <p>Run the engine in the Scenario pane to see hosts, placements and costs here.</p>
      </div>
    );
  }
  const shown = (snapshotId !== null ? options.find((o) => o.key === snapshotKey(snapshotId)) : undefined) ?? options.find((o) => o.key === shownId) ?? options[0];
  const plan = shown.plan;
  const snapshot = shown.snapshot;
  const improving = snapshot === null && job.status === 'running' && job.scenarioId === shown.scenario.id;
  const pick = (key: string) => {
    const option = options.find((o) => o.key === key);
    if (!option) return;
    setSnapshotId(option.snapshot?.id ?? null);
    if (!option.snapshot) showResultsOf(key);
  };
  return (
    <div className="results" data-testid="results">
      <div className="results-bar">
        <div className="segmented" role="group" aria-label="Results view">
          <button type="button" aria-pressed={mode === 'plan'} onClick={() => setMode('plan')}>
            Plan
          </button>
          <button type="button" aria-pressed={mode === 'compare'} disabled={options.length < 2} onClick={() => setMode('compare')}>
            Compare
          </button>
        </div>
        {mode === 'plan' && (
          <>
            <label>
              Plan of{' '}
              <select aria-label="Plan of scenario" value={shown.key} onChange={(e) => pick(e.currentTarget.value)}>
                {options.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted" data-testid="plan-state">
              {plan.final ? 'final plan' : improving ? `first plan, improving… ${Math.round(job.progress * 100)}%` : 'first plan (run stopped before the search ended)'}
            </span>
            {snapshot === null ? (
              <button type="button" disabled={improving} onClick={() => setSnapshotId(keepSnapshot(shown.scenario.id))} title="Pin this plan under a name; it is saved with the project and stays when the scenario is run again">
                Keep as snapshot
              </button>
            ) : (
              <button
                type="button"
                onClick={() => {
                  removeSnapshot(snapshot.id);
                  setSnapshotId(null);
                }}
              >
                Remove snapshot
              </button>
            )}
            {improving && (
              <button type="button" onClick={() => engine.cancel()}>
                Cancel
              </button>
            )}
          </>
        )}
      </div>
      {mode === 'compare' ? <CompareResults estate={estate} options={options} /> : <PlanResults estate={estate} plan={plan} snapshot={snapshot} />}
    </div>
  );
}
