// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TopologyView } from '../views/topology/TopologyView.tsx';
import { HeatmapView } from '../views/heatmap/HeatmapView.tsx';
import { tinyEstate, tinyPlan } from '../views/fixtures.ts';
import type { HeatmapInput } from '../views/heatmap/render.ts';
import { createDialogStore, selectCurrentDialog } from './dialogs.ts';
import { fakeHost } from '../test/fake-host.ts';
import { exportCurrentView, exportImage, formatOfPath, heatmapPngBytes, heatmapTarget, serializeSvg, topologyTarget } from './export-image.ts';
import { decodeUtf8Strict } from '../../core/util/utf8.ts';

afterEach(cleanup);

const tick = () => new Promise((r) => setTimeout(r, 0));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function renderMap(onExportImage?: (svg: SVGSVGElement, f: 'svg' | 'png') => void) {
  render(<TopologyView estate={tinyEstate()} plan={tinyPlan()} keptIds={['dc-chi']} mode="after" hour={null} selectedDcId={null} onSelectDc={() => {}} onExportImage={onExportImage} />);
  return screen.getByTestId('topology').querySelector('svg') as SVGSVGElement;
}

describe('serializeSvg', () => {
  it('writes standalone SVG that parses back with every site mark, inline styles and no hit areas', () => {
    const svg = renderMap();
    const styleOf = (el: Element) => ({ getPropertyValue: (p: string) => (p === 'fill' && el.tagName.toLowerCase() === 'circle' ? 'rgb(46, 157, 87)' : p === 'stroke-width' ? '2px' : '') });
    const text = serializeSvg(svg, { styleOf });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['960', '600']);
    expect([...doc.querySelectorAll('[data-dc-id]')].map((e) => e.getAttribute('data-dc-id')).sort()).toEqual(['dc-chi', 'dc-dal', 'dc-phx']);
    expect(doc.querySelectorAll('[data-dc-id] circle').length).toBe(3);
    expect(doc.querySelector('[data-dc-id] circle')?.getAttribute('style')).toContain('fill: rgb(46, 157, 87)');
    expect(doc.querySelectorAll('.link-hit')).toHaveLength(0);
    expect(doc.querySelectorAll('.link-line')).toHaveLength(3);
    // a white background first, so the file does not depend on the viewer's
    expect(root.firstElementChild?.tagName.toLowerCase()).toBe('rect');
    expect(root.firstElementChild?.getAttribute('fill')).toBe('#ffffff');
    // the live map is untouched
    expect(svg.querySelectorAll('.link-hit')).toHaveLength(3);
  });

  it('the map offers SVG and PNG export with its live SVG element', () => {
    const calls: [SVGSVGElement, string][] = [];
    const svg = renderMap((s, f) => calls.push([s, f]));
    fireEvent.click(screen.getByTestId('topology-export-svg'));
    fireEvent.click(screen.getByTestId('topology-export-png'));
    expect(calls).toEqual([
      [svg, 'svg'],
      [svg, 'png'],
    ]);
  });
});

describe('heatmap PNG', () => {
  it('the heatmap hands its raster input to the PNG export, and the bytes are a PNG', () => {
    const inputs: HeatmapInput[] = [];
    render(<HeatmapView estate={tinyEstate()} plan={tinyPlan()} width={336} onExportImage={(i) => inputs.push(i)} />);
    fireEvent.click(screen.getByTestId('heatmap-export-png'));
    expect(inputs).toHaveLength(1);
    expect(inputs[0].rows).toBe(3);
    const bytes = heatmapPngBytes(inputs[0]);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG);
    // IHDR: twice the raster's size
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([inputs[0].width * 2, inputs[0].height * 2]);
  });
});

describe('exportImage', () => {
  it('browser mode: asks for the path offering both extensions, and the chosen extension picks the format', async () => {
    const host = fakeHost({ host: 'browser', initial: { file: null, bytes: new Uint8Array() } });
    const written: { suggestedName: string; path: string | null; bytes: Uint8Array }[] = [];
    const api = { ...host.api, exportWrite: async (a: { suggestedName: string; path: string | null; bytes: Uint8Array<ArrayBuffer> }) => (written.push(a), { ok: true as const, value: { path: a.path ?? '', name: 'x' } }) };
    const dialogs = createDialogStore();
    const built: string[] = [];
    const target = { baseName: 'Map', formats: ['svg', 'png'] as const, build: async (f: 'svg' | 'png') => (built.push(f), new TextEncoder().encode(`<${f}>`)) };
    const done = exportImage({ host: api, dialogs, appInfo: () => ({ name: 'x', version: '1', host: 'browser', filesRoot: '/f', platform: 'linux' }) }, target);
    for (let i = 0; i < 20 && !selectCurrentDialog(dialogs.getState()); i++) await tick();
    const d = selectCurrentDialog(dialogs.getState());
    expect(d?.kind).toBe('fileBrowser');
    expect(d?.props).toEqual({ mode: 'save', suggestedName: 'Map.svg', accept: ['.svg', '.png'] });
    (d!.resolve as (p: string) => void)('/f/out/map.png');
    await done;
    expect(built).toEqual(['png']);
    expect(written[0]).toMatchObject({ suggestedName: 'Map.png', path: '/f/out/map.png' });
  });

  it('Electron: no in-app dialog, the host asks; the SVG bytes are the serialised map', async () => {
    const host = fakeHost({ host: 'electron', initial: { file: null, bytes: new Uint8Array() } });
    const svg = renderMap();
    await exportImage({ host: host.api, dialogs: createDialogStore(), appInfo: () => null }, topologyTarget(svg, 'Map'));
    const call = host.callsOf('exportWrite')[0].args as { suggestedName: string; path: null; bytes: Uint8Array };
    expect(call.suggestedName).toBe('Map.svg');
    expect(call.path).toBeNull();
    expect(decodeUtf8Strict(call.bytes)).toContain('data-dc-id="dc-chi"');
  });

  it('the action finds the map of the pane on screen, or says where to find one', async () => {
    const host = fakeHost({ host: 'electron', initial: { file: null, bytes: new Uint8Array() } });
    const dialogs = createDialogStore();
    const pane = document.createElement('main');
    pane.id = 'pane-estate';
    document.body.append(pane);
    const none = exportCurrentView({ host: host.api, dialogs, appInfo: () => null, activePane: 'estate', projectName: 'P' });
    for (let i = 0; i < 20 && !selectCurrentDialog(dialogs.getState()); i++) await tick();
    expect(selectCurrentDialog(dialogs.getState())?.kind).toBe('message');
    selectCurrentDialog(dialogs.getState())!.resolve(null as never);
    expect(await none).toBeNull();
    pane.remove();
    renderMap();
    await exportCurrentView({ host: host.api, dialogs, appInfo: () => null, activePane: 'results', projectName: 'P/Q' });
    expect((host.callsOf('exportWrite')[0].args as { suggestedName: string }).suggestedName).toBe('P Q - WAN map after.svg');
  });

  it('picks the format from the path', () => {
    expect(formatOfPath('/a/b.PNG', ['svg', 'png'])).toBe('png');
    expect(formatOfPath('/a/b.jpg', ['svg', 'png'])).toBe('svg');
    expect(formatOfPath(null, ['png'])).toBe('png');
    expect(heatmapTarget({ rows: 1, cols: 1, values: Float32Array.of(0.5), scale: { max: 1 }, width: 1, height: 1 }, 'H').formats).toEqual(['png']);
  });
});
