/**
 * The scenario's search effort: quick, standard (the default) or thorough, or a custom number of work units.
 * Work, not time: the same project, scenario, seed and effort give the same plan on any machine. One undoable
 * edit per change.
 */
import { DEFAULT_EFFORT, EFFORT_LEVELS, EFFORT_UNITS, effortUnits, type Effort } from '../../../core/model/effort.ts';
import type { Scenario } from '../../../core/model/schema.ts';

const LABEL: Record<(typeof EFFORT_LEVELS)[number], string> = { quick: 'Quick', standard: 'Standard', thorough: 'Thorough' };

export function EffortField({ scenario, onChange }: { scenario: Scenario; onChange(effort: Effort, label: string): void }) {
  const effort = scenario.effort ?? DEFAULT_EFFORT;
  const custom = typeof effort === 'number';
  const commitUnits = (raw: string) => {
    const n = Number(raw);
    if (/^\d+$/.test(raw.trim()) && n <= 1e9 && n !== effort) onChange(n, `Search effort ${n.toLocaleString('en-US')} work units`);
  };
  return (
    <fieldset className="effort" data-testid="effort-field">
      <legend>Search effort</legend>
      <label>
        Effort{' '}
        <select
          aria-label="Search effort"
          value={custom ? 'custom' : effort}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (v === 'custom') onChange(effortUnits(effort), 'Custom search effort');
            else {
              const level = EFFORT_LEVELS.find((l) => l === v);
              if (level) onChange(level, `Search effort ${level}`);
            }
          }}
        >
          {EFFORT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LABEL[l]} ({EFFORT_UNITS[l].toLocaleString('en-US')} work units)
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {custom && (
        <label>
          {' '}
          Work units{' '}
          <input
            key={effort}
            type="number"
            aria-label="Search effort in work units"
            min={0}
            step={1000}
            defaultValue={effort}
            onBlur={(e) => commitUnits(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitUnits(e.currentTarget.value);
            }}
          />
        </label>
      )}
      <p className="muted">Work, not time: the same project, scenario, seed and effort give the same plan on any machine.</p>
    </fieldset>
  );
}
