import { useEffect, useState } from 'react';
import { hourLabel, WEEK_HOURS } from '../hours.ts';
import '../views.css';
import './topology.css';

export type HourSliderProps = {
  /** The hour shown, or null for the peak over the week. */
  hour: number | null;
  onChange(hour: number | null): void;
  /** Hours on the timeline (168 for a week). */
  hours?: number;
  /** Milliseconds per step while playing. */
  stepMs?: number;
};

/** An hour-of-the-week slider (labels like "Tue 14:00 UTC"), a Peak toggle and a Play button. */
export function HourSlider({ hour, onChange, hours = WEEK_HOURS, stepMs = 400 }: HourSliderProps) {
  const [playing, setPlaying] = useState(false);

  // One interval per shown hour: it always steps from the hour on screen, and stops on unmount or pause.
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => onChange(hour === null ? 0 : (hour + 1) % hours), stepMs);
    return () => clearInterval(id);
  }, [playing, hour, hours, stepMs, onChange]);

  const label = hour === null ? 'Peak over the week' : hourLabel(hour, hours);
  return (
    <div className="cwb-view hour-slider" data-testid="hour-slider">
      <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <input
        type="range"
        min={0}
        max={hours - 1}
        step={1}
        value={hour ?? 0}
        aria-label="Hour of the week"
        aria-valuetext={label}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <label className="hour-peak">
        <input
          type="checkbox"
          checked={hour === null}
          onChange={(e) => {
            if (e.currentTarget.checked) setPlaying(false);
            onChange(e.currentTarget.checked ? null : 0);
          }}
        />
        Peak
      </label>
      <output className="hour-label" aria-live="polite">
        {label}
      </output>
    </div>
  );
}
