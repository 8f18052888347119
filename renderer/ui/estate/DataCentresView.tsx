import { useWorkbench } from '../../store/react.ts';
import { selectDataCentres, selectServerCountByDataCentre, selectSelectedDataCentre } from '../../store/selectors.ts';
import { fmtInt, fmtNum, objectKey } from '../format.ts';
import { StatusChip } from './StatusChip.tsx';
import { DataCentreEditor } from './DataCentreEditor.tsx';

export function DataCentresView() {
  const dcs = useWorkbench(selectDataCentres);
  const counts = useWorkbench(selectServerCountByDataCentre);
  const selectedId = useWorkbench((s) => s.selectedDataCentreId);
  const selected = useWorkbench(selectSelectedDataCentre);
  const select = useWorkbench((s) => s.selectDataCentre);
  return (
    <div className="split">
      <div className="table-scroll">
        {dcs.length === 0 ? (
          <p className="empty-state">This estate has no data centres yet.</p>
        ) : (
          <table className="data-table" aria-label="Data centres">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">City</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Tier</th>
                <th scope="col" className="num">Servers</th>
                <th scope="col" className="num">Power (kW)</th>
                <th scope="col" className="num">Racks used / capacity</th>
              </tr>
            </thead>
            <tbody>
              {dcs.map((dc) => (
                <tr
                  key={dc.id}
                  data-testid="dc-row"
                  data-dc-id={dc.id}
                  aria-selected={dc.id === selectedId}
                  className={dc.id === selectedId ? 'selected' : undefined}
                  tabIndex={0}
                  onClick={() => select(dc.id)}
                  onKeyDown={(e) => e.key === 'Enter' && select(dc.id)}
                >
                  <td>{dc.name}</td>
                  <td>{dc.city}</td>
                  <td>
                    <StatusChip status={dc.status} />
                  </td>
                  <td className="num">{dc.tier}</td>
                  <td className="num">{fmtInt(counts.get(dc.id) ?? 0)}</td>
                  <td className="num">{fmtNum(dc.powerKw)}</td>
                  <td className="num">
                    {fmtInt(dc.racksUsed)} / {fmtInt(dc.rackCapacity)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {selected && <DataCentreEditor key={objectKey(selected)} dataCentre={selected} onClose={() => select(null)} />}
    </div>
  );
}
