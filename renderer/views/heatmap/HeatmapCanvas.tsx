import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { cellAt, renderHeatmap, type HeatmapInput } from './render.ts';

export type Cell = { displayRow: number; row: number; col: number };

export type HeatmapCanvasProps = {
  input: HeatmapInput;
  label: string;
  onCellClick?(cell: Cell): void;
  onCellHover?(cell: Cell | null, at: { x: number; y: number }): void;
};

/** Mouse position in the canvas's own pixels (the canvas may be scaled by CSS). */
function pixelOf(e: MouseEvent<HTMLCanvasElement>, input: HeatmapInput): { x: number; y: number } {
  const box = e.currentTarget.getBoundingClientRect();
  const sx = box.width > 0 ? input.width / box.width : 1;
  const sy = box.height > 0 ? input.height / box.height : 1;
  return { x: (e.clientX - box.left) * sx, y: (e.clientY - box.top) * sy };
}

function HeatmapCanvasImpl({ input, label, onCellClick, onCellHover }: HeatmapCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The raster is a pure function of the input; putting it on the canvas is the only side effect.
  const image = useMemo(() => renderHeatmap(input), [input]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d') ?? null;
    if (!ctx || typeof ImageData === 'undefined') return; // no canvas (tests, headless): nothing to draw
    ctx.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [image]);
  return (
    <canvas
      ref={ref}
      className="heatmap-canvas"
      width={image.width}
      height={image.height}
      role="img"
      aria-label={label}
      data-rows={input.rows}
      data-cols={input.cols}
      onClick={onCellClick && ((e) => {
        const cell = cellAt(pixelOf(e, input).x, pixelOf(e, input).y, input);
        if (cell) onCellClick(cell);
      })}
      onMouseMove={onCellHover && ((e) => {
        const p = pixelOf(e, input);
        onCellHover(cellAt(p.x, p.y, input), p);
      })}
      onMouseLeave={onCellHover && (() => onCellHover(null, { x: 0, y: 0 }))}
    />
  );
}

const sameInput = (a: HeatmapInput, b: HeatmapInput): boolean =>
  a === b ||
  (a.rows === b.rows &&
    a.cols === b.cols &&
    a.values === b.values &&
    a.width === b.width &&
    a.height === b.height &&
    a.rowOrder === b.rowOrder &&
    a.scale.max === b.scale.max &&
    a.scale.over === b.scale.over &&
    a.scale.thresholds === b.scale.thresholds);

/** The heatmap canvas: redraws only when the data, the order, the scale, the size or the handlers change. */
export const HeatmapCanvas = memo(HeatmapCanvasImpl, (a, b) => sameInput(a.input, b.input) && a.label === b.label && a.onCellClick === b.onCellClick && a.onCellHover === b.onCellHover);
