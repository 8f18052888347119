/**
 * Scenarios: pick one, edit it (kept sites, host models, sizing rules), duplicate it, run it in the engine.
 * The map shows today's WAN with the kept sites; clicking a site toggles whether the scenario keeps it.
 */
import { useCallback } from 'react';
import { TopologyView } from '../../views/topology/TopologyView.tsx';
import { useWorkbench, useWorkbenchStore } from '../../store/react.ts';
import { selectCurrentScenario, selectEstate } from '../../store/selectors.ts';
import { RunBar } from '../scenario/RunBar.tsx';
import { ScenarioEditor } from '../scenario/ScenarioEditor.tsx';
import { editScenario, toggleKept } from '../scenario/scenario-edits.ts';

export function ScenarioPane() {
  const store = useWorkbenchStore();
  const estate = useWorkbench(selectEstate);
  const scenario = useWorkbench(selectCurrentScenario);
  const onSelectDc = useCallback(
    (id: string | null) => {
      if (!id || !scenario) return;
      const name = estate?.dataCentres.find((d) => d.id === id)?.name ?? id;
      editScenario(store, scenario, toggleKept(scenario, id), `${scenario.keptDataCentreIds.includes(id) ? 'Close' : 'Keep'} ${name} (${scenario.name})`);
    },
    [store, scenario, estate],
  );
  if (!estate) return null;
  if (!scenario) return <p className="empty-state">This project has no scenarios yet.</p>;
  return (
    <div className="scenario-pane">
      <RunBar />
      <div className="scenario-body">
        <article className="card" data-testid="scenario-card" data-scenario-id={scenario.id} aria-label={`Scenario ${scenario.name}`}>
          <h3>{scenario.name}</h3>
          <ScenarioEditor estate={estate} scenario={scenario} />
        </article>
        <section className="scenario-map" aria-label="Kept sites on the map">
          <p className="muted">Click a site to keep it or stop keeping it.</p>
          <TopologyView estate={estate} plan={null} keptIds={scenario.keptDataCentreIds} mode="before" hour={null} selectedDcId={null} onSelectDc={onSelectDc} />
        </section>
      </div>
    </div>
  );
}
