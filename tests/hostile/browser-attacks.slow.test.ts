/** Browser mode's host under attack (tests/hostile/browser-attacks.ts): every case a clean error or correct. */
import { describe, expect, it } from 'vitest';
import { runBrowserAttacks } from './browser-attacks.ts';
import { outcomeTable } from './outcomes.ts';

describe('browser host attacks', () => {
  it('ends every case in a clean error or correct behaviour, nothing written outside the root', async () => {
    const results = await runBrowserAttacks();
    console.info(outcomeTable(results));
    expect(new Set(results.map((r) => r.attack))).toEqual(new Set(['auth', 'host/origin', 'paths', 'exports over existing files', 'read-only / no backup', '200 concurrent requests']));
    expect(results.filter((r) => r.outcome !== 'clean error' && r.outcome !== 'correct')).toEqual([]);
  }, 120_000);
});
