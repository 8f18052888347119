import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { FileRef, MenuCommand } from '../contract.ts';
import type { Manager } from './managers.ts';

export type MenuDeps = {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  recent(): Promise<FileRef[]>;
  isDev: boolean;
};

/** The menu template: pure data, so a test can check items and accelerators without Electron. */
export function menuTemplate(platform: string, recent: FileRef[], deps: Pick<MenuDeps, 'command' | 'openRecent' | 'isDev'>): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => deps.command(command),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((f) => ({ label: f.name, sublabel: f.path, click: () => deps.openRecent(f.path) }))
    : [{ label: 'No recent projects', enabled: false }];
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        cmd('New', 'file:new', 'CmdOrCtrl+N'),
        cmd('Open…', 'file:open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        cmd('Save', 'file:save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'file:save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd('Import…', 'file:import', 'CmdOrCtrl+I'),
        cmd('Export PDF…', 'file:export-pdf', 'CmdOrCtrl+P'),
        cmd('Export View Image…', 'file:export-image'),
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: 'Quit', accelerator: platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q' }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        cmd('Undo', 'edit:undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'edit:redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        cmd('Toggle Dark Theme', 'view:theme-toggle', 'CmdOrCtrl+Shift+L'),
        ...(deps.isDev ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
    { label: '&Help', role: 'help', submenu: [cmd('About Consolidation Workbench', 'help:about')] },
  ];
}

/** The native menu; rebuilt when the recent list may have changed. */
export function menuManager(deps: MenuDeps): Manager & { refresh(): Promise<void> } {
  const refresh = async () => {
    const recent = await deps.recent().catch(() => []);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, recent, deps)));
    if (recent[0]) app.addRecentDocument(recent[0].path);
  };
  return {
    name: 'menu',
    start: refresh,
    stop() {},
    refresh,
  };
}
