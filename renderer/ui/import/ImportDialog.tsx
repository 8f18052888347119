/**
 * File > Import: the dialog over the workbench while `importFlow.state.open`. Step "files": choose files (the
 * native dialog in Electron, the file browser below in browser mode), confirm each file's kind and column
 * mapping, the time zone; Import. Step "report": the data-quality report of the import just made (or the last
 * one). State and host calls live in renderer/app/import-flow.ts.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { ImportProgress } from '../../../electron/contract.ts';
import { groupFiles, importProblems, type ImportFlow } from '../../app/import-flow.ts';
import { useApp } from '../app-context.ts';
import { Modal } from '../dialogs/Modal.tsx';
import { ImportFileCard, RvtoolsSetCard } from './ImportFileCard.tsx';
import { ImportFilePicker } from './ImportFilePicker.tsx';
import { ImportReport } from './ImportReport.tsx';
import './import.css';

const ZONES: readonly string[] = (() => {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...all.filter((z) => z !== 'UTC')];
})();

function TimeZoneField({ flow }: { flow: ImportFlow }) {
  const id = useId();
  const timeZone = useStore(flow.state, (s) => s.timeZone);
  const zones = ZONES.includes(timeZone) ? ZONES : [timeZone, ...ZONES];
  return (
    <div className="import-tz">
      <label htmlFor={id}>Time zone of time stamps without an offset</label>
      <select id={id} value={timeZone} onChange={(e) => flow.setTimeZone(e.target.value)}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilesStep({ flow }: { flow: ImportFlow }) {
  const s = useStore(flow.state);
  const problems = importProblems(s);
  const busy = s.busy !== null;
  return (
    <div className="import-files-step">
      {flow.isBrowser() ? (
        <ImportFilePicker flow={flow} />
      ) : (
        <div className="import-choose">
          <button type="button" onClick={() => void flow.chooseFiles()} disabled={busy}>
            Choose files…
          </button>
          <span className="muted">RVTools exports (.xlsx or the RVTools_tab*.csv set) and CSV files: inventory, utilisation series (long or wide), vCenter Get-Stat, perfmon, sar (sadf -d), flows, sites, WAN links.</span>
        </div>
      )}
      <section className="import-selected" aria-label="Files to import">
        <h3>
          Files to import <span className="muted">({s.files.length})</span>
        </h3>
        {s.files.length === 0 && <p className="muted">No files yet.</p>}
        {groupFiles(s.files).map((g) =>
          g.type === 'file' ? (
            <ImportFileCard key={g.file.path} file={g.file} flow={flow} disabled={busy} />
          ) : (
            <RvtoolsSetCard key={g.dir} dir={g.dir} files={g.files} flow={flow} disabled={busy} />
          ),
        )}
      </section>
      <TimeZoneField flow={flow} />
      {s.error && (
        <p className="import-error error-message" role="alert">
          {s.error}
        </p>
      )}
      {problems.length > 0 && s.files.length > 0 && (
        <div className="import-problems" role="status" aria-label="Before you can import">
          <strong>Before you can import:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="modal-actions">
        {busy && (
          <span className="import-busy" role="status" aria-live="polite">
            <progress aria-label={s.busy === 'importing' ? 'Importing' : 'Reading files'} />
            {s.busy === 'importing' ? 'Importing…' : 'Reading files…'}
            {s.progress && <span className="import-progress">{progressText(s.progress)}</span>}
          </span>
        )}
        {s.lastReport && (
          <button type="button" className="import-last" onClick={() => flow.showReport()} disabled={busy}>
            Last import report
          </button>
        )}
        <button type="button" className="primary" disabled={busy || problems.length > 0} onClick={() => void flow.run()}>
          Import
        </button>
        <button type="button" onClick={() => (busy ? void flow.cancelRun() : flow.close())}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** "inventory.csv: 120,000 rows read" (or the merge step once every file is read). */
export function progressText(p: ImportProgress): string {
  if (p.phase === 'merging') return `${p.totalRows.toLocaleString('en-US')} rows read; merging into the project`;
  if (p.file === null) return '';
  return `${p.file}: ${p.rows.toLocaleString('en-US')} rows read`;
}

export function ImportDialog() {
  const { controller } = useApp();
  const flow = controller.importFlow;
  const open = useStore(flow.state, (s) => s.open);
  const step = useStore(flow.state, (s) => s.step);
  const report = useStore(flow.state, (s) => s.lastReport);
  if (!open) return null;
  return (
    // Keys stay in the dialog: the workbench's shortcuts (Ctrl+Z ...) must not act on the project behind it.
    <div className="import-dialog-host" onKeyDown={(e) => e.stopPropagation()}>
      <Modal title={step === 'report' ? 'Import report' : 'Import'} onCancel={() => flow.close()} wide>
        <div className="import-dialog">
          {step === 'report' && report ? <ImportReport view={report} onBack={() => flow.backToFiles()} onClose={() => flow.close()} /> : <FilesStep flow={flow} />}
        </div>
      </Modal>
    </div>
  );
}
