/** A piece of the main process with a start-up and a shut-down (tldraw-desktop's managers). */
export type Manager = { name: string; start(): void | Promise<void>; stop(): void | Promise<void> };

/** Start managers in order; stop them in reverse. A failing stop does not keep the others from stopping. */
export function composeManagers(managers: Manager[]): Manager {
  const started: Manager[] = [];
  return {
    name: 'main',
    async start() {
      for (const m of managers) {
        await m.start();
        started.push(m);
      }
    },
    async stop() {
      for (const m of started.splice(0).reverse()) {
        try {
          await m.stop();
        } catch (e) {
          console.error(`[${m.name}] stop failed:`, e);
        }
      }
    },
  };
}
