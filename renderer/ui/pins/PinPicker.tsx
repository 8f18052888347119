/**
 * Pin one server in a scenario: a site (kept sites first), an optional host label (the plan's hosts in that
 * site when the scenario has a plan), Pin and Unpin. Each is one undoable edit of the scenario's pins; the
 * pin's problems (checkPins) show at once below.
 */
import { useMemo, useState } from 'react';
import { checkPins } from '../../../core/engine/sites/pins.ts';
import type { Estate, Scenario } from '../../../core/model/schema.ts';
import { useWorkbench, useWorkbenchStore } from '../../store/react.ts';
import { selectCurrentScenario, selectEstate, selectScenarios } from '../../store/selectors.ts';
import { editScenario } from '../scenario/scenario-edits.ts';
import { pinOf, removePin, setPin } from './pin-edits.ts';
import './pins.css';

/** Issues of the scenario's pins, memoised on the estate's arrays and the scenario (both held by the store). */
export function usePinIssues(estate: Pick<Estate, 'servers' | 'dataCentres' | 'zones'>, scenario: Scenario) {
  const { servers, dataCentres, zones } = estate;
  return useMemo(() => checkPins({ servers, dataCentres, zones }, scenario), [servers, dataCentres, zones, scenario]);
}

/** The pin picker of one server; without `scenarioId` it offers every scenario, the current one first chosen. */
export function PinPicker({ serverId, scenarioId }: { serverId: string; scenarioId?: string }) {
  const estate = useWorkbench(selectEstate);
  const scenarios = useWorkbench(selectScenarios);
  const current = useWorkbench(selectCurrentScenario);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const id = scenarioId ?? chosenId ?? current?.id ?? null;
  const scenario = scenarios.find((s) => s.id === id) ?? current;
  if (!estate || !scenario) return null;
  const pin = pinOf(scenario, serverId);
  return (
    <fieldset className="pin-picker" data-testid="pin-picker" data-server-id={serverId}>
      <legend>Pin in a scenario</legend>
      {scenarioId === undefined && (
        <label>
          Scenario{' '}
          <select aria-label="Pin scenario" value={scenario.id} onChange={(e) => setChosenId(e.currentTarget.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.id === current?.id ? ' (current)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <PinForm key={`${scenario.id}|${pin?.dataCentreId ?? ''}|${pin?.hostLabel ?? ''}|${pin ? 1 : 0}`} estate={estate} scenario={scenario} serverId={serverId} />
    </fieldset>
  );
}

function PinForm({ estate, scenario, serverId }: { estate: Estate; scenario: Scenario; serverId: string }) {
  const store = useWorkbenchStore();
  const plan = useWorkbench((s) => s.plans[scenario.id] ?? null);
  const pin = pinOf(scenario, serverId);
  const server = estate.servers.find((s) => s.id === serverId);
  const kept = new Set(scenario.keptDataCentreIds);
  const [site, setSite] = useState<string>(() => (pin ? (pin.dataCentreId ?? '') : (scenario.keptDataCentreIds.find((d) => estate.dataCentres.some((dc) => dc.id === d)) ?? '')));
  const [host, setHost] = useState<string>(pin?.hostLabel ?? '');
  const issues = usePinIssues(estate, scenario).filter((i) => i.serverId === serverId);
  const target = site === '' ? (server?.dataCentreId ?? '') : site;
  const hosts = plan ? plan.hosts.filter((h) => h.dataCentreId === target && !h.spare).map((h) => h.label) : [];
  const name = server?.name ?? serverId;
  const listId = `pin-hosts-${serverId}`;
  const siteName = (id: string) => estate.dataCentres.find((d) => d.id === id)?.name ?? id;

  return (
    <div className="pin-form">
      <p className="muted" data-testid="pin-state">
        {pin ? `Pinned to ${pin.dataCentreId === null ? `its current site (${siteName(server?.dataCentreId ?? '')})` : siteName(pin.dataCentreId)}${pin.hostLabel ? `, host ${pin.hostLabel}` : ''}` : 'Not pinned'} in {scenario.name}
      </p>
      <label>
        Site{' '}
        <select aria-label="Pin site" value={site} onChange={(e) => setSite(e.currentTarget.value)}>
          <option value="">Its current site{server ? ` (${siteName(server.dataCentreId)})` : ''}</option>
          <optgroup label="Kept in this scenario">
            {estate.dataCentres
              .filter((d) => kept.has(d.id))
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </optgroup>
          <optgroup label="Not kept">
            {estate.dataCentres
              .filter((d) => !kept.has(d.id))
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} (not kept)
                </option>
              ))}
          </optgroup>
        </select>
      </label>
      <label>
        Host label{' '}
        <input
          type="text"
          aria-label="Pin host label"
          placeholder={hosts.length ? 'any host, or pick one' : 'any host'}
          list={hosts.length ? listId : undefined}
          value={host}
          onChange={(e) => setHost(e.currentTarget.value)}
        />
      </label>
      {hosts.length > 0 && (
        <datalist id={listId}>
          {hosts.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>
      )}
      <div className="pin-actions">
        <button type="button" className="primary" onClick={() => editScenario(store, scenario, setPin(scenario, serverId, site === '' ? null : site, host), `Pin ${name} (${scenario.name})`)}>
          Pin
        </button>
        <button type="button" disabled={!pin} onClick={() => editScenario(store, scenario, removePin(scenario, serverId), `Unpin ${name} (${scenario.name})`)}>
          Unpin
        </button>
      </div>
      {issues.length > 0 && (
        <ul className="pin-issues" role="alert" aria-label={`Pin problems of ${name}`}>
          {issues.map((i, k) => (
            <li key={`${i.kind}-${k}`} data-kind={i.kind}>
              {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
