import type { DataCentre } from '../../../core/model/schema.ts';

/** keep = green, close = red, candidate = amber. */
export function StatusChip({ status }: { status: DataCentre['status'] }) {
  return <span className={`chip status-${status}`}>{status}</span>;
}
