import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { AppInfo, HostApi, HostCallArgs, HostResult } from '../../electron/contract.ts';
import { exportPlan, planExportFile } from './export-plan.ts';
import { createDialogStore, selectCurrentDialog, type DialogStore } from './dialogs.ts';
import { fakeHost } from '../test/fake-host.ts';
import { tinyEstate, tinyPlan } from '../views/fixtures.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

async function nextDialog(dialogs: DialogStore) {
  for (let i = 0; i < 50 && !selectCurrentDialog(dialogs.getState()); i++) await tick();
  return selectCurrentDialog(dialogs.getState());
}

function setup(kind: AppInfo['host'], answer: (a: HostCallArgs<'exportWrite'>) => HostResult<{ path: string; name: string }>) {
  const fake = fakeHost({ host: kind, initial: { file: null, bytes: new Uint8Array() } });
  const written: HostCallArgs<'exportWrite'>[] = [];
  const host: HostApi = {
    ...fake.api,
    exportWrite: async (a) => {
      written.push(a);
      return answer(a);
    },
  };
  const dialogs = createDialogStore();
  const info = { host: kind } as AppInfo;
  return { deps: { host, dialogs, appInfo: () => info }, written, dialogs };
}

const saved = (a: HostCallArgs<'exportWrite'>) => ({ ok: true as const, value: { path: a.path ?? `/chosen/${a.suggestedName}`, name: a.suggestedName } });

describe('export plan', () => {
  const estate = tinyEstate();
  const plan = tinyPlan();

  it('builds a CSV of the servers (with BOM) and a workbook of all four tables', () => {
    const csv = planExportFile(estate, plan, 'csv');
    expect(csv.suggestedName).toMatch(/ plan\.csv$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.startsWith('\uFEFFserver_id,server_name,')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(plan.assignments.length + 1);
    const semi = planExportFile(estate, plan, 'csv-semicolon');
    expect(semi.suggestedName).toMatch(/ plan\.csv$/);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(semi.bytes).startsWith('\uFEFFserver_id;server_name;')).toBe(true);
    const xlsx = planExportFile(estate, plan, 'xlsx');
    expect(xlsx.suggestedName).toMatch(/ plan\.xlsx$/);
    expect(Object.keys(unzipSync(xlsx.bytes)).filter((n) => n.startsWith('xl/worksheets/'))).toHaveLength(4);
  });

  it('Electron: calls exportWrite with path null (the native dialog asks)', async () => {
    const t = setup('electron', saved);
    const file = await exportPlan(t.deps, estate, plan, 'xlsx');
    expect(t.written).toHaveLength(1);
    expect(t.written[0].path).toBeNull();
    expect(t.written[0].suggestedName).toMatch(/\.xlsx$/);
    expect(t.written[0].bytes[0]).toBe(0x50); // "PK"
    expect(file?.path).toMatch(/^\/chosen\//);
  });

  it('browser mode: asks with the in-app file browser, then writes there; cancel writes nothing', async () => {
    const t = setup('browser', saved);
    const p = exportPlan(t.deps, estate, plan, 'csv');
    const d = await nextDialog(t.dialogs);
    expect(d?.kind).toBe('fileBrowser');
    expect(d?.props).toMatchObject({ mode: 'save' });
    (d!.resolve as (a: string | null) => void)('/data/out.csv');
    expect(await p).toEqual({ path: '/data/out.csv', name: expect.stringMatching(/\.csv$/) });
    expect(t.written[0].path).toBe('/data/out.csv');

    const q = exportPlan(t.deps, estate, plan, 'csv');
    const e = await nextDialog(t.dialogs);
    (e!.resolve as (a: string | null) => void)(null);
    expect(await q).toBeNull();
    expect(t.written).toHaveLength(1);
  });

  it('shows host failures but not a cancel', async () => {
    const cancelled = setup('electron', () => ({ ok: false, error: { code: 'cancelled', message: 'cancelled' } }));
    expect(await exportPlan(cancelled.deps, estate, plan, 'csv')).toBeNull();
    expect(selectCurrentDialog(cancelled.dialogs.getState())).toBeNull();

    const failing = setup('electron', () => ({ ok: false, error: { code: 'io', message: 'Disk full' } }));
    const p = exportPlan(failing.deps, estate, plan, 'csv');
    const d = await nextDialog(failing.dialogs);
    expect(d?.kind).toBe('error');
    expect(d?.props).toMatchObject({ title: 'Could not export the plan', message: 'Disk full' });
    (d!.resolve as (a: null) => void)(null);
    expect(await p).toBeNull();
  });
});
