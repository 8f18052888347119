/**
 * The scenario's pins: each with its problems from checkPins (shown at once, no run needed), the engine's pin
 * violations of the scenario's last plan, and a remove button. The server selected anywhere (Estate table,
 * Results assignments) can be pinned from here.
 */
import { useState } from 'react';
import type { Violation } from '../../../core/engine/plan.ts';
import { issuesByServer } from '../../../core/engine/sites/pins.ts';
import type { Estate, Scenario } from '../../../core/model/schema.ts';
import { useWorkbench, useWorkbenchStore } from '../../store/react.ts';
import { byId, selectSelectedServer } from '../../store/selectors.ts';
import { editScenario } from '../scenario/scenario-edits.ts';
import { removePin } from './pin-edits.ts';
import { PinPicker, usePinIssues } from './PinPicker.tsx';
import './pins.css';

const NO_VIOLATIONS: readonly Violation[] = [];

export function PinList({ estate, scenario }: { estate: Estate; scenario: Scenario }) {
  const store = useWorkbenchStore();
  const violations = useWorkbench((s) => s.plans[scenario.id]?.violations ?? NO_VIOLATIONS);
  const selected = useWorkbench(selectSelectedServer);
  const [picking, setPicking] = useState<string | null>(null);
  const issues = issuesByServer(usePinIssues(estate, scenario));
  const pinViolations = violations.filter((v) => v.kind === 'pin');
  const pinned = new Set(scenario.pins.map((p) => p.serverId));
  const unmatched = pinViolations.filter((v) => !v.serverIds.some((id) => pinned.has(id)));
  const servers = byId(estate.servers);
  const dcs = byId(estate.dataCentres);
  const serverName = (id: string) => servers.get(id)?.name ?? id;
  const siteName = (id: string) => dcs.get(id)?.name ?? id;
  const seen = new Set<string>();

  return (
    <fieldset className="pins" data-testid="pin-list">
      <legend>Pins ({scenario.pins.length})</legend>
      {scenario.pins.length === 0 && <p className="muted">No server is pinned. Pin one from its editor in Estate, or select it and pin it here.</p>}
      <ul className="pin-rows">
        {scenario.pins.map((p, i) => {
          const first = !seen.has(p.serverId);
          seen.add(p.serverId);
          const own = first ? (issues.get(p.serverId) ?? []) : [];
          const engine = first ? pinViolations.filter((v) => v.serverIds.includes(p.serverId)) : [];
          const name = serverName(p.serverId);
          return (
            <li key={`${p.serverId}-${i}`} data-testid="pin-row" data-server-id={p.serverId} className={own.length || engine.length ? 'pin-row has-issues' : 'pin-row'}>
              <span className="pin-what">
                <strong>{name}</strong> → {p.dataCentreId === null ? `its current site (${siteName(servers.get(p.serverId)?.dataCentreId ?? '?')})` : siteName(p.dataCentreId)}
                {p.hostLabel ? <span className="mono"> host {p.hostLabel}</span> : null}
              </span>{' '}
              <button type="button" aria-label={`Remove pin of ${name}`} onClick={() => editScenario(store, scenario, removePin(scenario, p.serverId), `Unpin ${name} (${scenario.name})`)}>
                Remove
              </button>
              {own.length + engine.length > 0 && (
                <ul className="pin-issues" role="alert" aria-label={`Pin problems of ${name}`}>
                  {own.map((x, k) => (
                    <li key={`own-${k}`} data-kind={x.kind}>
                      {x.message}
                    </li>
                  ))}
                  {engine.map((v, k) => (
                    <li key={`run-${k}`} data-kind="engine">
                      Last run: {v.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {unmatched.length > 0 && (
        <ul className="pin-issues" role="alert" aria-label="Pin problems of the last run">
          {unmatched.map((v, k) => (
            <li key={k} data-kind="engine">
              Last run: {v.message}
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div className="pin-selected">
          {picking === selected.id ? (
            <>
              <button type="button" onClick={() => setPicking(null)}>
                Close pin picker
              </button>
              <PinPicker serverId={selected.id} scenarioId={scenario.id} />
            </>
          ) : (
            <button type="button" onClick={() => setPicking(selected.id)}>
              Pin {selected.name}…
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
