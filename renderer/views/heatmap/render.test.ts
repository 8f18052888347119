import { describe, expect, it } from 'vitest';
import { cellAt, colourOf, NO_DATA_RGBA, OVER_RGBA, RAMP_LUT, rampIndex, renderHeatmap } from './render.ts';
import { hostMatrix, linkMatrix, rowOrder, siteMatrix } from './matrices.ts';
import { hostStack, rawCapacity } from './stack.ts';
import { tinyEstate, tinyPlan } from '../fixtures.ts';

const px = (img: { width: number; data: Uint8ClampedArray }, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));
const lut = (i: number) => Array.from(RAMP_LUT.subarray(i * 4, i * 4 + 4));
const scale = { max: 1 };

describe('renderHeatmap', () => {
  it('writes the ramp, the over-capacity colour and transparent no-data', () => {
    // 2 rows x 4 cols, drawn 1:1.
    const values = Float32Array.of(0, 0.5, 0.999, 1, Number.NaN, 2, 0.25, -1);
    const img = renderHeatmap({ rows: 2, cols: 4, values, scale, width: 4, height: 2 });
    expect(img.width).toBe(4);
    expect(img.data).toHaveLength(4 * 2 * 4);
    expect(px(img, 0, 0)).toEqual(lut(0));
    expect(px(img, 1, 0)).toEqual(lut(128));
    expect(px(img, 2, 0)).toEqual(lut(255));
    expect(px(img, 3, 0)).toEqual([...OVER_RGBA]);
    expect(px(img, 0, 1)).toEqual([...NO_DATA_RGBA]);
    expect(px(img, 1, 1)).toEqual([...OVER_RGBA]);
    expect(px(img, 2, 1)).toEqual(lut(64));
    expect(px(img, 3, 1)).toEqual(lut(0));
    // The LUT runs dark to light (viridis) and differs from the over colour.
    expect(lut(0).slice(0, 3)).toEqual([68, 1, 84]);
    expect(lut(255).slice(0, 3)).not.toEqual(OVER_RGBA.slice(0, 3));
    // colourOf (legends) agrees with the raster
    expect(px(img, 1, 0)).toEqual([...colourOf(0.5, scale)]);
    expect(px(img, 2, 1)).toEqual([...colourOf(0.25, scale)]);
    expect(colourOf(Number.NaN, scale)).toEqual(NO_DATA_RGBA);
    expect(colourOf(1, scale)).toEqual(OVER_RGBA);
  });

  it('scales cells up to blocks of pixels', () => {
    const img = renderHeatmap({ rows: 2, cols: 2, values: Float32Array.of(0, 1, Number.NaN, 0.5), scale, width: 10, height: 6 });
    expect(px(img, 0, 0)).toEqual(lut(0));
    expect(px(img, 4, 2)).toEqual(lut(0));
    expect(px(img, 5, 0)).toEqual([...OVER_RGBA]);
    expect(px(img, 9, 2)).toEqual([...OVER_RGBA]);
    expect(px(img, 0, 3)).toEqual([...NO_DATA_RGBA]);
    expect(px(img, 9, 5)).toEqual(lut(128));
  });

  it('keeps the maximum when many rows share a pixel (an overload is never averaged away)', () => {
    const rows = 1000;
    const values = new Float32Array(rows * 2).fill(0.1);
    values[777 * 2 + 1] = 1.5;
    values.fill(Number.NaN, 0, 20); // rows 0-9 no data: pixel row 0 covers rows 0-9 -> no data
    const img = renderHeatmap({ rows, cols: 2, values, scale, width: 2, height: 100 });
    expect(px(img, 1, 77)).toEqual([...OVER_RGBA]);
    expect(px(img, 0, 77)).toEqual(lut(25));
    expect(px(img, 0, 0)).toEqual([...NO_DATA_RGBA]);
    // more columns than pixels: maximum over the columns too
    const wide = renderHeatmap({ rows: 1, cols: 168, values: Float32Array.from({ length: 168 }, (_, i) => (i === 100 ? 1.2 : 0.2)), scale, width: 12, height: 1 });
    expect(px(wide, Math.floor((100 * 12) / 168), 0)).toEqual([...OVER_RGBA]);
    expect(px(wide, 0, 0)).toEqual(lut(51));
  });

  it('draws rows in the given order and maps pixels back to cells', () => {
    const values = Float32Array.of(0.1, 0.9, Number.NaN);
    const order = Int32Array.of(2, 0, 1);
    const img = renderHeatmap({ rows: 3, cols: 1, values, scale, width: 1, height: 3, rowOrder: order });
    expect(px(img, 0, 0)).toEqual([...NO_DATA_RGBA]);
    expect(px(img, 0, 1)).toEqual(lut(25));
    expect(px(img, 0, 2)).toEqual(lut(230));
    expect(cellAt(0, 2.5, { rows: 3, cols: 1, width: 1, height: 3, rowOrder: order })).toEqual({ displayRow: 2, row: 1, col: 0 });
    expect(cellAt(5, 0, { rows: 3, cols: 1, width: 1, height: 3 })).toBeNull();
  });

  it('steps the ramp with thresholds and handles empty input', () => {
    const t = { max: 1, thresholds: [0.5, 0.8] };
    expect(rampIndex(0.1, t)).toBe(0);
    expect(rampIndex(0.6, t)).toBe(128);
    expect(rampIndex(0.9, t)).toBe(255);
    expect(renderHeatmap({ rows: 0, cols: 168, values: new Float32Array(0), scale, width: 10, height: 10 }).data.every((b) => b === 0)).toBe(true);
  });
});

