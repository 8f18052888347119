// Proves the folder = runtime rule bites: fixture files that break it make the real lint config fail,
// and fixtures that keep it pass. Each fixture is linted as if it stood at the path given.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });
const fixture = (name: string) => readFileSync(path.join(root, 'tests/fixtures/layering', `${name}.ts.txt`), 'utf8');

async function lintAs(name: string, at: string) {
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(root, at) });
  return result.messages.filter((m) => m.severity === 2);
}

describe('folder = runtime lint rule', () => {
  it.each([
    ['core-imports-node', 'core/bad.ts', /may not import the package 'node:fs'/],
    ['core-imports-renderer', 'core/bad.ts', /may not import '..\/renderer\/store.ts' \(renderer\)/],
    ['renderer-imports-electron', 'renderer/bad.ts', /may not import the package 'electron'/],
    ['renderer-imports-fs', 'renderer/bad.ts', /may not import the package 'fs'/],
    ['renderer-value-imports-contract', 'renderer/bad.ts', /for its types only/],
    ['electron-imports-renderer', 'electron/bad.ts', /may not import '..\/renderer\/App.tsx' \(renderer\)/],
  ])('%s fails lint at %s', async (name, at, message) => {
    const errors = await lintAs(name, at);
    expect(errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('core code may not read the clock or Math.random', async () => {
    const errors = await lintAs('core-uses-clock', 'core/bad.ts');
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/no clock/), expect.stringMatching(/deterministic/)]),
    );
  });

  it('the same clock code is allowed outside core', async () => {
    expect(await lintAs('core-uses-clock', 'electron/ok.ts')).toEqual([]);
  });

  it.each([
    ['renderer-type-imports-contract', 'renderer/ok.ts'],
    ['core-imports-core', 'core/ok.ts'],
    ['renderer-imports-electron', 'electron/ok.ts'],
  ])('%s passes lint at %s', async (name, at) => {
    expect(await lintAs(name, at)).toEqual([]);
  });

  it('the command line fails on a breaking file', async () => {
    const results = await eslint.lintText(fixture('core-imports-node'), { filePath: path.join(root, 'core/bad.ts') });
    expect(ESLint.getErrorResults(results)).toHaveLength(1);
  });
});
