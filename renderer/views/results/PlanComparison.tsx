import { useMemo } from 'react';
import type { Estate } from '../../../core/model/schema.ts';
import { fmtDec, fmtInt, fmtMoney, fmtPct } from './format.ts';
import { comparePlans, type ComparisonRow, type ScenarioPlan } from './metrics.ts';
import '../views.css';
import './results.css';

export type PlanComparisonProps = {
  estate: Estate;
  a: ScenarioPlan;
  b: ScenarioPlan;
  /** Servers whose target differs, listed up to this many. */
  maxMoved?: number;
};

/** Two scenarios' plans side by side: the rows that differ are highlighted, then the servers that land elsewhere. */
export function PlanComparison({ estate, a, b, maxMoved = 200 }: PlanComparisonProps) {
  const { rows, moved } = useMemo(() => comparePlans(estate, a, b), [estate, a, b]);
  const dcName = useMemo(() => new Map(estate.dataCentres.map((d) => [d.id, d.name])), [estate.dataCentres]);
  const value = (r: ComparisonRow, v: number) => (r.kind === 'money' ? fmtMoney(v, estate.currency) : r.kind === 'pct' ? fmtPct(v) : Number.isInteger(v) ? fmtInt(v) : fmtDec(v));
  const delta = (r: ComparisonRow) => {
    if (!r.differs) return '';
    const d = r.b - r.a;
    return `${d > 0 ? '+' : '−'}${value(r, Math.abs(d))}`;
  };
  const site = (id: string | null) => (id === null ? 'unplaced' : (dcName.get(id) ?? id));
  return (
    <div className="cwb-view plan-comparison" data-testid="plan-comparison">
      <table className="comparison-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">
              {a.scenario.name}
              <div className="v-muted">{a.scenario.keptDataCentreIds.map((id) => dcName.get(id) ?? id).join(', ')}</div>
            </th>
            <th scope="col">
              {b.scenario.name}
              <div className="v-muted">{b.scenario.keptDataCentreIds.map((id) => dcName.get(id) ?? id).join(', ')}</div>
            </th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.differs ? 'differs' : undefined} data-row={r.key} data-differs={r.differs}>
              <th scope="row" className={r.label.startsWith('  ') ? 'indent' : undefined}>
                {r.label.trim()}
              </th>
              <td className="v-num">{value(r, r.a)}</td>
              <td className="v-num">{value(r, r.b)}</td>
              <td className="v-num">{delta(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section data-testid="moved-servers">
        <h4>
          Servers with a different target site: {fmtInt(moved.length)}
        </h4>
        {moved.length > 0 && (
          <ul className="moved-list">
            {moved.slice(0, maxMoved).map((m) => (
              <li key={m.serverId} data-server-id={m.serverId}>
                {m.name}: {site(m.a)} → {site(m.b)}
              </li>
            ))}
            {moved.length > maxMoved && <li className="v-muted">and {fmtInt(moved.length - maxMoved)} more</li>}
          </ul>
        )}
      </section>
    </div>
  );
}
