/**
 * The snapshot report as a print layout (A4 portrait, report.css): cover, executive summary, the WAN map,
 * host utilisation heatmaps, per-site tables, unplaced workloads and violations, assumptions. Props only: the
 * report model (core/report) and the estate and plan the figures come from. The same layout shows on screen in
 * the preview and is what Export PDF prints.
 */
import type { Cell } from '../../core/export/table.ts';
import type { Plan } from '../../core/engine/plan.ts';
import type { Estate } from '../../core/model/schema.ts';
import type { Report } from '../../core/report/model.ts';
import { fmtDec, fmtInt, fmtMoney, fmtPct } from '../views/results/format.ts';
import { formatHourRanges } from '../views/hours.ts';
import { ReportHeatmap } from './ReportHeatmap.tsx';
import { ReportMap } from './ReportMap.tsx';
import { ReportTable } from './ReportTable.tsx';
import './report.css';

export type ReportViewProps = { report: Report; estate: Estate; plan: Plan };

const pctOrDash = (n: number) => (Number.isFinite(n) ? fmtPct(n) : '—');
/** A site's power or rack capacity: 0 means nobody entered it (imports), so "unknown", never "of 0". */
const capacity = (n: number, fmt: (n: number) => string) => (n > 0 ? fmt(n) : 'unknown');

function Cover({ report }: { report: Report }) {
  const c = report.cover;
  return (
    <section className="report-page report-cover" aria-label="Cover">
      <p className="report-kicker">{c.title}</p>
      <h1>{c.estateName}</h1>
      {c.client && <p className="report-client">{c.client}</p>}
      <h2 className="report-scenario" data-testid="report-scenario">
        Scenario: {c.scenarioName}
      </h2>
      {c.scenarioDescription && <p>{c.scenarioDescription}</p>}
      <dl className="report-facts">
        <dt>Date</dt>
        <dd data-testid="report-date">{c.date}</dd>
        <dt>Estate</dt>
        <dd>
          {fmtInt(c.servers)} servers in {fmtInt(c.dataCentres)} data centres
        </dd>
        <dt>Plan</dt>
        <dd>{c.finalPlan ? 'final plan of the engine run' : 'first plan (the run stopped before its search ended)'}</dd>
        <dt>App version</dt>
        <dd>Consolidation Workbench {c.appVersion}</dd>
        <dt>Input hash</dt>
        <dd>
          <code className="report-hash" data-testid="report-hash">
            {c.inputHash}
          </code>
          <br />
          <small>SHA-256 ({c.hashFormat}) of the estate, its hourly series, the scenario and the engine settings: the same inputs give the same hash.</small>
        </dd>
      </dl>
    </section>
  );
}

