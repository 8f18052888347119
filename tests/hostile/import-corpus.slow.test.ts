/**
 * Hostile import files end without a crash, a hang or an escape (tests/hostile/import-corpus.ts). Whether
 * each is refused cleanly or imported correctly is printed (and by `npm run bench -- hostile`); making every
 * case one of the two is the import's own work.
 */
import { describe, expect, it } from 'vitest';
import { runImportCorpus } from './import-corpus.ts';
import { outcomeTable } from './outcomes.ts';

describe('hostile import files', () => {
  it('never crash, hang or read outside what was chosen', async () => {
    const results = await runImportCorpus({ slow: process.env.CWB_HOSTILE_FULL === '1' });
    console.info(outcomeTable(results));
    for (const r of results) console.info(`${r.outcome.padEnd(15)} ${r.attack}: ${r.name}: ${r.detail}`);
    expect(results.length).toBeGreaterThanOrEqual(11);
    expect(results.filter((r) => r.outcome === 'crash' || r.outcome === 'hang' || r.outcome === 'escape')).toEqual([]);
  }, 300_000);
});
