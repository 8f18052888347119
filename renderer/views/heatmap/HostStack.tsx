import { useMemo } from 'react';
import { schemeTableau10 } from 'd3';
import { DIMENSION_UNITS, type Dimension, type HostPlan } from '../../../core/engine/plan.ts';
import type { HostModel } from '../../../core/model/schema.ts';
import { hourLabel } from '../hours.ts';
import { hostStack, type ServerSeries } from './stack.ts';

export type HostStackProps = {
  host: HostPlan;
  dimension: Dimension;
  hours: number;
  serverSeries?: ServerSeries;
  serverName?: (id: string) => string;
  hostModel?: HostModel;
  onClose(): void;
  width?: number;
  height?: number;
};

const M = { top: 10, right: 110, bottom: 22, left: 52 };
const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** One host's load over the hours: the workloads stacked, against its usable capacity and the raw capacity. */
export function HostStack({ host, dimension, hours, serverSeries, serverName, hostModel, onClose, width = 640, height = 220 }: HostStackProps) {
  const w = width - M.left - M.right;
  const h = height - M.top - M.bottom;
  const g = useMemo(
    () => hostStack({ host, dim: dimension, hours, serverSeries, serverName, model: hostModel, width: w, height: h }),
    [host, dimension, hours, serverSeries, serverName, hostModel, w, h],
  );
  const unit = DIMENSION_UNITS[dimension];
  return (
    <section className="host-stack" data-testid="host-stack" aria-label={`Load of host ${host.label}`}>
      <header>
        <strong>{host.label}</strong>
        <span className="v-muted">
          {' '}
          {dimension} ({unit}), {host.serverIds.length} servers, usable {fmt.format(host.capacity[dimension])} {unit}
        </span>
        <button type="button" onClick={onClose} aria-label="Close host panel">
          ×
        </button>
      </header>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Stacked ${dimension} load of ${host.label}`}>
        <g transform={`translate(${M.left},${M.top})`}>
          {g.yTicks.map((t) => (
            <g key={t.value} className="tick">
              <line x1={0} x2={w} y1={t.y} y2={t.y} />
              <text x={-6} y={t.y} dy="0.32em" textAnchor="end">
                {fmt.format(t.value)}
              </text>
            </g>
          ))}
          {g.xTicks.map((t) => (
            <text key={t.hour} className="tick" x={t.x} y={h + 15} textAnchor="middle">
              {hourLabel(t.hour, hours, false)}
            </text>
          ))}
          {g.layers.map((l, i) => (
            <path key={l.key} className="stack-layer" d={l.path} fill={schemeTableau10[i % 10]} data-server-id={l.key}>
              <title>{`${l.label}: peak ${fmt.format(l.peak)} ${unit}`}</title>
            </path>
          ))}
          <path className="stack-total" d={g.totalPath}>
            <title>Total load in the plan</title>
          </path>
          <line className="stack-usable" x1={0} x2={w} y1={g.usableY} y2={g.usableY} />
          <text className="stack-line-label" x={w + 4} y={g.usableY} dy="0.32em">
            usable (headroom)
          </text>
          {g.rawY !== null && (
            <>
              <line className="stack-raw" x1={0} x2={w} y1={g.rawY} y2={g.rawY} />
              <text className="stack-line-label" x={w + 4} y={g.rawY} dy="0.32em">
                capacity
              </text>
            </>
          )}
        </g>
      </svg>
      <ul className="stack-keys">
        {g.layers.map((l, i) => (
          <li key={l.key}>
            <span className="swatch" style={{ background: schemeTableau10[i % 10] }} /> {l.label}
          </li>
        ))}
      </ul>
      {g.missing.length > 0 && (
        <p className="v-muted" data-testid="stack-missing">
          {g.missing.length === host.serverIds.length ? 'Per-server series are not available: the line shows the total load.' : `${g.missing.length} servers without a series (in the total line only).`}
        </p>
      )}
    </section>
  );
}
