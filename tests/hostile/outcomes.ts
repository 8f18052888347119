/** Outcomes of hostile cases, shared by the hostile tests and `npm run bench -- hostile`. */
export const OUTCOMES = ['clean error', 'correct', 'wrong behaviour', 'crash', 'hang', 'data loss', 'escape'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type CaseResult = { attack: string; name: string; outcome: Outcome; detail: string };

/** Per attack class: cases tried and how many ended in each outcome, as text rows. */
export function outcomeTable(results: readonly CaseResult[]): string {
  const classes = [...new Set(results.map((r) => r.attack))];
  const head = ['attack class', 'cases', ...OUTCOMES];
  const rows = classes.map((a) => {
    const mine = results.filter((r) => r.attack === a);
    return [a, String(mine.length), ...OUTCOMES.map((o) => String(mine.filter((r) => r.outcome === o).length))];
  });
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
