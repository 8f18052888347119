import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey, actionForMenuCommand, shortcutLabel, type ActionTarget, type KeyLike } from './registry.ts';
import type { MenuCommand } from '../../electron/contract.ts';

const key = (k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const pc = { isMac: false, inTextField: false };
const mac = { isMac: true, inTextField: false };

describe('action registry', () => {
  it('maps shortcuts to actions on Windows / Linux', () => {
    expect(actionForKey(key('s', { ctrlKey: true }), pc)?.id).toBe('file.save');
    expect(actionForKey(key('S', { ctrlKey: true, shiftKey: true }), pc)?.id).toBe('file.saveAs');
    expect(actionForKey(key('o', { ctrlKey: true }), pc)?.id).toBe('file.open');
    expect(actionForKey(key('n', { ctrlKey: true }), pc)?.id).toBe('file.new');
    expect(actionForKey(key('z', { ctrlKey: true }), pc)?.id).toBe('edit.undo');
    expect(actionForKey(key('Z', { ctrlKey: true, shiftKey: true }), pc)?.id).toBe('edit.redo');
    expect(actionForKey(key('y', { ctrlKey: true }), pc)?.id).toBe('edit.redo');
    expect(actionForKey(key('s'), pc)).toBeNull();
    expect(actionForKey(key('s', { metaKey: true }), pc)).toBeNull();
    expect(actionForKey(key('s', { ctrlKey: true, altKey: true }), pc)).toBeNull();
  });

  it('uses Cmd on macOS', () => {
    expect(actionForKey(key('s', { metaKey: true }), mac)?.id).toBe('file.save');
    expect(actionForKey(key('z', { metaKey: true, shiftKey: true }), mac)?.id).toBe('edit.redo');
    expect(actionForKey(key('s', { ctrlKey: true }), mac)).toBeNull();
  });

  it('leaves undo / redo to a focused text field but still saves', () => {
    const typing = { isMac: false, inTextField: true };
    expect(actionForKey(key('z', { ctrlKey: true }), typing)).toBeNull();
    expect(actionForKey(key('y', { ctrlKey: true }), typing)).toBeNull();
    expect(actionForKey(key('s', { ctrlKey: true }), typing)?.id).toBe('file.save');
  });

  it('has an action for every menu command, and performs it on the target', () => {
    const calls: string[] = [];
    const target = new Proxy({} as ActionTarget, { get: (_t, p) => () => void calls.push(String(p)) });
    const commands: MenuCommand[] = ['file:new', 'file:open', 'file:save', 'file:save-as', 'file:import', 'file:export-pdf', 'edit:undo', 'edit:redo', 'view:theme-toggle', 'help:about'];
    for (const c of commands) actionForMenuCommand(c)!.perform(target);
    expect(calls).toEqual(['newProject', 'open', 'save', 'saveAs', 'importFile', 'exportPdf', 'undo', 'redo', 'toggleTheme', 'about']);
  });

  it('has unique ids, labels and shortcuts', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    expect(new Set(ACTIONS.map((a) => a.label)).size).toBe(ACTIONS.length);
    const keys = ACTIONS.flatMap((a) => a.shortcuts.map((s) => JSON.stringify(s)));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('labels shortcuts per platform', () => {
    expect(shortcutLabel({ key: 's', mod: true, shift: true }, false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel({ key: 's', mod: true, shift: true }, true)).toBe('⇧⌘S');
  });
});
