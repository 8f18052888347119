import { describe, expect, it } from 'vitest';
import type { FromEngine, RunMessage } from '../../core/protocol.ts';
import { estate, project, server } from './fixtures.ts';

/**
 * The browser host's wiring, in Node: a stand-in worker global scope (an EventTarget with postMessage),
 * the real engine.worker.ts module (it addresses its scope as globalThis).
 */
describe('Web Worker host (renderer/workers/engine.worker.ts)', () => {
  it('answers run with progress and a result', async () => {
    const posted: { message: FromEngine; transfer: unknown }[] = [];
    let notify = () => {};
    const scope = Object.assign(new EventTarget(), {
      postMessage: (message: FromEngine, options: { transfer?: unknown[] }) => {
        posted.push({ message, transfer: options.transfer });
        notify();
      },
    });
    const g = globalThis as unknown as { postMessage?: unknown; addEventListener?: unknown };
    const saved = { postMessage: g.postMessage, addEventListener: g.addEventListener };
    g.postMessage = scope.postMessage;
    g.addEventListener = scope.addEventListener.bind(scope);
    try {
      await import('../../renderer/workers/engine.worker.ts');
      const p = project(estate({ servers: Array.from({ length: 20 }, (_, i) => server(`s${i}`)) }));
      const until = (pred: (m: FromEngine) => boolean) =>
        new Promise<FromEngine>((resolve) => {
          const check = () => {
            const hit = posted.find((x) => pred(x.message));
            if (hit) resolve(hit.message);
          };
          notify = check;
          check();
        });
      const run: RunMessage = { type: 'run', runId: 7, estate: p.estate, series: p.series, scenarioId: 's1', effort: 0 };
      scope.dispatchEvent(new MessageEvent('message', { data: run }));
      const result = await until((m) => m.type === 'result');
      expect(result.type === 'result' && result.plan.assignments).toHaveLength(20);
      expect(posted.some((x) => x.message.type === 'progress')).toBe(true);
      // The result's series buffers are in the transfer list.
      const resultPost = posted.find((x) => x.message.type === 'result');
      expect(Array.isArray(resultPost?.transfer) && (resultPost.transfer as unknown[]).length).toBeGreaterThan(0);

    } finally {
      g.postMessage = saved.postMessage;
      g.addEventListener = saved.addEventListener;
    }
  });
});
