/** Scenarios: each with its kept sites and effective sizing rules (read-only for now; editing comes later). */
import { effectiveRules, type Estate, type Scenario, type SizingRules } from '../../../core/model/schema.ts';
import { useWorkbench } from '../../store/react.ts';
import { byId, selectDataCentreById, selectEstate } from '../../store/selectors.ts';
import { StatusChip } from '../estate/StatusChip.tsx';

function RulesTable({ rules, overridden }: { rules: SizingRules; overridden: Scenario['rules'] }) {
  const mark = (key: keyof SizingRules) => (key in overridden ? ' rule-override' : '');
  const h = rules.headroomPct;
  const rows: [keyof SizingRules, string, string][] = [
    ['policy', 'Sizing statistic', rules.policy],
    ['foldOver', 'Fold series over', rules.foldOver === 'day' ? 'one day (24 h)' : 'one week (168 h)'],
    ['cpuOvercommit', 'vCPU : core', `${rules.cpuOvercommit} : 1`],
    ['growthPct', 'Growth', `${rules.growthPct} %`],
    ['headroomPct', 'Headroom (CPU / mem / storage / IOPS / net)', `${h.cpu} / ${h.memory} / ${h.storage} / ${h.iops} / ${h.network} %`],
    ['nPlusOne', 'N+1 spare host per site', rules.nPlusOne ? 'yes' : 'no'],
    ['segregateDepartments', 'Departments on own hosts', rules.segregateDepartments ? 'yes' : 'no'],
    ['segregateEnvironments', 'Environments on own hosts', rules.segregateEnvironments ? 'yes' : 'no'],
  ];
  return (
    <table className="rules-table">
      <tbody>
        {rows.map(([key, label, value]) => (
          <tr key={key} className={mark(key)}>
            <th scope="row">{label}</th>
            <td>
              {value}
              {key in overridden && <span className="muted"> (scenario)</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ScenarioCard({ estate, scenario }: { estate: Estate; scenario: Scenario }) {
  const dcById = useWorkbench(selectDataCentreById);
  const hostModels = byId(estate.hostModels);
  const rules = effectiveRules(estate, scenario);
  return (
    <article className="card" data-testid="scenario-card" data-scenario-id={scenario.id} aria-label={`Scenario ${scenario.name}`}>
      <h3>{scenario.name}</h3>
      {scenario.description && <p>{scenario.description}</p>}
      <h4>Kept sites ({scenario.keptDataCentreIds.length})</h4>
      {scenario.keptDataCentreIds.length === 0 ? (
        <p className="muted">No site kept yet.</p>
      ) : (
        <ul className="chip-list">
          {scenario.keptDataCentreIds.map((id) => {
            const dc = dcById.get(id);
            return (
              <li key={id}>
                {dc?.name ?? id} {dc && <StatusChip status={dc.status} />}
              </li>
            );
          })}
        </ul>
      )}
      <h4>Hosts</h4>
      <p>
        Default model: {hostModels.get(scenario.defaultHostModelId)?.name ?? scenario.defaultHostModelId}
        {Object.keys(scenario.hostModelByDataCentre).length > 0 && ` (${Object.keys(scenario.hostModelByDataCentre).length} site overrides)`}
      </p>
      <h4>Rules</h4>
      <RulesTable rules={rules} overridden={scenario.rules} />
      <p className="muted">
        {scenario.pins.length} pins · {scenario.licenceModelIds.length} licence models · seed {scenario.seed}
      </p>
    </article>
  );
}

export function ScenarioPane() {
  const estate = useWorkbench(selectEstate);
  if (!estate) return null;
  if (estate.scenarios.length === 0) return <p className="empty-state">This project has no scenarios yet.</p>;
  return (
    <div className="scenarios">
      {estate.scenarios.map((sc) => (
        <ScenarioCard key={sc.id} estate={estate} scenario={sc} />
      ))}
    </div>
  );
}
