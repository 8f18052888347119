/**
 * `npm run bench -- hostile [--quick]`: the standing hostile-input suite as figures. Per attack class, the
 * cases tried and their outcomes (clean error / correct / wrong behaviour / crash / hang / data loss / escape):
 * - 40+ hostile .cwb files, each opened in its own process (bundled with esbuild) with its time and its peak
 *   memory above the process's baseline (targets: a named error within 10 s and under 512 MB);
 * - hostile .xlsx / .csv imports (tests/hostile/import-corpus.ts);
 * - browser mode's host: auth, Host/Origin, paths of every path call, exports over existing files, read-only
 *   and no-backup saves, 200 concurrent requests (tests/hostile/browser-attacks.ts).
 * SIGKILLs during save and export (50 each) and the full disk are tests: `npx vitest run --project slow`.
 * `--quick` leaves out the slow bombs and imports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { cwbCorpus } from '../tests/hostile/cwb-corpus.ts';
import { runBrowserAttacks } from '../tests/hostile/browser-attacks.ts';
import { runImportCorpus } from '../tests/hostile/import-corpus.ts';
import { outcomeTable, type CaseResult, type Outcome } from '../tests/hostile/outcomes.ts';

const TIME_LIMIT_MS = 10_000;
const MEMORY_LIMIT_MB = 512;

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const dir = mkdtempSync(path.join(tmpdir(), 'cwb-bench-hostile-'));
  const results: CaseResult[] = [];
  try {
    const child = path.join(dir, 'decode-child.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, 'lib', 'decode-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
    console.log('hostile .cwb files (each opened in its own process; figures noisy on a shared machine):');
    let worstMs = 0;
    let worstMb = 0;
    for (const c of cwbCorpus().filter((k) => !quick || !k.slow)) {
      const file = path.join(dir, 'case.cwb');
      writeFileSync(file, c.build());
      const started = Date.now();
      const p = spawnSync(process.execPath, ['--max-old-space-size=4096', child, file], { encoding: 'utf8', timeout: 60_000 });
      const wall = Date.now() - started;
      let outcome: Outcome;
      let detail: string;
      if (p.error || p.signal) {
        outcome = p.signal === 'SIGTERM' ? 'hang' : 'crash';
        detail = `${p.signal ?? p.error?.message} after ${wall} ms`;
      } else if (p.status !== 0) {
        outcome = 'crash';
        detail = `exit ${p.status}: ${p.stderr.slice(-200)}`;
      } else {
        const r = JSON.parse(p.stdout) as { code: string; message: string; ms: number; aboveBaselineMB: number };
        worstMs = Math.max(worstMs, r.ms);
        worstMb = Math.max(worstMb, r.aboveBaselineMB);
        const expected = (c.expect as readonly string[]).includes(r.code);
        outcome = r.ms > TIME_LIMIT_MS ? 'hang' : r.aboveBaselineMB > MEMORY_LIMIT_MB ? 'crash' : !expected ? 'wrong behaviour' : r.code === 'opens' ? 'correct' : 'clean error';
        detail = `${r.code} in ${r.ms.toFixed(0)} ms, +${r.aboveBaselineMB.toFixed(0)} MB`;
      }
      results.push({ attack: `cwb ${c.attack}`, name: c.name, outcome, detail });
      console.log(`  ${outcome.padEnd(15)} ${c.name}: ${detail}`);
    }
    console.log(`  worst open: ${worstMs.toFixed(0)} ms (target < ${TIME_LIMIT_MS}), ${worstMb.toFixed(0)} MB above baseline (target < ${MEMORY_LIMIT_MB})`);

    console.log('\nhostile imports:');
    for (const r of await runImportCorpus({ slow: !quick })) {
      results.push(r);
      console.log(`  ${r.outcome.padEnd(15)} ${r.attack}: ${r.name}: ${r.detail}`);
    }
    console.log('\nbrowser host attacks: running…');
    results.push(...(await runBrowserAttacks()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${outcomeTable(results)}`);
  const bad = results.filter((r) => r.outcome !== 'clean error' && r.outcome !== 'correct');
  for (const r of bad) console.log(`  ${r.outcome}: ${r.attack}: ${r.name}: ${r.detail}`);
}
