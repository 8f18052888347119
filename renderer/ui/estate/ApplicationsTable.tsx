import type { Department } from '../../../core/model/schema.ts';
import { useWorkbench } from '../../store/react.ts';
import { byId, selectApplications, selectServerCountByApplication } from '../../store/selectors.ts';
import type { WorkbenchState } from '../../store/types.ts';
import { fmtInt } from '../format.ts';

const NO_DEPTS: readonly Department[] = [];
const selectDepartmentById = (s: WorkbenchState) => byId(s.project?.estate.departments ?? NO_DEPTS);

export function ApplicationsTable() {
  const apps = useWorkbench(selectApplications);
  const depts = useWorkbench(selectDepartmentById);
  const counts = useWorkbench(selectServerCountByApplication);
  if (apps.length === 0) return <p className="empty-state">This estate has no applications yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Applications">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Department</th>
            <th scope="col">Tiers</th>
            <th scope="col">Criticality</th>
            <th scope="col" className="num">Availability (%)</th>
            <th scope="col" className="num">User latency budget (ms)</th>
            <th scope="col" className="num">Servers</th>
          </tr>
        </thead>
        <tbody>
          {apps.map((a) => (
            <tr key={a.id} data-testid="app-row" data-app-id={a.id}>
              <td>{a.name}</td>
              <td>{depts.get(a.departmentId)?.name ?? a.departmentId}</td>
              <td>{a.tiers.join(' → ')}</td>
              <td>
                <span className={`chip crit-${a.criticality}`}>{a.criticality}</span>
              </td>
              <td className="num">{a.availabilityTargetPct}</td>
              <td className="num">{a.userLatencyBudgetMs ?? '—'}</td>
              <td className="num">{fmtInt(counts.get(a.id) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
