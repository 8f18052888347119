import { formatRef, type RowRef } from './table.ts';

/** An import that cannot go on (no vInfo sheet, an unreadable file, a limit passed). The message names the place. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly at: RowRef | null;
  constructor(message: string, at: RowRef | null = null) {
    super(at ? `${formatRef(at)}: ${message}` : message);
    this.at = at;
  }
}
