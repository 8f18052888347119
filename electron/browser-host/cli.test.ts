import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli.ts';

describe('browser host options', () => {
  it('defaults to the home folder, the user config folder, a random port, opening the browser', () => {
    expect(parseCliOptions([], {})).toEqual({ port: 0, open: true, filesRoot: homedir(), dataDir: join(homedir(), '.config', 'consolidation-workbench') });
  });
  it('takes flags before the environment', () => {
    const env = { CWB_FILES_ROOT: '/env/root', CWB_DATA_DIR: '/env/data' };
    expect(parseCliOptions([], env)).toMatchObject({ filesRoot: '/env/root', dataDir: '/env/data' });
    expect(parseCliOptions(['--root', 'r', '--data-dir', '/d', '--port', '8123', '--no-open'], env)).toEqual({
      port: 8123,
      open: false,
      filesRoot: resolve('r'),
      dataDir: '/d',
    });
  });
  it('refuses a bad port', () => {
    expect(() => parseCliOptions(['--port', 'http'], {})).toThrow(/port/);
  });
});
