import { useWorkbench } from '../store/react.ts';
import { selectDataCentreCount, selectFileName, selectServerCount } from '../store/selectors.ts';
import { fmtInt } from './format.ts';

const JOB_TEXT = { idle: 'Engine idle', running: 'Engine running', done: 'Engine done', failed: 'Engine failed', cancelled: 'Engine cancelled' } as const;

export function StatusBar() {
  const fileName = useWorkbench(selectFileName);
  const dirty = useWorkbench((s) => s.dirty);
  const servers = useWorkbench(selectServerCount);
  const dcs = useWorkbench(selectDataCentreCount);
  const job = useWorkbench((s) => s.engineJob);
  return (
    <footer className="status-bar" data-testid="status-bar" role="status" aria-live="polite">
      <span className="status-file">{fileName}</span>
      {dirty && <span className="status-dirty">unsaved</span>}
      <span className="status-sep" aria-hidden="true" />
      <span>{fmtInt(servers)} servers</span>
      <span>{fmtInt(dcs)} data centres</span>
      <span className="status-spacer" />
      <span className={`status-job job-${job.status}`} data-testid="engine-status" data-status={job.status}>
        {JOB_TEXT[job.status]}
        {job.status === 'running' && ` ${Math.round(job.progress * 100)}%${job.phase ? ` (${job.phase})` : ''}`}
      </span>
    </footer>
  );
}
