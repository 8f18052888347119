// `npm run bench -- import [servers...]`: imports generated inputs through the browser-mode host (imports run
// in its worker threads) at 10k and 50k servers by default: an RVTools .xlsx, an inventory CSV (~2% duplicate
// names, ~1% rows without a name, bad numbers, gaps), the inventory plus a long-format series CSV (servers x 168 h,
// ~0.5% gaps, ~0.1% bad values) and 200,000 rows of one repeated name. Prints per import: time, rows per second,
// peak RSS of the process (host + workers), the longest wait for an appInfo answer polled every 50 ms during the
// import, and the outcome. Targets: 50k RVTools <= 30 s; 50k x 168 h series <= 60 s; 200k one-name <= 20 s;
// appInfo never waits > 1 s; peak RSS < 1.5 GB.
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeWire, encodeWire } from '../core/util/wire.ts';
import { apiRoute, type HostCallArgs, type HostCallName, type HostResult, type HostReturns } from '../electron/contract.ts';
import { startBrowserHost } from '../electron/browser-host/browser-host.ts';
import type { BrowserHostServer } from '../electron/browser-host/server.ts';
import { defaultProjectIo } from '../electron/services/project-io-default.ts';
import { writeInventoryCsv, writeRvtoolsXlsx, writeSeriesCsv } from './lib/import-inputs.ts';

async function call<K extends HostCallName>(host: BrowserHostServer, name: K, args: HostCallArgs<K>): Promise<HostResult<HostReturns[K]>> {
  const res = await fetch(`${host.origin}${apiRoute(name)}`, { method: 'POST', headers: { 'x-cwb-token': host.token }, body: Buffer.from(encodeWire(args)) });
  return decodeWire(new Uint8Array(await res.arrayBuffer())) as HostResult<HostReturns[K]>;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function measure(host: BrowserHostServer, label: string, paths: string[], kinds: HostCallArgs<'importRun'>['kinds'], rows: number): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  let done = false;
  const run = call(host, 'importRun', { paths, kinds, base: null }).finally(() => (done = true));
  let longest = 0;
  while (!done) {
    const a = performance.now();
    await call(host, 'appInfo', {});
    longest = Math.max(longest, performance.now() - a);
    await new Promise((r) => setTimeout(r, 50));
  }
  const result = await run;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const outcome = result.ok ? `${result.value.report.counts.serversImported} servers, ${result.value.report.counts.seriesSamples} samples, ${result.value.report.issues.length} issues` : `${result.error.code}: ${result.error.message.slice(0, 160)}`;
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(rows / seconds).toLocaleString('en-US').padStart(9)} rows/s  peak RSS ${mb(peak).padStart(7)}  longest appInfo wait ${longest.toFixed(0).padStart(4)} ms  ${outcome}`,
  );
}

export async function run(args: string[]): Promise<void> {
  const sizes = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const dir = await mkdtemp(join(tmpdir(), 'cwb-bench-import-'));
  const root = join(dir, 'files');
  await Promise.all([mkdir(root), mkdir(join(dir, 'web')), mkdir(join(dir, 'data'))]);
  await writeFile(join(dir, 'web', 'index.html'), '');
  const built = join(import.meta.dirname, '..', 'dist', 'electron', 'import-worker.mjs');
  const host = await startBrowserHost({
    staticDir: join(dir, 'web'),
    filesRoot: root,
    dataDir: join(dir, 'data'),
    samplePath: join(dir, 'sample.cwb'),
    io: defaultProjectIo(),
    imports: { workerPath: existsSync(built) ? built : undefined },
  });
  console.log(`worker: ${existsSync(built) ? built : 'bundled at first use'}; noisy: other work on this machine changes every figure`);
  try {
    for (const n of sizes.length > 0 ? sizes : [10_000, 50_000]) {
      const xlsx = join(root, `rvtools-${n}.xlsx`);
      const inv = join(root, `inventory-${n}.csv`);
      const series = join(root, `series-${n}.csv`);
      const g0 = performance.now();
      await writeRvtoolsXlsx(xlsx, n);
      await writeInventoryCsv(inv, n, 'realistic');
      await writeSeriesCsv(series, n, 168);
      console.log(`\n${n.toLocaleString('en-US')} servers: inputs generated in ${((performance.now() - g0) / 1000).toFixed(1)} s (xlsx ${mb((await stat(xlsx)).size)}, series CSV ${mb((await stat(series)).size)})`);
      await measure(host, `RVTools .xlsx (${n} VMs)`, [xlsx], { [xlsx]: 'rvtools' }, n);
      await measure(host, `inventory CSV (${n} rows)`, [inv], { [inv]: 'inventory' }, n);
      await measure(host, `inventory + series (${n} x 168 h)`, [inv, series], { [inv]: 'inventory', [series]: 'series' }, n + n * 168);
      await rm(series, { force: true });
    }
    const one = join(root, 'one-name-200k.csv');
    await writeInventoryCsv(one, 200_000, 'one-name');
    console.log('');
    await measure(host, 'one repeated name (200,000 rows)', [one], { [one]: 'inventory' }, 200_000);
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
}
