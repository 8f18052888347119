/**
 * The heatmap raster, drawn without a DOM: values (rows x cols, row-major, NaN = no data) become RGBA pixels
 * in a Uint8ClampedArray through a precomputed 256-entry colour ramp. Values at or above capacity get their own
 * colour. When there are more rows (or columns) than pixels, each pixel shows the maximum of the cells it
 * covers, so one overloaded host among 5,000 is never averaged away. A thin component puts the result on a
 * canvas with putImageData.
 */
import { color, interpolateViridis } from 'd3';

export type HeatmapScale = {
  /** Value at the top of the ramp (e.g. 1 for 100% of capacity). */
  max: number;
  /** Optional band edges (ascending): the ramp becomes steps, one colour per band. */
  thresholds?: number[];
  /** Values at or above this are over capacity (default 1 = 100%). */
  over?: number;
};

export type HeatmapInput = {
  rows: number;
  cols: number;
  values: Float32Array;
  scale: HeatmapScale;
  width: number;
  height: number;
  /** Display order: rowOrder[i] is the data row drawn i-th from the top. */
  rowOrder?: Int32Array;
};

export type HeatmapImage = { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer> };

export type Rgba = readonly [number, number, number, number];
/** No data: fully transparent, the canvas background (a theme colour) shows through. */
export const NO_DATA_RGBA: Rgba = [0, 0, 0, 0];
/** Over capacity: a magenta-red that is not on the viridis ramp. */
export const OVER_RGBA: Rgba = [230, 30, 110, 255];

function buildLut(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const c = color(interpolateViridis(i / 255))?.rgb();
    lut[i * 4] = c?.r ?? 0;
    lut[i * 4 + 1] = c?.g ?? 0;
    lut[i * 4 + 2] = c?.b ?? 0;
    lut[i * 4 + 3] = 255;
  }
  return lut;
}

/** The ramp, 256 RGBA entries: index 0 is value 0, index 255 is scale.max. */
export const RAMP_LUT: Uint8ClampedArray = buildLut();

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(0x01020304).buffer)[0] === 0x04;
const pack = (r: number, g: number, b: number, a: number): number =>
  LITTLE_ENDIAN ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
const LUT32 = Uint32Array.from({ length: 256 }, (_, i) => pack(RAMP_LUT[i * 4], RAMP_LUT[i * 4 + 1], RAMP_LUT[i * 4 + 2], 255));
const NO_DATA32 = pack(...NO_DATA_RGBA);
const OVER32 = pack(...OVER_RGBA);

/** LUT index of a value (not NaN, below the over mark). */
export function rampIndex(v: number, scale: HeatmapScale): number {
  const max = scale.max > 0 ? scale.max : 1;
  const t = scale.thresholds;
  if (t && t.length > 0) {
    let band = 0;
    while (band < t.length && v >= t[band]) band++;
    return Math.round((band / t.length) * 255);
  }
  if (!(v > 0)) return 0;
  return Math.min(255, Math.floor(v * (256 / max)));
}

/** The RGBA colour of one value, as renderHeatmap draws it (for legends and tests). */
export function colourOf(v: number, scale: HeatmapScale): Rgba {
  if (Number.isNaN(v)) return NO_DATA_RGBA;
  if (v >= (scale.over ?? 1)) return OVER_RGBA;
  const i = rampIndex(v, scale) * 4;
  return [RAMP_LUT[i], RAMP_LUT[i + 1], RAMP_LUT[i + 2], RAMP_LUT[i + 3]];
}

/** Draws the heatmap into a fresh RGBA buffer of width x height pixels. Pure. */
export function renderHeatmap(input: HeatmapInput): HeatmapImage {
  const { rows, cols, values, scale, rowOrder } = input;
  const width = Math.max(0, Math.floor(input.width));
  const height = Math.max(0, Math.floor(input.height));
  const data = new Uint8ClampedArray(width * height * 4);
  if (rows <= 0 || cols <= 0 || width === 0 || height === 0) return { width, height, data };
  const px = new Uint32Array(data.buffer);
  const over = scale.over ?? 1;
  const stepped = scale.thresholds !== undefined && scale.thresholds.length > 0;
  const toIndex = 256 / (scale.max > 0 ? scale.max : 1);
  const zero = LUT32[rampIndex(0, scale)];
  const colour = (v: number): number => {
    if (v !== v) return NO_DATA32;
    if (v >= over) return OVER32;
    if (stepped) return LUT32[rampIndex(v, scale)];
    if (!(v > 0)) return zero;
    const i = Math.floor(v * toIndex);
    return LUT32[i > 255 ? 255 : i];
  };

  // Columns: pixel x shows data columns [c0[x], c1[x]) (maximum), usually one when cols <= width.
  const c0 = new Int32Array(width);
  const c1 = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const a = Math.min(cols - 1, Math.floor((x * cols) / width));
    c0[x] = a;
    c1[x] = Math.max(a + 1, Math.min(cols, Math.floor(((x + 1) * cols) / width)));
  }
  const colMax = new Float32Array(cols);
  const colColour = new Uint32Array(cols);
  let prevR0 = -1;
  let prevR1 = -1;
  for (let y = 0; y < height; y++) {
    const r0 = Math.min(rows - 1, Math.floor((y * rows) / height));
    const r1 = Math.max(r0 + 1, Math.min(rows, Math.floor(((y + 1) * rows) / height)));
    const rowStart = y * width;
    if (r0 === prevR0 && r1 === prevR1) {
      px.copyWithin(rowStart, rowStart - width, rowStart);
      continue;
    }
    prevR0 = r0;
    prevR1 = r1;
    // Maximum over the data rows of this pixel row; NaN only when every one is NaN.
    colMax.fill(Number.NaN);
    for (let r = r0; r < r1; r++) {
      const src = (rowOrder ? rowOrder[r] : r) * cols;
      for (let c = 0; c < cols; c++) {
        const v = values[src + c];
        const m = colMax[c];
        if (v > m || (m !== m && v === v)) colMax[c] = v;
      }
    }
    if (cols <= width) {
      for (let c = 0; c < cols; c++) colColour[c] = colour(colMax[c]);
      for (let x = 0; x < width; x++) px[rowStart + x] = colColour[c0[x]];
    } else {
      for (let x = 0; x < width; x++) {
        let m = Number.NaN;
        for (let c = c0[x]; c < c1[x]; c++) {
          const v = colMax[c];
          if (v > m || (m !== m && v === v)) m = v;
        }
        px[rowStart + x] = colour(m);
      }
    }
  }
  return { width, height, data };
}

/** Which data cell a pixel shows (row in display order), for hit testing; null outside. */
export function cellAt(x: number, y: number, input: Pick<HeatmapInput, 'rows' | 'cols' | 'width' | 'height' | 'rowOrder'>): { displayRow: number; row: number; col: number } | null {
  if (x < 0 || y < 0 || x >= input.width || y >= input.height || input.rows <= 0 || input.cols <= 0) return null;
  const displayRow = Math.min(input.rows - 1, Math.floor((y * input.rows) / input.height));
  const col = Math.min(input.cols - 1, Math.floor((x * input.cols) / input.width));
  return { displayRow, row: input.rowOrder ? input.rowOrder[displayRow] : displayRow, col };
}
