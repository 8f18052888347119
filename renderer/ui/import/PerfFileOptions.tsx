/**
 * The Import dialog's extra rows for performance exports (Get-Stat, perfmon, sar, wide CSV): what the file
 * holds as read from its header (perfSummary), and for a wide CSV the column table where each data column
 * gets its server and metric (mapping key "col:<header>" -> "metric@server", or not imported).
 */
import { useState } from 'react';
import type { Metric } from '../../../core/model/series.ts';
import { parseWideValue, wideKey, wideValue, type PerfKind } from '../../../core/import/perf/kinds.ts';
import { perfSummary } from '../../../core/import/perf/summary.ts';
import type { ImportFile, ImportFlow } from '../../app/import-flow.ts';

const METRIC_LABELS: Record<Metric, string> = { cpuPct: 'CPU %', memPct: 'Memory %', iops: 'IOPS', netMbps: 'Network Mbps' };

function WideRow({ file, header, flow, disabled }: { file: ImportFile; header: string; flow: ImportFlow; disabled: boolean }) {
  const target = parseWideValue(file.columns?.[wideKey(header)]);
  const [server, setServer] = useState(target?.server ?? header.split(/\s+/)[0]);
  const [metric, setMetric] = useState<Metric | null>(target?.metric ?? null);
  const commit = (m: Metric | null, s: string) => flow.setColumn(file.path, wideKey(header), m === null || s.trim() === '' ? null : wideValue(m, s.trim()));
  return (
    <tr data-column={header}>
      <th scope="row" className="mono">
        {header}
      </th>
      <td>
        <input type="text" aria-label={`Server of ${header}`} value={server} disabled={disabled} onChange={(e) => setServer(e.target.value)} onBlur={() => commit(metric, server)} placeholder="server name" />
      </td>
      <td>
        <select
          aria-label={`Metric of ${header}`}
          value={metric ?? ''}
          disabled={disabled}
          onChange={(e) => {
            const m = e.target.value === '' ? null : (e.target.value as Metric);
            setMetric(m);
            commit(m, server);
          }}
        >
          <option value="">— not imported —</option>
          {(Object.keys(METRIC_LABELS) as Metric[]).map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}

function WideColumns({ file, flow, disabled }: { file: ImportFile; flow: ImportFlow; disabled: boolean }) {
  const data = file.headers.filter((h) => h !== file.columns?.timestamp);
  return (
    <table className="data-table import-mapping import-wide" aria-label={`Data columns of ${file.name}`}>
      <thead>
        <tr>
          <th scope="col">Column in the file</th>
          <th scope="col">Server</th>
          <th scope="col">Metric</th>
        </tr>
      </thead>
      <tbody>
        {data.map((h) => (
          <WideRow key={h} file={file} header={h} flow={flow} disabled={disabled} />
        ))}
      </tbody>
    </table>
  );
}

export function PerfFileOptions({ file, kind, flow, disabled }: { file: ImportFile; kind: PerfKind; flow: ImportFlow; disabled: boolean }) {
  return (
    <>
      <ul className="import-perf-summary muted" aria-label={`About ${file.name}`}>
        {perfSummary(kind, file.headers).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {kind === 'wide' && <WideColumns file={file} flow={flow} disabled={disabled} />}
    </>
  );
}
