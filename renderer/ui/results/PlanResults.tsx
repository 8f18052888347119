/** One scenario's plan: summary cards, the WAN map before/after with the hour slider, the heatmaps and the assignments. */
import { useCallback, useRef } from 'react';
import type { Plan } from '../../../core/engine/plan.ts';
import type { Estate } from '../../../core/model/schema.ts';
import { SummaryCards } from '../../views/results/SummaryCards.tsx';
import { AssignmentTable } from '../../views/results/AssignmentTable.tsx';
import { keptIdsOf } from '../../views/results/metrics.ts';
import { TopologyView } from '../../views/topology/TopologyView.tsx';
import { HourSlider } from '../../views/topology/HourSlider.tsx';
import { HeatmapView } from '../../views/heatmap/HeatmapView.tsx';
import { useWorkbench } from '../../store/react.ts';
import type { TopologyMode } from '../../store/view-slice.ts';
import { useElementWidth } from './use-width.ts';

/** The heatmap's row labels, beside the canvas (HeatmapView's LABEL_W) plus a margin. */
const HEATMAP_LABELS_PX = 170;

const MODES = [
  ['before', 'Before'],
  ['after', 'After'],
] as const satisfies readonly (readonly [TopologyMode, string])[];

export function PlanResults({ estate, plan }: { estate: Estate; plan: Plan }) {
  const mode = useWorkbench((s) => s.topologyMode);
  const setMode = useWorkbench((s) => s.setTopologyMode);
  const hour = useWorkbench((s) => s.topologyHour);
  const setHour = useWorkbench((s) => s.setTopologyHour);
  const selectedDcId = useWorkbench((s) => s.selectedDataCentreId);
  const selectDataCentre = useWorkbench((s) => s.selectDataCentre);
  const setServerFilters = useWorkbench((s) => s.setServerFilters);
  const selectedServerId = useWorkbench((s) => s.selectedServerId);
  const selectServer = useWorkbench((s) => s.selectServer);
  const keptIds = keptIdsOf(estate, plan);
  const heatmapBox = useRef<HTMLElement>(null);
  const boxWidth = useElementWidth(heatmapBox);
  // the whole week fits the pane: no horizontal scrolling that would hide the end of the week
  const heatmapWidth = boxWidth === null ? 840 : Math.max(336, boxWidth - HEATMAP_LABELS_PX);
  const selectedDcName = estate.dataCentres.find((d) => d.id === selectedDcId)?.name ?? null;

  /** A site picked on the map (or in the table's filter) selects it and filters the Estate servers table too. */
  const pickSite = useCallback(
    (id: string | null) => {
      selectDataCentre(id);
      setServerFilters({ dataCentreId: id });
    },
    [selectDataCentre, setServerFilters],
  );

  return (
    <div className="plan-results" data-testid="plan-results" data-final={plan.final}>
      <SummaryCards estate={estate} plan={plan} />
      <section className="results-map" aria-label="WAN topology">
        <div className="results-map-bar">
          <div className="segmented" role="group" aria-label="Topology time">
            {MODES.map(([m, label]) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {label}
              </button>
            ))}
          </div>
          <HourSlider hour={hour} onChange={setHour} hours={168} />
          {selectedDcName && (
            <span className="site-filter" data-testid="site-filter">
              Showing {selectedDcName}{' '}
              <button type="button" onClick={() => pickSite(null)}>
                Clear site
              </button>
            </span>
          )}
        </div>
        <TopologyView estate={estate} plan={plan} keptIds={keptIds} mode={mode} hour={hour} selectedDcId={selectedDcId} onSelectDc={pickSite} />
      </section>
      <section className="results-heatmap" aria-label="Utilisation heatmap" ref={heatmapBox}>
        <HeatmapView estate={estate} plan={plan} width={heatmapWidth} />
      </section>
      <section className="results-assignments" aria-label="Where every server goes and why">
        <AssignmentTable estate={estate} plan={plan} selectedServerId={selectedServerId} onSelectServer={selectServer} site={selectedDcId} onSiteChange={pickSite} />
      </section>
    </div>
  );
}
