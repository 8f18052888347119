// The bundled sample must be what the generator makes today: if this fails, run `npm run sample`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeProject } from '../core/project-file/codec.ts';
import { generateProject } from '../core/sample/generate.ts';
import { METRICS } from '../core/model/series.ts';

const file = path.resolve(import.meta.dirname, '..', 'resources', 'samples', '17-into-3.cwb');

describe('resources/samples/17-into-3.cwb', () => {
  it('decodes to the default generated project (run `npm run sample` when the generator changes)', () => {
    const decoded = decodeProject(new Uint8Array(readFileSync(file)));
    if (!decoded.ok) throw new Error(`${decoded.error.code}: ${decoded.error.message}`);
    const fresh = generateProject();
    const { estate, series } = decoded.project;
    expect(estate.servers.length).toBe(fresh.estate.servers.length);
    expect(estate).toEqual(fresh.estate);
    expect(series.startUtc).toBe(fresh.series.startUtc);
    expect(series.serverIds).toEqual(fresh.series.serverIds);
    for (const m of METRICS) {
      const a = new Uint8Array(series[m].buffer, series[m].byteOffset, series[m].byteLength);
      const b = new Uint8Array(fresh.series[m].buffer, fresh.series[m].byteOffset, fresh.series[m].byteLength);
      expect(a.length).toBe(b.length);
      let diff = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
      expect(diff).toBe(0);
    }
  });
});
