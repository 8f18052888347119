/**
 * One registry of actions (Excalidraw's actions idea): each has a label, its shortcuts, the host menu command
 * that triggers it, and perform. The toolbar, the keyboard and the host's menuCommand events all go through
 * it, so a label or a shortcut is defined once. The shortcuts match the Electron menu's accelerators; a key
 * the renderer handles (preventDefault) does not also fire the menu's accelerator.
 */
import type { MenuCommand } from '../../electron/contract.ts';

/** What actions act on: the app controller implements it. */
export type ActionTarget = {
  newProject: () => Promise<void>;
  open: () => Promise<void>;
  save: () => Promise<boolean>;
  saveAs: () => Promise<boolean>;
  importFile: () => Promise<void>;
  exportPdf: () => Promise<void>;
  /** The map on screen as SVG or PNG (renderer/app/export-image.ts). */
  exportViewImage: () => Promise<void>;
  undo: () => void;
  redo: () => void;
  toggleTheme: () => void;
  about: () => Promise<void>;
};

export type ActionId =
  | 'file.new'
  | 'file.open'
  | 'file.save'
  | 'file.saveAs'
  | 'file.import'
  | 'file.exportPdf'
  | 'file.exportImage'
  | 'edit.undo'
  | 'edit.redo'
  | 'view.themeToggle'
  | 'help.about';

/** `mod` is Ctrl, or Cmd on macOS; `ctrl` is Ctrl only (Ctrl+Y). `key` is lower case. */
export type Shortcut = { key: string; mod?: boolean; ctrl?: boolean; shift?: boolean; alt?: boolean };

export type Action = {
  id: ActionId;
  label: string;
  shortcuts: readonly Shortcut[];
  menuCommand: MenuCommand | null;
  /** Let the shortcut through to a focused text field instead (undo / redo edit the field's text). */
  yieldToTextFields: boolean;
  perform: (target: ActionTarget) => unknown;
};

export const ACTIONS: readonly Action[] = [
  { id: 'file.new', label: 'New', shortcuts: [{ key: 'n', mod: true }], menuCommand: 'file:new', yieldToTextFields: false, perform: (t) => t.newProject() },
  { id: 'file.open', label: 'Open…', shortcuts: [{ key: 'o', mod: true }], menuCommand: 'file:open', yieldToTextFields: false, perform: (t) => t.open() },
  { id: 'file.save', label: 'Save', shortcuts: [{ key: 's', mod: true }], menuCommand: 'file:save', yieldToTextFields: false, perform: (t) => t.save() },
  { id: 'file.saveAs', label: 'Save As…', shortcuts: [{ key: 's', mod: true, shift: true }], menuCommand: 'file:save-as', yieldToTextFields: false, perform: (t) => t.saveAs() },
  { id: 'file.import', label: 'Import…', shortcuts: [{ key: 'i', mod: true }], menuCommand: 'file:import', yieldToTextFields: false, perform: (t) => t.importFile() },
  { id: 'file.exportPdf', label: 'Export PDF', shortcuts: [{ key: 'p', mod: true }], menuCommand: 'file:export-pdf', yieldToTextFields: false, perform: (t) => t.exportPdf() },
  { id: 'file.exportImage', label: 'Export view image…', shortcuts: [], menuCommand: 'file:export-image', yieldToTextFields: false, perform: (t) => t.exportViewImage() },
  { id: 'edit.undo', label: 'Undo', shortcuts: [{ key: 'z', mod: true }], menuCommand: 'edit:undo', yieldToTextFields: true, perform: (t) => t.undo() },
  {
    id: 'edit.redo',
    label: 'Redo',
    shortcuts: [{ key: 'z', mod: true, shift: true }, { key: 'y', ctrl: true }],
    menuCommand: 'edit:redo',
    yieldToTextFields: true,
    perform: (t) => t.redo(),
  },
  { id: 'view.themeToggle', label: 'Toggle theme', shortcuts: [{ key: 'l', mod: true, shift: true }], menuCommand: 'view:theme-toggle', yieldToTextFields: false, perform: (t) => t.toggleTheme() },
  { id: 'help.about', label: 'About', shortcuts: [], menuCommand: 'help:about', yieldToTextFields: false, perform: (t) => t.about() },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionById(id: ActionId): Action {
  const a = BY_ID.get(id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
}

export function actionForMenuCommand(command: MenuCommand): Action | null {
  return ACTIONS.find((a) => a.menuCommand === command) ?? null;
}

export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export function matches(shortcut: Shortcut, e: KeyLike, isMac: boolean): boolean {
  if (e.key.toLowerCase() !== shortcut.key) return false;
  if (Boolean(shortcut.shift) !== e.shiftKey || Boolean(shortcut.alt) !== e.altKey) return false;
  if (shortcut.ctrl) return e.ctrlKey && !e.metaKey;
  if (shortcut.mod) return isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  return !e.ctrlKey && !e.metaKey;
}

/** The action a key press triggers, or null. In a text field, undo / redo stay with the field. */
export function actionForKey(e: KeyLike, options: { isMac: boolean; inTextField: boolean }): Action | null {
  for (const a of ACTIONS) {
    if (options.inTextField && a.yieldToTextFields) continue;
    if (a.shortcuts.some((s) => matches(s, e, options.isMac))) return a;
  }
  return null;
}

/** "Ctrl+Shift+S" or "⇧⌘S", for tooltips. */
export function shortcutLabel(s: Shortcut, isMac: boolean): string {
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (isMac) return `${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.ctrl ? '⌃' : ''}${s.mod ? '⌘' : ''}${key}`;
  return [s.mod || s.ctrl ? 'Ctrl' : null, s.shift ? 'Shift' : null, s.alt ? 'Alt' : null, key].filter(Boolean).join('+');
}

export function isMacPlatform(platform: string): boolean {
  return /^(darwin|mac)/i.test(platform);
}
