/**
 * The data-quality report of an import: the number of servers imported first, the other counts, rows read /
 * used / skipped per table, the issues grouped by severity with the rows they name (file, sheet, row, column),
 * and the plain text (core/import/report.ts formatReport) to copy.
 */
import { useState } from 'react';
import type { ImportCounts, IssueSeverity, QualityIssue } from '../../../core/import/report.ts';
import { formatRef } from '../../../core/import/table.ts';
import type { ImportReportView } from '../../app/import-flow.ts';
import { fmtInt } from '../format.ts';

const SHOW_ROWS = 8;
/** Issues listed per severity; the rest are counted ("and N more") and all are in the plain text. */
export const SHOW_ISSUES = 100;

const COUNT_LABELS: [keyof ImportCounts, string, string][] = [
  ['blockedServers', 'not virtualisable', 'not virtualisable'],
  ['hosts', 'source host', 'source hosts'],
  ['clusters', 'cluster', 'clusters'],
  ['dataCentres', 'data centre', 'data centres'],
  ['seriesServers', 'server with series', 'servers with series'],
  ['seriesSamples', 'series sample', 'series samples'],
  ['flows', 'flow', 'flows'],
  ['userSites', 'user site', 'user sites'],
  ['wanLinks', 'WAN link', 'WAN links'],
];

const SEVERITIES: [IssueSeverity, string][] = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['info', 'Notes'],
];

function Issue({ issue }: { issue: QualityIssue }) {
  const n = issue.at.length;
  return (
    <li className="import-issue">
      <span>{issue.message}</span>
      {n > 1 && <span className="muted"> ({fmtInt(n)} rows)</span>}
      {n > 0 && (
        <ul className="import-issue-rows mono">
          {issue.at.slice(0, SHOW_ROWS).map((ref, i) => (
            <li key={i}>{formatRef(ref)}</li>
          ))}
          {n > SHOW_ROWS && <li className="muted">… and {fmtInt(n - SHOW_ROWS)} more (all in the plain text)</li>}
        </ul>
      )}
    </li>
  );
}

export function ImportReport({ view, onBack, onClose }: { view: ImportReportView; onBack: () => void; onClose: () => void }) {
  const { report, reportText } = view;
  const c = report.counts;
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clip) return setCopied('no');
    clip.writeText(reportText).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div className="import-report" data-testid="import-report">
      <p className="import-report-headline">
        <strong data-testid="import-servers">{fmtInt(c.serversImported)}</strong> {c.serversImported === 1 ? 'server' : 'servers'} imported from{' '}
        {report.files.join(', ')}
      </p>
      <ul className="chip-list import-counts" aria-label="Counts">
        {COUNT_LABELS.filter(([k]) => c[k] > 0).map(([k, one, many]) => (
          <li key={k}>
            <strong>{fmtInt(c[k])}</strong> {c[k] === 1 ? one : many}
          </li>
        ))}
      </ul>
      <h3>Rows read</h3>
      <div className="table-scroll import-tables">
        <table className="data-table" aria-label="Rows read per table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Sheet</th>
              <th scope="col" className="num">
                Read
              </th>
              <th scope="col" className="num">
                Used
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
            </tr>
          </thead>
          <tbody>
            {report.tables.map((t, i) => (
              <tr key={i}>
                <td>{t.file}</td>
                <td>{t.sheet ?? ''}</td>
                <td className="num">{fmtInt(t.rowsRead)}</td>
                <td className="num">{fmtInt(t.rowsUsed)}</td>
                <td className="num">{fmtInt(t.rowsSkipped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {SEVERITIES.map(([sev, title]) => {
        const list = report.issues.filter((i) => i.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev} className={`import-issues import-issues-${sev}`} aria-label={title}>
            <h3>
              {title} <span className="muted">({list.length})</span>
            </h3>
            <ul>
              {list.slice(0, SHOW_ISSUES).map((issue, i) => (
                <Issue key={i} issue={issue} />
              ))}
              {list.length > SHOW_ISSUES && (
                <li className="muted" data-testid={`import-issues-more-${sev}`}>
                  … and {fmtInt(list.length - SHOW_ISSUES)} more (all in the plain text)
                </li>
              )}
            </ul>
          </section>
        );
      })}
      {report.issues.length === 0 && <p className="muted">No issues: every row was used as it was.</p>}
      <details className="import-plain">
        <summary>Plain text</summary>
        <textarea readOnly aria-label="Report as plain text" value={reportText} rows={10} onFocus={(e) => e.currentTarget.select()} />
      </details>
      <div className="modal-actions">
        {copied && <span className="muted" role="status">{copied === 'yes' ? 'Copied.' : 'Copy failed: select the plain text and copy it.'}</span>}
        <button type="button" onClick={copy}>
          Copy report
        </button>
        <button type="button" onClick={onBack}>
          Import more files
        </button>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
