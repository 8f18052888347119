import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: index.html loads /renderer/main.tsx; built to dist/renderer with relative URLs so the same
// files load from Electron's cwb://app/ and from the browser host.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
