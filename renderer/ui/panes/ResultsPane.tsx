/** Results: the plan of a scenario (or two plans compared). Plans come from engine runs and are not saved. */
import { useMemo } from 'react';
import { useWorkbench } from '../../store/react.ts';
import { selectEstate, selectResultsScenarioId, selectScenarios } from '../../store/selectors.ts';
import { PlanResults } from '../results/PlanResults.tsx';
import { CompareResults } from '../results/CompareResults.tsx';
import { useApp } from '../app-context.ts';

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
  const withPlans = useMemo(() => scenarios.filter((s) => plans[s.id]), [scenarios, plans]);

  if (!estate || withPlans.length === 0 || shownId === null) {
    return (
      <div className="empty-state" data-testid="results-empty">
        <h2>No results yet</h2>
        <p>Run the engine in the Scenario pane to see hosts, placements and costs here.</p>
      </div>
    );
  }
  const plan = plans[shownId];
  const improving = job.status === 'running' && job.scenarioId === shownId;
  return (
    <div className="results" data-testid="results">
      <div className="results-bar">
        <div className="segmented" role="group" aria-label="Results view">
          <button type="button" aria-pressed={mode === 'plan'} onClick={() => setMode('plan')}>
            Plan
          </button>
          <button type="button" aria-pressed={mode === 'compare'} disabled={withPlans.length < 2} onClick={() => setMode('compare')}>
            Compare
          </button>
        </div>
        {mode === 'plan' && (
          <>
            <label>
              Plan of{' '}
              <select aria-label="Plan of scenario" value={shownId} onChange={(e) => showResultsOf(e.currentTarget.value)}>
                {withPlans.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted" data-testid="plan-state">
              {plan?.final ? 'final plan' : improving ? `first plan, improving… ${Math.round(job.progress * 100)}%` : 'first plan (run stopped before the search ended)'}
            </span>
            {improving && (
              <button type="button" onClick={() => engine.cancel()}>
                Cancel
              </button>
            )}
          </>
        )}
      </div>
      {mode === 'compare' ? <CompareResults estate={estate} plans={plans} withPlans={withPlans} /> : plan && <PlanResults estate={estate} plan={plan} />}
    </div>
  );
}
