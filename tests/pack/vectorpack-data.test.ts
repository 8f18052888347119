// The .vbp / tar.gz reader, and (when ../shared/data is present) the packer and bounds on real benchmark
// instances: every packing valid, never below a published lower bound or a known optimum, and our own
// lower bound never above a known optimum.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTarGz, parseVbp, readOptTable, vbpToInput } from '../../bench/lib/pack-vbp.ts';
import { binLowerBound } from '../../core/engine/pack/bounds.ts';
import { checkSolution } from '../../core/engine/pack/check.ts';
import { pack } from '../../core/engine/pack/pack.ts';
import { createRng } from '../../core/util/random.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dataDir = path.resolve(repoRoot, '../shared/data/vectorpack');
const haveData = existsSync(dataDir);

function tarEntry(name: string, body: string): Buffer {
  const data = Buffer.from(body, 'utf8');
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write(data.length.toString(8).padStart(11, '0'), 124, 'ascii');
  header.write('0', 156, 'ascii');
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(padded);
  return Buffer.concat([header, padded]);
}

function fakeClock(step = 0.01): () => number {
  let t = 0;
  return () => (t += step);
}

describe('vbp reader', () => {
  it('reads files from a tar.gz and expands item quantities in file order', () => {
    const vbp = '2\n10 10\n2\n3 4 2\n5 1 1\n';
    const tar = Buffer.concat([tarEntry('set/class1/a.vbp', vbp), tarEntry('set/notes.txt', 'hi'), Buffer.alloc(1024)]);
    const dir = mkdtempSync(path.join(tmpdir(), 'vbp-'));
    const file = path.join(dir, 'x.tar.gz');
    writeFileSync(file, gzipSync(tar));
    const entries = readTarGz(file);
    expect(entries.map((e) => e.name)).toEqual(['set/class1/a.vbp', 'set/notes.txt']);
    const inst = parseVbp('a', entries[0].data.toString('utf8'));
    expect(inst.capacity).toEqual([10, 10]);
    const input = vbpToInput(inst);
    expect(input.itemCount).toBe(3);
    expect(Array.from(input.sizes)).toEqual([3, 4, 3, 4, 5, 1]);
  });
});

describe.skipIf(!haveData)(`vector packing benchmark data (${haveData ? 'present' : `absent: skipped, no ${dataDir}`})`, () => {
  for (const set of ['Panigrahy', 'New']) {
    it(`${set}: own lower bound never exceeds a known optimum; sampled packings are valid and never beat it`, () => {
      const table = readOptTable(path.join(dataDir, `${set}_base_OPT.csv`));
      const entries = readTarGz(path.join(dataDir, `${set}_instances.tar.gz`)).filter((e) => e.name.endsWith('.vbp'));
      let checked = 0;
      entries.forEach((e, k) => {
        const name = path.basename(e.name, '.vbp');
        const ref = table.get(name);
        if (!ref) return;
        const input = vbpToInput(parseVbp(name, e.data.toString('utf8')));
        if (ref.opt > 0) expect(binLowerBound(input), name).toBeLessThanOrEqual(ref.opt);
        if (k % 60 !== 0) return;
        const sol = pack(input, { rng: createRng(name), now: fakeClock(), budgetMs: 5 });
        expect(checkSolution(input, sol), name).toEqual([]);
        expect(sol.unplaced).toEqual([]);
        expect(sol.binType.length).toBeGreaterThanOrEqual(Math.max(ref.lb, ref.opt));
        checked++;
      });
      expect(checked).toBeGreaterThan(10);
    });
  }
});
