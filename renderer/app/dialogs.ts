/**
 * Modal dialogs as promises: the controller awaits `dialogs.ask(...)`, the <Dialogs> component renders the
 * request on top and resolves it with the user's choice. One dialog at a time; later requests queue.
 * A store of its own (not a workbench slice): it holds resolver functions, is transient and never persisted.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RecoveryInfo } from '../../electron/contract.ts';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';
export type RecoverChoice = 'recover' | 'discard';

/** What each kind of dialog shows, and what it answers. */
export type DialogKinds = {
  unsaved: { props: { fileName: string; reason: 'close' | 'replace' }; answer: UnsavedChoice };
  recover: { props: { info: RecoveryInfo }; answer: RecoverChoice };
  error: { props: { title: string; message: string }; answer: null };
  /** A save refused because the previous version could not be kept as .bak: save anyway, or not. */
  noBackup: { props: { title: string; message: string }; answer: 'without-backup' | 'cancel' };
  message: { props: { title: string; message: string }; answer: null };
  fileBrowser: { props: { mode: 'open' | 'save'; suggestedName: string; accept?: readonly string[] }; answer: string | null };
};
export type DialogKind = keyof DialogKinds;

export type DialogRequest = {
  [K in DialogKind]: { id: number; kind: K; props: DialogKinds[K]['props']; resolve: (answer: DialogKinds[K]['answer']) => void };
}[DialogKind];

export type DialogState = { queue: readonly DialogRequest[] };
export type DialogStore = StoreApi<DialogState>;

export function createDialogStore(): DialogStore {
  return createStore<DialogState>()(() => ({ queue: [] }));
}

let nextId = 1;

export function ask<K extends DialogKind>(store: DialogStore, kind: K, props: DialogKinds[K]['props']): Promise<DialogKinds[K]['answer']> {
  return new Promise((resolve) => {
    const id = nextId++;
    const request = {
      id,
      kind,
      props,
      resolve: (answer: DialogKinds[K]['answer']) => {
        store.setState((s) => ({ queue: s.queue.filter((r) => r.id !== id) }));
        resolve(answer);
      },
    };
    // A request of kind K with its props and resolver is one member of the DialogRequest union.
    store.setState((s) => ({ queue: [...s.queue, request as unknown as DialogRequest] }));
  });
}

export const selectCurrentDialog = (s: DialogState): DialogRequest | null => s.queue[0] ?? null;
