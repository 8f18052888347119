/**
 * Every file of the hostile .cwb corpus ends in its expected outcome: a named error (never the catch-all for
 * an unexpected exception), or it opens without polluting any prototype. Time and memory per file are the
 * benchmark's (`npm run bench -- hostile`), not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { decodeProject } from '../../core/project-file/codec.ts';
import { cwbCorpus } from './cwb-corpus.ts';

const all = cwbCorpus();
/** Bombs of tens of MiB take seconds each: CWB_HOSTILE_FULL=1 runs them too (the benchmark always does). */
const full = process.env.CWB_HOSTILE_FULL === '1';
const corpus = full ? all : all.filter((c) => !c.slow);

describe('hostile .cwb corpus', () => {
  it('has 30+ files covering every attack class', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((c) => c.attack))).toEqual(new Set(['bomb', 'lying size', 'huge claimed counts', 'deep JSON', '__proto__ keys', 'NaN/Infinity', 'encoding']));
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = decodeProject(c.build());
    const outcome = result.ok ? 'opens' : result.error.code;
    expect(c.expect, result.ok ? 'opened' : result.error.message).toContain(outcome);
    if (!result.ok) {
      expect(result.error.message).not.toMatch(/could not be read|too large to open on this computer/);
      expect(result.error.message.length).toBeGreaterThan(20);
    } else {
      for (const s of result.project.estate.servers) expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).cores).toBeUndefined();
  });
});
