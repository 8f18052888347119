/**
 * Import time grows linearly with rows: every step (read, map with duplicate detection and renaming, merge
 * with validation, report text) on generated inventories of 10k, 40k and 160k rows. Ratios within one run,
 * not absolute times: per-row time at 160k must stay within 3x of that at 10k (a quadratic step gives 16x).
 * Slow (~30-60 s on a loaded machine); `npm run bench -- import` prints the absolute figures.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { writeInventoryCsv, type InventoryShape } from '../../bench/lib/import-inputs.ts';
import { formatReport } from '../../core/import/report.ts';
import { importFiles } from '../../electron/services/import/import-files.ts';
import { withTmp } from './helpers.ts';

async function perRowMs(dir: string, rows: number, shape: InventoryShape): Promise<{ ms: number; text: string; servers: number }> {
  const file = join(dir, `${shape}-${rows}.csv`);
  await writeInventoryCsv(file, rows, shape);
  let best = Infinity;
  let text = '';
  let servers = 0;
  // the smaller sizes twice (best of two): JIT warm-up and a GC pause weigh more on a short run
  for (let k = 0; k < (rows < 100_000 ? 2 : 1); k++) {
    const t0 = performance.now();
    const { project, report } = await importFiles([file], { kinds: { [file]: 'inventory' } });
    text = formatReport(report);
    best = Math.min(best, (performance.now() - t0) / rows);
    servers = project.estate.servers.length;
  }
  return { ms: best, text, servers };
}

describe('import scales linearly (slow)', () => {
  for (const shape of ['one-name', 'realistic'] as const) {
    it(`${shape}: per-row time at 160k rows <= 3x that at 10k`, { timeout: 300_000 }, async () => {
      await withTmp(async (dir) => {
        await perRowMs(dir, 2_000, shape); // warm up
        const small = await perRowMs(dir, 10_000, shape);
        const mid = await perRowMs(dir, 40_000, shape);
        const large = await perRowMs(dir, 160_000, shape);
        const ratio = large.ms / small.ms;
        console.log(`${shape}: per-row ms 10k ${small.ms.toFixed(4)}, 40k ${mid.ms.toFixed(4)}, 160k ${large.ms.toFixed(4)} (ratio ${ratio.toFixed(2)})`);
        expect(ratio).toBeLessThanOrEqual(3);
        if (shape === 'one-name') {
          // every row imported, the duplicates grouped into one issue that lists every row
          expect(large.servers).toBe(160_000);
          expect(large.text).toMatch(/duplicate server name "web": 159999 later rows are imported as srv-web-2, srv-web-3 \.\.\. srv-web-160000 \(159999 ids\) \(160000 rows\)/);
        }
      });
    });
  }
});
