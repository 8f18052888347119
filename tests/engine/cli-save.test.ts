/** `cwb plan --save`: the plan is kept in the project file, its hash printed, and the app's codec reads it back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeProject, encodeProject } from '../../core/project-file/codec.ts';
import { encodePlan, planHash } from '../../core/project-file/plan-codec.ts';
import { generateProject } from '../../core/sample/generate.ts';
import { parseArgs } from '../../scripts/cli/main.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let cwb: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [path.join(root, 'bin/cwb.mjs'), ...args], { cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cwb-cli-save-'));
  cwb = path.join(dir, 'sample.cwb');
  writeFileSync(cwb, encodeProject(generateProject({ servers: 120, seed: 'cli-save' }), { appVersion: 'test', nowUtc: '2026-03-01T00:00:00Z' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cwb plan --save', () => {
  it('takes --save without --out', () => {
    expect(parseArgs(['plan', 'x.cwb', '--save'])).toMatchObject({ project: 'x.cwb', out: null, save: true });
    expect(() => parseArgs(['plan', 'x.cwb'])).toThrow(/missing --out PLAN\.csv \(or --save\)/);
  });

  it('keeps the plan as the scenario latest, prints its hash, and replaces it on the next save', async () => {
    const first = await cli('plan', cwb, '--scenario', 'scn-keep-3', '--iterations', '200', '--save');
    expect(first.code, first.stderr).toBe(0);
    const printed = /Plan hash: ([0-9a-f]{64})/.exec(first.stdout)?.[1];
    expect(printed).toBeDefined();
    const opened = decodeProject(readFileSync(cwb));
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.plans.warnings).toEqual([]);
    expect(opened.plans.plans.map((p) => [p.scenarioId, p.name, p.changed])).toEqual([['scn-keep-3', null, []]]);
    expect(opened.plans.plans[0].planHash).toBe(printed);
    expect(planHash(encodePlan(opened.plans.plans[0].plan))).toBe(printed);
    expect(opened.manifest.createdUtc).toBe('2026-03-01T00:00:00Z');

    const again = await cli('plan', cwb, '--scenario', 'scn-keep-3', '--iterations', '200', '--save');
    expect(again.code, again.stderr).toBe(0);
    // the same project, seed and work units: the same plan, so the same hash
    expect(/Plan hash: ([0-9a-f]{64})/.exec(again.stdout)?.[1]).toBe(printed);
    const reopened = decodeProject(readFileSync(cwb));
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.plans.plans).toHaveLength(1);
  });
});
