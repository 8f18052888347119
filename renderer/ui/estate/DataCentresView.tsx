import { DATA_CENTRES } from '../../estate/entity-specs.ts';
import { useWorkbench } from '../../store/react.ts';
import { selectServerCountByDataCentre } from '../../store/selectors.ts';
import { EntityList } from '../entities/EntityList.tsx';
import { fmtInt } from '../format.ts';

/** Data centres: the generic list, with server counts; the selection is the store's (it filters other views). */
export function DataCentresView() {
  const counts = useWorkbench(selectServerCountByDataCentre);
  const selectedId = useWorkbench((s) => s.selectedDataCentreId);
  const select = useWorkbench((s) => s.selectDataCentre);
  return <EntityList spec={DATA_CENTRES} selectedId={selectedId} onSelect={select} extraColumns={[{ label: 'Servers', numeric: true, cell: (e) => fmtInt(counts.get(e.id) ?? 0) }]} />;
}
