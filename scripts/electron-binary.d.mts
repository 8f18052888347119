/** Where the Electron binary is, without triggering electron's lazy download. */
export function findElectronBinary(): { path: string; reason?: undefined } | { path?: undefined; reason: string };
