import type { Estate, Scenario } from '../../core/model/schema.ts';
import { reportWarnings } from '../../core/report/warnings.ts';
import { useWorkbench } from '../store/react.ts';
import { closeReport, reportStore, type ReportStore } from './report-state.ts';

/**
 * Above the report preview: placeholders that would reach the client (an "Untitled" project or client, a
 * host model "(edit me)", a licence in force at 0), each with a button that closes the preview and opens the
 * editor where it is fixed. Not printed.
 */
export function ReportWarnings({ estate, scenario, store = reportStore }: { estate: Estate; scenario: Scenario; store?: ReportStore }) {
  const focusEstate = useWorkbench((s) => s.focusEstate);
  const warnings = reportWarnings(estate, scenario);
  if (warnings.length === 0) return null;
  return (
    <div className="report-warnings" role="alert" data-testid="report-warnings">
      <strong>Before sending this report:</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w.message}>
            {w.message}{' '}
            <button
              type="button"
              onClick={() => {
                closeReport(store);
                focusEstate(w.fix.tab, w.fix.id);
              }}
            >
              {w.fix.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
