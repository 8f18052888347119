import { useMemo, type ReactNode } from 'react';
import type { Plan } from '../../../core/engine/plan.ts';
import type { Estate } from '../../../core/model/schema.ts';
import { fmtDec, fmtInt, fmtMoney, fmtPct } from './format.ts';
import { summarise } from './metrics.ts';
import { effortText } from '../../../core/model/effort.ts';
import '../views.css';
import './results.css';

export type SummaryCardsProps = { estate: Estate; plan: Plan };

/** The plan at a glance: consolidation, hosts against the lower bound, cost, WAN and what could not be placed. */
export function SummaryCards({ estate, plan }: SummaryCardsProps) {
  const s = useMemo(() => summarise(estate, plan), [estate, plan]);
  const money = (n: number) => fmtMoney(n, estate.currency);
  return (
    <div className="cwb-view summary-cards" data-testid="summary-cards">
      <Card id="servers" title="Servers → hosts" value={`${fmtInt(s.servers)} → ${fmtInt(s.hosts)}`}>
        {fmtInt(s.virtualised)} virtualised, {fmtInt(s.stayPhysical)} stay physical
        <br />
        ratio {fmtDec(s.ratio)} : 1 ({fmtInt(s.spareHosts)} spare hosts included)
      </Card>
      <Card id="bound" title="Hosts vs lower bound" value={`${fmtInt(s.hosts)} / ${fmtInt(s.bound)}`} tone={(s.costGapPct ?? s.gapPct) > 10 ? 'warn' : 'ok'}>
        gap {fmtPct(s.gapPct)} above the bound
        {plan.search?.effort !== undefined && (
          <>
            <br />
            <span data-testid="plan-effort">{searchText(plan.search)}</span>
          </>
        )}
        {s.costBound !== null && s.costGapPct !== null && (
          <>
            <br />
            cost (hosts and licences) {fmtPct(s.costGapPct)} ({money(s.hostsCost + s.licences - s.costBound)}) above its lower bound of {money(s.costBound)}
          </>
        )}
      </Card>
      <Card id="cost" title={`Plan cost over ${s.horizonMonths} months`} value={money(s.costAfter)}>
        hosts {money(s.hostsCost)} + licences {money(s.licences)} + kept sites {money(s.facilitiesAfter)}
        <br />
        site running cost {money(s.costBefore)} today → {money(s.facilitiesAfter)} ({s.costBefore >= s.facilitiesAfter ? 'saves' : 'adds'}{' '}
        {money(Math.abs(s.costBefore - s.facilitiesAfter))})
        <br />
        <span className="v-muted">Today's servers and licences are not in the estate, so only site running costs compare like for like.</span>
      </Card>
      <Card id="wan" title="WAN links overloaded" value={`${fmtInt(s.linksOverBefore)} → ${fmtInt(s.linksOverAfter)}`} tone={s.linksOverAfter > s.linksOverBefore ? 'bad' : s.linksOverAfter > 0 ? 'warn' : 'ok'}>
        today → after the moves
      </Card>
      <Card id="unplaced" title="Unplaced" value={fmtInt(s.unplaced)} tone={s.unplaced > 0 ? 'bad' : 'ok'}>
        {s.violations > 0 ? `${fmtInt(s.violations)} rule violations` : 'no rule violations'}
      </Card>
    </div>
  );
}

function Card({ id, title, value, tone, children }: { id: string; title: string; value: string; tone?: 'ok' | 'warn' | 'bad'; children: ReactNode }) {
  return (
    <section className={`summary-card${tone ? ` tone-${tone}` : ''}`} data-testid={`card-${id}`} aria-label={title}>
      <h4>{title}</h4>
      <div className="card-value">{value}</div>
      <div className="card-detail">{children}</div>
    </section>
  );
}

/** "effort standard (50,000 work units), found at 49,363": what replays the plan (cwb plan --effort 49363). */
function searchText(search: NonNullable<Plan['search']>): string {
  const effort = search.effort === 'custom' || search.effort === undefined ? effortText(search.iterations ?? 0) : effortText(search.effort);
  return `effort ${effort}, found at ${fmtInt(search.foundAt ?? 0)} work units`;
}
