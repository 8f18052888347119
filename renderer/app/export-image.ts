/**
 * "Export view image…": the topology map as a standalone SVG (the live SVG cloned with its computed styles
 * inlined, so it renders without the app's stylesheet) or a PNG rasterised from it, and the heatmap as a PNG
 * (the view's raster, encoded by core/util/png.ts). Written with the host's exportWrite; browser mode asks
 * for the path with the in-app file browser first (as export-plan.ts does), and there the extension typed
 * picks the format when the view offers both.
 */
import type { AppInfo, FileRef, HostApi } from '../../electron/contract.ts';
import { encodePng, scaleRgba } from '../../core/util/png.ts';
import { encodeUtf8 } from '../../core/util/utf8.ts';
import { renderHeatmap, type HeatmapInput } from '../views/heatmap/render.ts';
import { ask, type DialogStore } from './dialogs.ts';

export type ImageFormat = 'svg' | 'png';

export type ExportImageDeps = { host: HostApi; dialogs: DialogStore; appInfo: () => AppInfo | null };

/** What an export writes: a base file name, the formats on offer (first = default), and the bytes per format. */
export type ImageTarget = {
  baseName: string;
  formats: readonly ImageFormat[];
  build: (format: ImageFormat) => Promise<Uint8Array<ArrayBuffer>>;
};

/** Presentation properties copied from the computed style onto each exported element. */
export const SVG_STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'paint-order',
  'visibility',
] as const;

type StyleOf = (el: Element) => Pick<CSSStyleDeclaration, 'getPropertyValue'> | null;

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The SVG as standalone markup: computed styles inlined element by element, interaction-only parts (hit
 * areas) dropped, xmlns, a pixel size from the viewBox and a background rectangle added.
 */
export function serializeSvg(svg: SVGSVGElement, options: { styleOf?: StyleOf; background?: string } = {}): string {
  const styleOf: StyleOf = options.styleOf ?? ((el) => (typeof getComputedStyle === 'function' ? getComputedStyle(el) : null));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((el, i) => {
    const copy = copies[i];
    const style = styleOf(el);
    if (!style || !copy) return;
    const decls: string[] = [];
    for (const p of SVG_STYLE_PROPS) {
      const v = style.getPropertyValue(p).trim();
      if (v) decls.push(`${p}: ${v}`);
    }
    if (decls.length > 0) copy.setAttribute('style', decls.join('; '));
  });
  for (const hit of Array.from(clone.querySelectorAll('.link-hit'))) hit.remove();
  clone.removeAttribute('class');
  clone.setAttribute('xmlns', SVG_NS);
  const vb = (clone.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite)) {
    clone.setAttribute('width', String(vb[2]));
    clone.setAttribute('height', String(vb[3]));
    const bg = clone.ownerDocument.createElementNS(SVG_NS, 'rect');
    bg.setAttribute('x', String(vb[0]));
    bg.setAttribute('y', String(vb[1]));
    bg.setAttribute('width', String(vb[2]));
    bg.setAttribute('height', String(vb[3]));
    bg.setAttribute('fill', options.background ?? '#ffffff');
    clone.insertBefore(bg, clone.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** PNG bytes of a standalone SVG, rasterised by the browser at `scale` x its pixel size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const img = new Image();
  img.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the SVG could not be rasterised'));
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas to rasterise the SVG');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The topology view's live SVG as an export target (SVG, or PNG through the browser's rasteriser). */
export function topologyTarget(svg: SVGSVGElement, baseName: string, formats: readonly ImageFormat[] = ['svg', 'png']): ImageTarget {
  return {
    baseName,
    formats,
    build: async (format) => {
      const text = serializeSvg(svg);
      if (format === 'svg') return encodeUtf8(text);
      const vb = svg.viewBox?.baseVal;
      return svgToPng(text, vb?.width || 960, vb?.height || 600);
    },
  };
}

/** PNG bytes of the heatmap as the view draws it (no-data cells white), each pixel `scale` x `scale`. */
export function heatmapPngBytes(input: HeatmapInput, scale = 2): Uint8Array<ArrayBuffer> {
  const img = renderHeatmap(input);
  const data = img.data;
  for (let i = 3; i < data.length; i += 4) if (data[i] === 0) data.set([255, 255, 255, 255], i - 3);
  const big = scaleRgba(img.width, img.height, data, scale, scale);
  return encodePng(big.width, big.height, big.data);
}

export function heatmapTarget(input: HeatmapInput, baseName: string): ImageTarget {
  return { baseName, formats: ['png'], build: async () => heatmapPngBytes(input) };
}

/** The format a chosen path asks for: its extension when on offer, else the default. */
export function formatOfPath(path: string | null, formats: readonly ImageFormat[]): ImageFormat {
  const ext = path?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  return formats.find((f) => f === ext) ?? formats[0] ?? 'png';
}

/** Export a view image; the written file, or null when cancelled or failed (the failure is shown). */
export async function exportImage(deps: ExportImageDeps, target: ImageTarget, format: ImageFormat = target.formats[0] ?? 'png'): Promise<FileRef | null> {
  const title = 'Could not export the image';
  let suggestedName = `${target.baseName}.${format}`;
  let path: string | null = null;
  if (deps.appInfo()?.host === 'browser') {
    const offered = target.formats.includes(format) ? [format, ...target.formats.filter((f) => f !== format)] : [...target.formats];
    path = await ask(deps.dialogs, 'fileBrowser', { mode: 'save', suggestedName, accept: offered.map((f) => `.${f}`) });
    if (path === null) return null;
    format = formatOfPath(path, target.formats.includes(format) ? [format, ...target.formats.filter((f) => f !== format)] : target.formats);
    if (!path.toLowerCase().endsWith(`.${format}`)) path = `${path}.${format}`;
    suggestedName = `${target.baseName}.${format}`;
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await target.build(format);
  } catch (e) {
    await ask(deps.dialogs, 'error', { title, message: `The image could not be made: ${e instanceof Error ? e.message : String(e)}` });
    return null;
  }
  // A path from the file browser: it asked before replacing an existing file.
  const r = await deps.host.exportWrite({ suggestedName, bytes, path, replace: path !== null });
  if (r.ok) return r.value;
  if (r.error.code !== 'cancelled') await ask(deps.dialogs, 'error', { title, message: r.error.message });
  return null;
}

/** A file name's base (no extension) from free text: characters files cannot hold become spaces. */
export function imageBaseName(text: string): string {
  const base = [...text]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return base || 'view';
}

/**
 * The action: export the map of the pane on screen (Results or Scenario) as SVG, or PNG when the chosen
 * path ends in .png. Without a map on screen it says where to find one.
 */
export async function exportCurrentView(deps: ExportImageDeps & { activePane: string; projectName: string; root?: ParentNode }): Promise<FileRef | null> {
  const root = deps.root ?? document;
  const pane = root.querySelector(`#pane-${deps.activePane}`) ?? root;
  const svg = pane.querySelector<SVGSVGElement>('[data-testid="topology"] svg');
  if (!svg) {
    await ask(deps.dialogs, 'message', {
      title: 'Export view image',
      message: 'There is no map on screen. Open the Results pane (after a run) or the Scenario pane to export the WAN map; the heatmap has its own PNG button.',
    });
    return null;
  }
  const mode = svg.closest('[data-mode]')?.getAttribute('data-mode');
  return exportImage(deps, topologyTarget(svg, imageBaseName(`${deps.projectName} - WAN map${mode ? ` ${mode}` : ''}`)));
}
