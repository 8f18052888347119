/** The Scenario pane's bar: pick a scenario, run it in the engine worker, follow and cancel the run. */
import { useWorkbench, useWorkbenchStore } from '../../store/react.ts';
import { selectCurrentScenario, selectScenarios } from '../../store/selectors.ts';
import { useApp } from '../app-context.ts';
import { fmtInt, fmtMoney } from '../format.ts';
import { duplicateScenario } from './scenario-edits.ts';

const PHASE_TEXT: Record<string, string> = {
  sizing: 'Sizing servers',
  sites: 'Choosing sites',
  links: 'Routing WAN traffic',
  pack: 'Packing hosts',
  improve: 'Improving the plan',
  done: 'Done',
};

export function RunBar() {
  const store = useWorkbenchStore();
  const { engine } = useApp();
  const scenarios = useWorkbench(selectScenarios);
  const current = useWorkbench(selectCurrentScenario);
  const selectScenario = useWorkbench((s) => s.selectScenario);
  const job = useWorkbench((s) => s.engineJob);
  const currency = useWorkbench((s) => s.project?.estate.currency ?? 'USD');
  const running = job.status === 'running';
  const runningName = scenarios.find((s) => s.id === job.scenarioId)?.name ?? job.scenarioId ?? '';

  return (
    <div className="run-bar" data-testid="run-bar">
      <label className="run-pick">
        Scenario{' '}
        <select aria-label="Scenario" value={current?.id ?? ''} onChange={(e) => selectScenario(e.currentTarget.value || null)}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" disabled={!current || running} onClick={() => current && void engine.run(current.id)}>
        Run
      </button>
      <button type="button" disabled={!running} onClick={() => engine.cancel()}>
        Cancel
      </button>
      <button type="button" disabled={!current} onClick={() => current && duplicateScenario(store, current)}>
        Duplicate
      </button>
      <div className="run-state" data-testid="run-state" data-status={job.status}>
        {running ? (
          <>
            <progress aria-label={`Engine run of ${runningName}`} max={100} value={Math.round(job.progress * 100)} />
            <span>
              {PHASE_TEXT[job.phase ?? ''] ?? 'Starting'} · {Math.round(job.progress * 100)}%
              {job.bestCost !== null && ` · best ${fmtMoney(job.bestCost, currency)}${job.hosts ? `, ${fmtInt(job.hosts)} hosts` : ''}`}
            </span>
          </>
        ) : job.status === 'idle' ? (
          <span className="muted">Run a scenario to get a plan.</span>
        ) : (
          <span>
            {runningName}: {job.status === 'done' ? 'plan ready' : job.status === 'cancelled' ? 'run cancelled' : `run failed${job.message ? `: ${job.message}` : ''}`}
          </span>
        )}
      </div>
    </div>
  );
}