function Summary({ report }: { report: Report }) {
  const { figures: f, currency, kept, closed, licences, wanRisks } = report.summary;
  const money = (n: number) => fmtMoney(n, currency);
  const siteRunningSaving = f.costBefore - f.facilitiesAfter;
  return (
    <section className="report-page" aria-labelledby="report-summary">
      <h2 id="report-summary">Executive summary</h2>
      <div className="report-kpis">
        <div data-testid="report-kpi-servers">
          <strong>
            {fmtInt(f.servers)} → {fmtInt(f.hosts)}
          </strong>
          servers → hosts
        </div>
        <div>
          <strong>
            {fmtInt(kept.length)} kept / {fmtInt(closed.length)} closed
          </strong>
          data centres
        </div>
        <div>
          <strong>{money(f.costAfter)}</strong>
          plan cost over {f.horizonMonths} months
        </div>
        <div>
          <strong>
            {fmtInt(f.linksOverBefore)} → {fmtInt(f.linksOverAfter)}
          </strong>
          WAN links over capacity
        </div>
      </div>
      <ul className="report-bullets">
        <li>
          {fmtInt(f.servers)} servers move onto {fmtInt(f.hosts)} hosts ({fmtInt(f.spareHosts)} N+1 spares included): {fmtInt(f.virtualised)} virtualised at{' '}
          {fmtDec(f.ratio)} per host, {fmtInt(f.stayPhysical)} stay physical, {fmtInt(f.unplaced)} could not be placed.
        </li>
        <li>
          {fmtInt(f.hosts)} hosts against a lower bound of {fmtInt(f.bound)}: {fmtPct(f.gapPct)} above the bound.
          {f.costBound !== null && f.costGapPct !== null && (
            <>
              {' '}
              Hosts and licences cost {money(f.hostsCost + f.licences)}, {money(f.hostsCost + f.licences - f.costBound)} ({fmtPct(f.costGapPct)}) above their lower bound of {money(f.costBound)}.
            </>
          )}
        </li>
        <li>
          Kept: {kept.map((s) => s.name).join(', ') || 'none'}.
        </li>
        <li>
          Closed: {closed.map((s) => s.name).join(', ') || 'none'}.
        </li>
        <li>
          {f.violations === 0 ? 'No rule violations.' : `${fmtInt(f.violations)} rule violations (listed below).`}
        </li>
      </ul>
      <h3>Cost over {f.horizonMonths} months</h3>
      <table className="report-table report-cost">
        <tbody>
          <tr>
            <th scope="row">Hosts (purchase and running)</th>
            <td className="num">{money(f.hostsCost)}</td>
          </tr>
          {licences.map((l) => (
            <tr key={l.name}>
              <th scope="row">
                Licences: {l.name} ({fmtInt(l.units)} units)
              </th>
              <td className="num">{money(l.cost)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Kept data centres running</th>
            <td className="num">{money(f.facilitiesAfter)}</td>
          </tr>
          <tr className="report-total">
            <th scope="row">Plan total (with licences)</th>
            <td className="num">{money(f.costAfter)}</td>
          </tr>
          <tr>
            <th scope="row">All data centres running today, same horizon</th>
            <td className="num">{money(f.costBefore)}</td>
          </tr>
          <tr>
            <th scope="row">Site running cost {siteRunningSaving >= 0 ? 'saved' : 'added'} by closing sites</th>
            <td className="num">{money(Math.abs(siteRunningSaving))}</td>
          </tr>
        </tbody>
      </table>
      <p className="report-note">Today&apos;s servers and licences are not in the estate, so only site running costs compare like for like.</p>
      <h3>WAN risks</h3>
      {wanRisks.length === 0 ? (
        <p>No WAN link exceeds its bandwidth, today or after the moves.</p>
      ) : (
        <ReportTable
          testId="report-wan"
          compact
          className="report-wan"
          table={{
            header: ['Link', 'Bandwidth Mbps', 'Peak today Mbps', 'Hours over today', 'Peak after Mbps', 'Hours over after', 'When, after (UTC)'],
            rows: wanRisks.map((w) => [w.name, w.bandwidthMbps, w.peakBeforeMbps, w.hoursBefore, w.peakAfterMbps, w.hoursAfter, w.hoursAfter >= 168 ? 'all week' : formatHourRanges(w.overAfter, 2) || '—']),
          }}
        />
      )}
    </section>
  );
}

function Sites({ report }: { report: Report }) {
  const money = (c: Cell) => (typeof c === 'number' ? fmtMoney(c, report.summary.currency) : '');
  const costHeader = report.siteTable.header.at(-1) ?? '';
  return (
    <section className="report-page" aria-labelledby="report-sites">
      <h2 id="report-sites">Sites</h2>
      <ReportTable testId="report-site-table" table={report.siteTable} format={{ [costHeader]: money }} />
      {report.sites.map((s) => (
        <div className="report-site" key={s.id} data-site-id={s.id}>
          <h3>
            {s.name} <small>{s.city}</small>
          </h3>
          <p className="report-site-facts">
            {fmtInt(s.hosts)} hosts ({fmtInt(s.spareHosts)} spare) of {s.hostModel}; {fmtInt(s.servers)} servers ({fmtInt(s.physicalServers)} physical); peak CPU{' '}
            {pctOrDash(s.peakPct.cpu)}, peak memory {pctOrDash(s.peakPct.memory)} of usable capacity; power {fmtDec(s.powerKw)} kW of {capacity(s.powerLimitKw, (n) => `${fmtDec(n)} kW`)}; racks{' '}
            {fmtDec(s.racks)} of {capacity(s.rackLimit, fmtInt)}; cost {fmtMoney(s.cost, report.summary.currency)}.
          </p>
          <ReportTable table={s.hostTable} compact className="report-hosts" testId={`report-hosts-${s.id}`} />
        </div>
      ))}
    </section>
  );
}

function Problems({ report }: { report: Report }) {
  return (
    <section className="report-page" aria-labelledby="report-problems">
      <h2 id="report-problems">Unplaced workloads and violations</h2>
      <h3>Unplaced workloads ({fmtInt(report.unplaced.length)})</h3>
      {report.unplaced.length === 0 ? (
        <p>Every server has a place in the plan.</p>
      ) : (
        <ReportTable
          testId="report-unplaced"
          compact
          table={{ header: ['Server', 'Today in', 'Blocked by', 'Server blocker'], rows: report.unplaced.map((u) => [u.name, u.sourceSite, u.blockedBy.join('; '), u.blocker]) }}
        />
      )}
      <h3>Rule violations ({fmtInt(report.violations.length)})</h3>
      {report.violations.length === 0 ? (
        <p>The plan breaks no rule.</p>
      ) : (
        <ReportTable
          testId="report-violations"
          compact
          table={{
            header: ['Rule', 'What', 'Servers'],
            rows: report.violations.map((v) => [v.kind, v.message, `${v.servers.join(', ')}${v.count > v.servers.length ? ` and ${fmtInt(v.count - v.servers.length)} more` : ''}`]),
          }}
        />
      )}
    </section>
  );
}

function Assumptions({ report }: { report: Report }) {
  return (
    <section className="report-page" aria-labelledby="report-assumptions">
      <h2 id="report-assumptions">Assumptions</h2>
      <p>The rules in force for this plan. Figures in this report follow from them and from the estate as of the date on the cover.</p>
      {report.assumptions.map((g) => (
        <div className="report-assumption-group" key={g.title}>
          <h3>{g.title}</h3>
          <table className="report-table report-kv">
            <tbody>
              {g.items.map((it) => (
                <tr key={it.label}>
                  <th scope="row">{it.label}</th>
                  <td>{it.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

export function ReportView({ report, estate, plan }: ReportViewProps) {
  const keptIds = report.summary.kept.map((s) => s.id);
  const names = new Map(estate.dataCentres.map((d) => [d.id, d.name]));
  const siteName = (id: string) => names.get(id) ?? id;
  return (
    <article className="report" data-testid="report" aria-label={`Report: ${report.cover.scenarioName}`}>
      <Cover report={report} />
      <Summary report={report} />
      <section className="report-page" aria-labelledby="report-map-title">
        <h2 id="report-map-title">WAN map after the moves</h2>
        <ReportMap estate={estate} plan={plan} keptIds={keptIds} />
        <h3>Data centres</h3>
        <ReportTable
          testId="report-dcs"
          compact
          table={{
            header: ['Data centre', 'City', 'In the plan', 'Servers today', 'Hosts after'],
            rows: report.summary.dataCentres.map((d) => [d.name, d.city, d.kept ? 'kept' : 'closed', d.serversToday, d.hostsAfter]),
          }}
        />
      </section>
      <section className="report-page" aria-labelledby="report-heatmaps">
        <h2 id="report-heatmaps">Host utilisation by hour of the week</h2>
        <p className="report-note">Each row is a host, grouped by site; each column an hour (UTC). Colour: share of the host&apos;s usable capacity.</p>
        <ReportHeatmap plan={plan} dim="cpu" title="CPU" siteName={siteName} />
        <ReportHeatmap plan={plan} dim="memory" title="Memory" siteName={siteName} />
      </section>
      <Sites report={report} />
      <Problems report={report} />
      <Assumptions report={report} />
    </article>
  );
}
