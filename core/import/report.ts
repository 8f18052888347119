/**
 * The data-quality report every import produces: counts, and issues that each name the rows they concern
 * (file, sheet, row, column). Nothing is dropped silently: a row that is not imported is listed with why.
 */
import { formatRef, type RowRef, type Table } from './table.ts';

export type IssueSeverity = 'error' | 'warning' | 'info';

export type IssueKind =
  | 'file' // the file or sheet could not be used at all
  | 'missing-field' // a required value is empty; a default was used or the row skipped
  | 'bad-value' // a value that is not what the column needs (non-numeric, out of range)
  | 'unit-guess' // a unit inferred from headers or magnitudes, and converted
  | 'duplicate' // duplicate server names or ids, duplicate samples
  | 'unmatched' // a row that refers to a server, host or site that is not in the import
  | 'skipped-row' // a row left out (template, blank name, ...)
  | 'blocker' // a VM that is hard or impossible to move
  | 'assumption'; // a placeholder or default the import had to choose

export type QualityIssue = {
  severity: IssueSeverity;
  kind: IssueKind;
  message: string;
  /** The rows concerned (all of them; formatReport shows the first few). */
  at: RowRef[];
};

/** Rows read from one table and what became of them: rowsRead = rowsUsed + rowsSkipped. */
export type TableCount = { file: string; sheet: string | null; rowsRead: number; rowsUsed: number; rowsSkipped: number };

export type ImportCounts = {
  serversImported: number;
  hosts: number;
  clusters: number;
  dataCentres: number;
  blockedServers: number;
  seriesServers: number;
  seriesSamples: number;
  flows: number;
  userSites: number;
  wanLinks: number;
};

export type QualityReport = {
  files: string[];
  counts: ImportCounts;
  tables: TableCount[];
  issues: QualityIssue[];
};

export function emptyCounts(): ImportCounts {
  return { serversImported: 0, hosts: 0, clusters: 0, dataCentres: 0, blockedServers: 0, seriesServers: 0, seriesSamples: 0, flows: 0, userSites: 0, wanLinks: 0 };
}

/** Collects issues and per-table row accounting while a mapper runs. */
export class ReportBuilder {
  readonly issues: QualityIssue[] = [];
  readonly tables: TableCount[] = [];
  readonly files = new Set<string>();
  private readonly grouped = new Map<string, QualityIssue>();

  add(severity: IssueSeverity, kind: IssueKind, message: string, at: RowRef[] = []): void {
    this.issues.push({ severity, kind, message, at });
  }

  /** Issues with the same message share one entry listing all their rows ("memory looks like MB", ...). */
  addGrouped(severity: IssueSeverity, kind: IssueKind, message: string, at: RowRef): void {
    const key = `${severity}|${kind}|${message}`;
    const existing = this.grouped.get(key);
    if (existing) existing.at.push(at);
    else {
      const issue: QualityIssue = { severity, kind, message, at: [at] };
      this.grouped.set(key, issue);
      this.issues.push(issue);
    }
  }

  table(table: Pick<Table, 'file' | 'sheet' | 'rows'>): TableCount {
    this.files.add(table.file);
    const t: TableCount = { file: table.file, sheet: table.sheet, rowsRead: table.rows.length, rowsUsed: 0, rowsSkipped: 0 };
    this.tables.push(t);
    return t;
  }

  build(counts: ImportCounts): QualityReport {
    return { files: [...this.files], counts, tables: this.tables, issues: this.issues };
  }
}

/** Several reports as one (an import of several files, or a merge on top of an import). */
export function combineReports(reports: readonly QualityReport[], counts?: ImportCounts): QualityReport {
  const sum = emptyCounts();
  for (const r of reports) for (const k of Object.keys(sum) as (keyof ImportCounts)[]) sum[k] += r.counts[k];
  return {
    files: [...new Set(reports.flatMap((r) => r.files))],
    counts: counts ?? sum,
    tables: reports.flatMap((r) => r.tables),
    issues: reports.flatMap((r) => r.issues),
  };
}

const SHOW_ROWS = 5;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Plain-text report; the first line is the number of servers imported. */
export function formatReport(report: QualityReport): string {
  const c = report.counts;
  const lines = [`${plural(c.serversImported, 'server')} imported from ${plural(report.files.length, 'file')}: ${report.files.join(', ')}`];
  const extra: string[] = [];
  if (c.blockedServers > 0) extra.push(`${c.blockedServers} not virtualisable`);
  if (c.hosts > 0) extra.push(plural(c.hosts, 'source host'));
  if (c.clusters > 0) extra.push(plural(c.clusters, 'cluster'));
  if (c.dataCentres > 0) extra.push(plural(c.dataCentres, 'data centre'));
  if (c.seriesServers > 0) extra.push(`series for ${plural(c.seriesServers, 'server')} (${c.seriesSamples} samples)`);
  if (c.flows > 0) extra.push(plural(c.flows, 'flow'));
  if (c.userSites > 0) extra.push(plural(c.userSites, 'user site'));
  if (c.wanLinks > 0) extra.push(plural(c.wanLinks, 'WAN link'));
  if (extra.length > 0) lines.push(extra.join(', '));
  lines.push('', 'Rows read:');
  for (const t of report.tables) {
    const where = t.sheet === null ? t.file : `${t.file} [${t.sheet}]`;
    lines.push(`  ${where}: ${t.rowsRead} read, ${t.rowsUsed} used, ${t.rowsSkipped} skipped`);
  }
  const bySeverity = (s: IssueSeverity) => report.issues.filter((i) => i.severity === s);
  for (const [sev, title] of [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Notes']] as const) {
    const list = bySeverity(sev);
    if (list.length === 0) continue;
    lines.push('', `${title} (${list.length}):`);
    for (const issue of list) {
      const n = issue.at.length;
      lines.push(`  - ${issue.message}${n > 1 ? ` (${n} rows)` : ''}`);
      for (const ref of issue.at.slice(0, SHOW_ROWS)) lines.push(`      at ${formatRef(ref)}`);
      if (n > SHOW_ROWS) lines.push(`      ... and ${n - SHOW_ROWS} more`);
    }
  }
  return lines.join('\n');
}