describe('heatmap matrices', () => {
  const plan = tinyPlan();
  it('divides host load by usable capacity, sums sites, divides links by bandwidth', () => {
    const m = hostMatrix(plan, 'cpu');
    expect(m.rows.map((r) => r.id)).toEqual(['dc-chi-h001', 'dc-chi-h002', 'dc-chi-h003']);
    expect(m.rows[2].label).toBe('dc-chi-h003 (spare)');
    expect(m.values[1]).toBeCloseTo(300 / 256);
    const mem = hostMatrix(plan, 'memory');
    expect(mem.values[0]).toBeCloseTo(200 / 460);
    const s = siteMatrix(plan, 'cpu');
    expect(s.rows).toHaveLength(1);
    expect(s.values[1]).toBeCloseTo((300 + 50 + 0) / (3 * 256));
    const l = linkMatrix(plan.links, 'after');
    expect(l.cols).toBe(168);
    expect(l.values[62]).toBeCloseTo(1.4);
    expect(l.values[168]).toBeCloseTo(0.6);
  });
  it('orders rows by peak, site and name', () => {
    const m = hostMatrix(plan, 'cpu');
    expect(Array.from(rowOrder(m, 'peak'))).toEqual([0, 1, 2]);
    const l = linkMatrix(plan.links, 'before');
    expect(Array.from(rowOrder(l, 'peak'))).toEqual([1, 0, 2]); // 60%, 35%, 25%
    expect(Array.from(rowOrder({ ...l, rows: l.rows.map((r, i) => ({ ...r, label: ['c', 'a', 'b'][i] })) }, 'name'))).toEqual([1, 2, 0]);
  });
  it('stacks per-server series against capacity', () => {
    const host = plan.hosts[0];
    const g = hostStack({ host, dim: 'cpu', hours: 168, width: 400, height: 100, serverSeries: (id) => (id === 's1' ? new Float32Array(168).fill(80) : null), model: tinyEstate().hostModels[0] });
    expect(g.layers.map((l) => l.key)).toEqual(['s1']);
    expect(g.missing).toEqual(['s2']);
    expect(g.rawY).not.toBeNull();
    expect(g.usableY).toBeGreaterThan(g.rawY ?? 0); // usable capacity below the raw capacity
    expect(rawCapacity(tinyEstate().hostModels[0], 'cpu')).toBe(320);
  });
});
