import { useWorkbench } from '../../store/react.ts';
import type { EstateTab } from '../../store/view-slice.ts';
import { DataCentresView } from '../estate/DataCentresView.tsx';
import { ServersView } from '../estate/ServersView.tsx';
import { ApplicationsTable } from '../estate/ApplicationsTable.tsx';
import { WanLinksTable } from '../estate/WanLinksTable.tsx';

const TABS: readonly { id: EstateTab; label: string }[] = [
  { id: 'dataCentres', label: 'Data centres' },
  { id: 'servers', label: 'Servers' },
  { id: 'applications', label: 'Applications' },
  { id: 'wanLinks', label: 'WAN links' },
];

export function EstatePane() {
  const tab = useWorkbench((s) => s.estateTab);
  const setEstateTab = useWorkbench((s) => s.setEstateTab);
  return (
    <div className="estate">
      <div className="sub-tabs" role="tablist" aria-label="Estate">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`estate-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`estate-panel-${t.id}`}
            className="sub-tab"
            onClick={() => setEstateTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section className="estate-panel" role="tabpanel" id={`estate-panel-${tab}`} aria-labelledby={`estate-tab-${tab}`}>
        {tab === 'dataCentres' ? <DataCentresView /> : tab === 'servers' ? <ServersView /> : tab === 'applications' ? <ApplicationsTable /> : <WanLinksTable />}
      </section>
    </div>
  );
}
