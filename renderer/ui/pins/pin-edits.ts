/**
 * Pin edits: pure helpers that build the scenario's next `pins`, applied as one undoable field patch on the
 * scenario through `editScenario` (the store's applyEdit, which marks the project unsaved).
 */
import type { Pin, Scenario } from '../../../core/model/schema.ts';

/** Pin a server (replacing any pins it had, duplicates included); a blank host label means any host. */
export function setPin(scenario: Pick<Scenario, 'pins'>, serverId: string, dataCentreId: string | null, hostLabel: string | null): Partial<Scenario> {
  const label = hostLabel?.trim() ? hostLabel.trim() : null;
  const pin: Pin = { serverId, dataCentreId, hostLabel: label };
  const at = scenario.pins.findIndex((p) => p.serverId === serverId);
  if (at < 0) return { pins: [...scenario.pins, pin] };
  // keep the pin where it was in the list, drop later duplicates
  return { pins: scenario.pins.flatMap((p, i) => (i === at ? [pin] : p.serverId === serverId ? [] : [p])) };
}

/** Remove every pin of a server. */
export function removePin(scenario: Pick<Scenario, 'pins'>, serverId: string): Partial<Scenario> {
  return { pins: scenario.pins.filter((p) => p.serverId !== serverId) };
}

/** The pin of a server in the scenario (the last one, as the engine reads it), or null. */
export function pinOf(scenario: Pick<Scenario, 'pins'>, serverId: string): Pin | null {
  for (let i = scenario.pins.length - 1; i >= 0; i--) if (scenario.pins[i].serverId === serverId) return scenario.pins[i];
  return null;
}
