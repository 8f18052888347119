import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ app: {}, Menu: {} }));
const { menuTemplate } = await import('./menu-manager.ts');
const { projectPathsFromArgv } = await import('./open-request-manager.ts');
const { composeManagers } = await import('./managers.ts');

const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);

describe('menu', () => {
  const commands: string[] = [];
  const deps = { command: (c: string) => commands.push(c), openRecent: (p: string) => commands.push(`recent:${p}`), isDev: false };

  it('has the File, Edit, View and Help items with the usual accelerators', () => {
    const all = items(menuTemplate('linux', [], deps));
    const accel = (label: string) => all.find((i) => i.label === label)?.accelerator;
    expect(accel('New')).toBe('CmdOrCtrl+N');
    expect(accel('Open…')).toBe('CmdOrCtrl+O');
    expect(accel('Save')).toBe('CmdOrCtrl+S');
    expect(accel('Save As…')).toBe('CmdOrCtrl+Shift+S');
    expect(accel('Redo')).toBe('Ctrl+Y');
    expect(accel('Quit')).toBe('Ctrl+Q');
    for (const label of ['Open Recent', 'Import…', 'Export PDF…', 'Undo', 'Toggle Dark Theme', 'About Consolidation Workbench']) {
      expect(all.some((i) => i.label === label), label).toBe(true);
    }
    for (const role of ['cut', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom']) expect(all.some((i) => i.role === role), role).toBe(true);
    expect(all.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('uses the macOS conventions on darwin', () => {
    const menu = menuTemplate('darwin', [], deps);
    expect(menu[0].role).toBe('appMenu');
    const all = items(menu);
    expect(all.find((i) => i.label === 'Redo')?.accelerator).toBe('Shift+Cmd+Z');
    expect(all.some((i) => i.label === 'Quit')).toBe(false);
  });

  it('pushes menu commands and opens recent files', () => {
    const all = items(menuTemplate('linux', [{ path: '/p/a.cwb', name: 'a.cwb' }], deps));
    const click = (label: string) => (all.find((i) => i.label === label)?.click as () => void)();
    click('Save');
    click('a.cwb');
    click('Export View Image…');
    expect(commands).toEqual(['file:save', 'recent:/p/a.cwb', 'file:export-image']);
  });
});

describe('command line', () => {
  it('takes existing .cwb paths and skips switches', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwb-argv-'));
    await writeFile(join(dir, 'plan.cwb'), 'x');
    expect(projectPathsFromArgv(['--inspect', 'plan.cwb', 'missing.cwb', 'notes.txt'], dir)).toEqual([join(dir, 'plan.cwb')]);
    await rm(dir, { recursive: true });
  });
});

describe('managers', () => {
  it('start in order and stop in reverse, even when one stop fails', async () => {
    const log: string[] = [];
    const m = (name: string, failStop = false) => ({
      name,
      start: () => void log.push(`start ${name}`),
      stop: () => {
        log.push(`stop ${name}`);
        if (failStop) throw new Error('x');
      },
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const main = composeManagers([m('a'), m('b', true), m('c')]);
    await main.start();
    await main.stop();
    expect(log).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
  });
});
