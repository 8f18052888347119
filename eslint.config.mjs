import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layering from './eslint-rules/layering.js';

const local = { rules: { layering } };

// Nothing in core/ may read the clock, draw randomness or touch a host global: inject them.
const impure = [
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'core/ is deterministic: take a seeded Rng (core/util/random.ts).' },
  { selector: "NewExpression[callee.name='Date']", message: 'core/ has no clock: take the time as an argument.' },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'core/ has no clock: take a clock function as an argument.' },
  { selector: "MemberExpression[object.name='performance']", message: 'core/ has no clock: take a clock function as an argument.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'test-results/', 'playwright-report/', 'bench-out/', 'tests/fixtures/', 'resources/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local },
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No barrel files: import from the module that defines it.' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No barrel files.' }, ...impure],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'setTimeout', 'setInterval', 'Buffer', 'navigator', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-globals': ['error', 'process', 'require', 'Buffer'] },
  },
  {
    // The renderer sees only HostApi: the platform adapters are reached through renderer/host/index.ts.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/host/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/host/electron.ts', '**/host/browser.ts'], message: 'Use createHost() from renderer/host/index.ts; the renderer sees only HostApi.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', 'tests/**/*.ts', 'e2e/**/*.ts', 'bin/**/*.mjs', 'eslint-rules/**/*.js', '*.config.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
