/** The selected scenario's editor: its name, kept sites with their host model, the sizing rules, the licence models in force, the search effort and the pins. Every change is an undoable edit. */
import { effectiveRules, type Estate, type LicenceModel, type Scenario, type SizingPolicy, type SizingRules } from '../../../core/model/schema.ts';
import { useWorkbenchStore } from '../../store/react.ts';
import { StatusChip } from '../estate/StatusChip.tsx';
import { PinList } from '../pins/PinList.tsx';
import { EffortField } from './EffortField.tsx';
import { fmtMoney, objectKey } from '../format.ts';
import { editScenario, renameScenario, setHeadroom, setRule, setSiteHostModel, toggleKept, toggleLicenceModel } from './scenario-edits.ts';

const POLICIES = ['average', 'p80', 'p95', 'peak'] as const satisfies readonly SizingPolicy[];
const DIMS = [
  ['cpu', 'CPU'],
  ['memory', 'Memory'],
  ['storage', 'Storage'],
  ['iops', 'IOPS'],
  ['network', 'Network'],
] as const satisfies readonly (readonly [keyof SizingRules['headroomPct'], string])[];
const METRICS: Record<LicenceModel['metric'], string> = { 'per-host-core': 'per host core', 'per-socket': 'per socket', 'per-vm': 'per VM' };
const FLAGS = [
  ['nPlusOne', 'N+1 spare host per site'],
  ['segregateDepartments', 'Departments on their own hosts'],
  ['segregateEnvironments', 'Environments (prod / test / dev) on their own hosts'],
] as const satisfies readonly (readonly [keyof SizingRules, string])[];

/** A number committed on blur or Enter (one undo step per value, not per keystroke). Re-keyed when the scenario changes. */
function NumberInput({ label, value, min, max, step = 1, onCommit }: { label: string; value: number; min: number; max: number; step?: number; onCommit(v: number): void }) {
  const commit = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && v !== value) onCommit(v);
  };
  return (
    <input
      type="number"
      aria-label={label}
      defaultValue={value}
      min={min}
      max={max}
      step={step}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
}

export function ScenarioEditor({ estate, scenario }: { estate: Estate; scenario: Scenario }) {
  const store = useWorkbenchStore();
  const rules = effectiveRules(estate, scenario);
  const edit = (next: Partial<Scenario>, label: string) => editScenario(store, scenario, next, `${label} (${scenario.name})`);
  const k = objectKey(scenario);
  const kept = new Set(scenario.keptDataCentreIds);
  const inForce = new Set(scenario.licenceModelIds);
  const productName = (id: string) => estate.products.find((p) => p.id === id)?.name ?? id;
  const rename = (raw: string) => {
    const next = renameScenario(scenario, raw);
    if (next) editScenario(store, scenario, next, `Rename ${scenario.name}`);
  };

  return (
    <div className="scenario-editor" data-testid="scenario-editor" data-scenario-id={scenario.id}>
      <label className="scenario-name" key={`name-${k}`}>
        Scenario name{' '}
        <input
          type="text"
          aria-label="Scenario name"
          defaultValue={scenario.name}
          onBlur={(e) => rename(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') rename(e.currentTarget.value);
          }}
        />
      </label>
      {scenario.description && <p className="muted">{scenario.description}</p>}
      <fieldset className="kept-sites">
        <legend>Kept sites ({scenario.keptDataCentreIds.length} of {estate.dataCentres.length})</legend>
        <ul className="site-checklist">
          {estate.dataCentres.map((dc) => (
            <li key={dc.id} data-dc-id={dc.id} className={kept.has(dc.id) ? 'kept' : undefined}>
              <label>
                <input type="checkbox" checked={kept.has(dc.id)} onChange={() => edit(toggleKept(scenario, dc.id), kept.has(dc.id) ? `Close ${dc.name}` : `Keep ${dc.name}`)} />
                Keep {dc.name}
              </label>{' '}
              <StatusChip status={dc.status} />
              {kept.has(dc.id) && (
                <select
                  aria-label={`Host model in ${dc.name}`}
                  value={scenario.hostModelByDataCentre[dc.id] ?? scenario.defaultHostModelId}
                  onChange={(e) => edit(setSiteHostModel(scenario, dc.id, e.currentTarget.value), `Host model in ${dc.name}`)}
                >
                  {estate.hostModels.map((hm) => (
                    <option key={hm.id} value={hm.id}>
                      {hm.name}
                      {hm.id === scenario.defaultHostModelId ? ' (default)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="rules" key={k}>
        <legend>Sizing rules</legend>
        <label>
          Sizing statistic{' '}
          <select aria-label="Sizing statistic" value={rules.policy} onChange={(e) => edit(setRule(scenario, 'policy', POLICIES.find((p) => p === e.currentTarget.value) ?? rules.policy), 'Sizing statistic')}>
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Fold series over{' '}
          <select aria-label="Fold series over" value={rules.foldOver} onChange={(e) => edit(setRule(scenario, 'foldOver', e.currentTarget.value === 'day' ? 'day' : 'week'), 'Fold series')}>
            <option value="day">one day (24 h)</option>
            <option value="week">one week (168 h)</option>
          </select>
        </label>
        <label>
          Growth % <NumberInput label="Growth %" value={rules.growthPct} min={0} max={1000} onCommit={(v) => edit(setRule(scenario, 'growthPct', v), 'Growth')} />
        </label>
        <label>
          vCPU : core <NumberInput label="vCPU per core" value={rules.cpuOvercommit} min={1} max={32} step={0.5} onCommit={(v) => edit(setRule(scenario, 'cpuOvercommit', v), 'Overcommit')} />
        </label>
        <div className="headroom" role="group" aria-label="Headroom per dimension">
          Headroom %
          {DIMS.map(([dim, label]) => (
            <label key={dim}>
              {label} <NumberInput label={`Headroom ${label} %`} value={rules.headroomPct[dim]} min={0} max={95} onCommit={(v) => edit(setHeadroom(scenario, dim, v), `Headroom ${label}`)} />
            </label>
          ))}
        </div>
        {FLAGS.map(([key, label]) => (
          <label key={key} className="rule-flag">
            <input type="checkbox" checked={rules[key]} onChange={(e) => edit(setRule(scenario, key, e.currentTarget.checked), label)} /> {label}
          </label>
        ))}
      </fieldset>
      <EffortField scenario={scenario} onChange={(effort, label) => edit({ effort }, label)} />
      <fieldset className="licence-models">
        <legend>
          Licence models ({scenario.licenceModelIds.length} of {estate.licenceModels.length} in force)
        </legend>
        {estate.licenceModels.length === 0 ? (
          <p className="muted">The project has no licence models: no product is charged.</p>
        ) : (
          <ul className="site-checklist licence-checklist">
            {estate.licenceModels.map((lm) => (
              <li key={lm.id} data-licence-model-id={lm.id} className={inForce.has(lm.id) ? 'kept' : undefined}>
                <label>
                  <input
                    type="checkbox"
                    checked={inForce.has(lm.id)}
                    onChange={() => edit(toggleLicenceModel(scenario, lm.id), inForce.has(lm.id) ? `Drop licence ${lm.name}` : `Apply licence ${lm.name}`)}
                  />
                  {lm.name}
                </label>{' '}
                <span className="muted">
                  {productName(lm.productId)} · {fmtMoney(lm.price, estate.currency)} {METRICS[lm.metric]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <PinList estate={estate} scenario={scenario} />
    </div>
  );
}
