// `npm run bench -- heatmap [rows] [cols] [width] [height] [reps]`: renderHeatmap of a hosts x hours grid
// (default 5,000 x 168 into 1200 x 800 pixels), many repetitions; prints median and p95 ms per redraw.
import { performance } from 'node:perf_hooks';
import { renderHeatmap } from '../renderer/views/heatmap/render.ts';

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export async function run(args: string[]): Promise<void> {
  const [rows = 5000, cols = 168, width = 1200, height = 800, reps = 200] = args.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  // Deterministic data: a daily wave per row, 2% gaps, a few rows over capacity.
  const values = new Float32Array(rows * cols);
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let r = 0; r < rows; r++) {
    const base = 0.2 + 0.6 * rnd();
    for (let c = 0; c < cols; c++) {
      const v = base * (0.6 + 0.4 * Math.sin(((c % 24) / 24) * 2 * Math.PI)) + 0.1 * rnd();
      values[r * cols + c] = rnd() < 0.02 ? Number.NaN : r % 97 === 0 ? v + 0.6 : v;
    }
  }
  const rowOrder = Int32Array.from({ length: rows }, (_, i) => (i * 7919) % rows);
  const input = { rows, cols, values, scale: { max: 1 }, width, height, rowOrder };
  for (let i = 0; i < 10; i++) renderHeatmap(input); // warm-up
  const times: number[] = [];
  let check = 0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const img = renderHeatmap(input);
    times.push(performance.now() - t0);
    check += img.data[(i % height) * width * 4];
  }
  times.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  const p95 = quantile(times, 0.95);
  console.log(`renderHeatmap ${rows} x ${cols} -> ${width} x ${height} px, ${reps} reps: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times.at(-1)?.toFixed(2)} ms (target <= 50 ms) [checksum ${check}]`);
  // Upscaling case (few rows, each cell a block of pixels), e.g. a sites x hours view.
  const small = { rows: 17, cols, values: values.subarray(0, 17 * cols), scale: { max: 1 }, width, height };
  const t2: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    renderHeatmap(small);
    t2.push(performance.now() - t0);
  }
  t2.sort((a, b) => a - b);
  console.log(`renderHeatmap 17 x ${cols} -> ${width} x ${height} px: median ${quantile(t2, 0.5).toFixed(2)} ms, p95 ${quantile(t2, 0.95).toFixed(2)} ms`);
}
