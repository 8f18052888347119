/** One scenario's plan: summary cards, the WAN map before/after with the hour slider, the heatmaps and the assignments. */
import { useCallback, useMemo, useRef, useState } from 'react';
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
import { useApp } from '../app-context.ts';
import { exportPlan, PLAN_EXPORT_FORMATS, type PlanExportFormat } from '../../app/export-plan.ts';
import { createServerSeries } from '../../app/server-demand.ts';
import { selectProject } from '../../store/selectors.ts';
import { selectPlanChanges } from '../../store/jobs-slice.ts';
import { planChanges, staleMessage, type Snapshot } from '../../store/kept-plans.ts';
import type { InputPart } from '../../../core/project-file/input-hashes.ts';
import { openReportPreview } from '../../app/report-flow.ts';
import { exportImage, heatmapTarget, imageBaseName, topologyTarget, type ImageFormat } from '../../app/export-image.ts';
import type { HeatmapInput } from '../../views/heatmap/render.ts';
import { PinDialog } from '../pins/PinDialog.tsx';

/** The heatmap's row labels, beside the canvas (HeatmapView's LABEL_W) plus a margin. */
const HEATMAP_LABELS_PX = 170;

const MODES = [
  ['before', 'Before'],
  ['after', 'After'],
] as const satisfies readonly (readonly [TopologyMode, string])[];

/** "Export plan…": the format (Excel: all tables; CSV: servers) and the button that asks where and writes it. */
function ExportPlanControl({ estate, plan }: { estate: Estate; plan: Plan }) {
  const { host, dialogs, controller } = useApp();
  const [format, setFormat] = useState<PlanExportFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await exportPlan({ host, dialogs, appInfo: controller.appInfo }, estate, plan, format);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="results-export" role="group" aria-label="Export plan">
      <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as PlanExportFormat)} disabled={busy}>
        {PLAN_EXPORT_FORMATS.map(([f, label]) => (
          <option key={f} value={f}>
            {label}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="export-plan">
        Export plan…
      </button>
    </div>
  );
}

/** `snapshot`: the plan shown is that pinned snapshot (no report; its staleness is its own). */
export function PlanResults({ estate, plan, snapshot = null }: { estate: Estate; plan: Plan; snapshot?: Snapshot | null }) {
  const mode = useWorkbench((s) => s.topologyMode);
  const setMode = useWorkbench((s) => s.setTopologyMode);
  const hour = useWorkbench((s) => s.topologyHour);
  const setHour = useWorkbench((s) => s.setTopologyHour);
  const selectedDcId = useWorkbench((s) => s.selectedDataCentreId);
  const selectDataCentre = useWorkbench((s) => s.selectDataCentre);
  const setServerFilters = useWorkbench((s) => s.setServerFilters);
  const selectedServerId = useWorkbench((s) => s.selectedServerId);
  const selectServer = useWorkbench((s) => s.selectServer);
  const project = useWorkbench(selectProject);
  // joined, so the selector returns a stable value
  const changes = useWorkbench((s) => (snapshot ? planChanges(snapshot.input, snapshot.origin, s.project, snapshot.scenarioId) : selectPlanChanges(s, plan.scenarioId)).join(' '));
  const stale = changes !== '';
  const scenario = estate.scenarios.find((sc) => sc.id === plan.scenarioId);
  const pins = scenario?.pins;
  // The host panel's per-server series: sized on demand for the clicked host only (see app/server-demand.ts).
  const serverSeries = useMemo(() => (project && scenario ? createServerSeries(project, scenario, plan) : undefined), [project, scenario, plan]);
  const pinnedServerIds = useMemo(() => new Set((pins ?? []).map((p) => p.serverId)), [pins]);
  // "Pin…" on a row: select that server and open its pin picker for this plan's scenario, on top of the table.
  const [pinning, setPinning] = useState<string | null>(null);
  const pinServer = useCallback(
    (serverId: string) => {
      selectServer(serverId);
      setPinning(serverId);
    },
    [selectServer],
  );
  const keptIds = keptIdsOf(estate, plan);
  const heatmapBox = useRef<HTMLElement>(null);
  const boxWidth = useElementWidth(heatmapBox);
  // the whole week fits the pane: no horizontal scrolling that would hide the end of the week
  const heatmapWidth = boxWidth === null ? 840 : Math.max(336, boxWidth - HEATMAP_LABELS_PX);
  const selectedDcName = estate.dataCentres.find((d) => d.id === selectedDcId)?.name ?? null;
  const { host, dialogs, controller } = useApp();
  const imageDeps = useMemo(() => ({ host, dialogs, appInfo: controller.appInfo }), [host, dialogs, controller]);
  const baseName = imageBaseName(`${estate.name} - ${scenario?.name ?? plan.scenarioId}`);
  const exportMap = useCallback(
    (svg: SVGSVGElement, format: ImageFormat) => void exportImage(imageDeps, topologyTarget(svg, `${baseName} - WAN map ${mode}`), format),
    [imageDeps, baseName, mode],
  );
  const exportHeatmap = useCallback(
    (input: HeatmapInput, label: string) => void exportImage(imageDeps, heatmapTarget(input, imageBaseName(`${baseName} - heatmap ${label}`))),
    [imageDeps, baseName],
  );

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
      <div className="results-actions" style={{ display: 'flex', gap: 8, alignItems: 'center', gridColumn: '1 / -1' }}>
        <ExportPlanControl estate={estate} plan={plan} />
        {snapshot === null && (
          <button type="button" onClick={() => openReportPreview(plan.scenarioId, () => new Date())} data-testid="open-report" title="The PDF snapshot report of this plan, on screen">
            Report…
          </button>
        )}
        {stale && (
          <span role="status" data-testid="plan-stale" style={{ borderLeft: '3px solid var(--warn)', background: 'var(--candidate-bg)', color: 'var(--candidate-fg)', padding: '2px 8px', borderRadius: 4 }}>
            {staleMessage(changes.split(' ') as InputPart[])}
          </span>
        )}
      </div>
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
        <TopologyView estate={estate} plan={plan} keptIds={keptIds} mode={mode} hour={hour} selectedDcId={selectedDcId} onSelectDc={pickSite} onExportImage={exportMap} />
      </section>
      <section className="results-heatmap" aria-label="Utilisation heatmap" ref={heatmapBox}>
        <HeatmapView estate={estate} plan={plan} width={heatmapWidth} serverSeries={serverSeries} siteId={selectedDcId} onExportImage={exportHeatmap} />
      </section>
      <section className="results-assignments" aria-label="Where every server goes and why">
        <AssignmentTable estate={estate} plan={plan} selectedServerId={selectedServerId} onSelectServer={selectServer} site={selectedDcId} onSiteChange={pickSite} onPinServer={pinServer} pinnedServerIds={pinnedServerIds} />
      </section>
      {pinning !== null && <PinDialog serverId={pinning} scenarioId={plan.scenarioId} onClose={() => setPinning(null)} />}
    </div>
  );
}
