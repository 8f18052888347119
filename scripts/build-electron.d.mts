/** Bundle main.cjs, preload.cjs and browser-host.mjs into `out` (default dist/electron). */
export function buildElectron(out?: string): Promise<void>;
