import { APPLICATIONS, DEPARTMENTS, HOST_MODELS, LICENCE_MODELS, PRODUCTS, USER_SITES, WAN_LINKS, ZONES } from '../../estate/entity-specs.ts';
import { useWorkbench } from '../../store/react.ts';
import { selectServerCountByApplication } from '../../store/selectors.ts';
import type { EstateTab } from '../../store/view-slice.ts';
import { EntityList } from '../entities/EntityList.tsx';
import { EstateSettings } from '../entities/EstateSettings.tsx';
import { DataCentresView } from '../estate/DataCentresView.tsx';
import { ServersView } from '../estate/ServersView.tsx';
import { fmtInt } from '../format.ts';

const TABS: readonly { id: EstateTab; label: string }[] = [
  { id: 'settings', label: 'Project' },
  { id: 'dataCentres', label: 'Data centres' },
  { id: 'servers', label: 'Servers' },
  { id: 'applications', label: 'Applications' },
  { id: 'departments', label: 'Departments' },
  { id: 'userSites', label: 'User sites' },
  { id: 'wanLinks', label: 'WAN links' },
  { id: 'zones', label: 'Zones' },
  { id: 'hostModels', label: 'Host models' },
  { id: 'products', label: 'Products' },
  { id: 'licenceModels', label: 'Licences' },
];

function ApplicationsList() {
  const counts = useWorkbench(selectServerCountByApplication);
  return <EntityList spec={APPLICATIONS} extraColumns={[{ label: 'Servers', numeric: true, cell: (e) => fmtInt(counts.get(e.id) ?? 0) }]} />;
}

function TabBody({ tab }: { tab: EstateTab }) {
  switch (tab) {
    case 'settings':
      return <EstateSettings />;
    case 'dataCentres':
      return <DataCentresView />;
    case 'servers':
      return <ServersView />;
    case 'applications':
      return <ApplicationsList />;
    case 'departments':
      return <EntityList spec={DEPARTMENTS} />;
    case 'userSites':
      return <EntityList spec={USER_SITES} />;
    case 'wanLinks':
      return <EntityList spec={WAN_LINKS} />;
    case 'zones':
      return <EntityList spec={ZONES} />;
    case 'hostModels':
      return <EntityList spec={HOST_MODELS} />;
    case 'products':
      return <EntityList spec={PRODUCTS} />;
    case 'licenceModels':
      return <EntityList spec={LICENCE_MODELS} />;
  }
}

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
        <TabBody key={tab} tab={tab} />
      </section>
    </div>
  );
}
