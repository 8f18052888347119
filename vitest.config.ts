import { defineConfig } from 'vitest/config';

const INCLUDE = ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'];
const EXCLUDE = ['node_modules/**', 'e2e/**', 'dist/**'];

/**
 * Two projects: `unit` (the lean default for development: `npx vitest run --project unit`) and `slow`
 * (`*.slow.test.ts`: multi-process hostile tests such as SIGKILLs during saves and exports). `npm run test:unit`
 * (CI) runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: INCLUDE, exclude: [...EXCLUDE, '**/*.slow.test.ts'] } },
      { extends: true, test: { name: 'slow', include: ['tests/**/*.slow.test.ts', 'electron/**/*.slow.test.ts'], exclude: EXCLUDE } },
    ],
  },
});
