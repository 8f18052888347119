// Folder = runtime. One small rule keyed on folder names (after VS Code's code-layering rule).
// The may-import table lives in ARCHITECTURE.md ("May-import table"); keep the two in step.
import path from 'node:path';
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Which layer a repository-relative path belongs to. */
export function layerOf(rel) {
  const p = rel.split(path.sep).join('/');
  if (p === 'electron/contract.ts') return 'contract';
  if (p.startsWith('core/')) return 'core';
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('electron/')) return 'electron';
  if (p.startsWith('resources/')) return 'data';
  return 'tooling';
}

// Relative imports: which layers each layer may reach.
const MAY_USE = {
  core: ['core'],
  contract: ['contract', 'core'],
  renderer: ['renderer', 'core', 'contract', 'data'],
  electron: ['electron', 'core', 'contract'],
  tooling: ['tooling', 'core', 'contract', 'electron', 'renderer', 'data'],
  data: [],
};

// Bare (package) imports: an allow-list where the runtime is pure, a deny-list elsewhere.
const PACKAGES_ALLOWED = {
  core: ['zod', 'fflate'],
  contract: ['zod'],
};
// Test files of a pure layer may also use the test tools (still no Node or DOM).
const TEST_PACKAGES = ['vitest', 'fast-check'];
const PACKAGES_DENIED = {
  renderer: (name) => BUILTINS.has(name) || name === 'electron' || name.startsWith('electron/'),
  electron: () => false,
  tooling: () => false,
  data: () => true,
};

const packageName = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Folder = runtime: enforce the may-import table of ARCHITECTURE.md' },
    schema: [],
    messages: {
      layer: "'{{from}}' code may not import '{{spec}}' ({{to}}): see ARCHITECTURE.md, May-import table.",
      pkg: "'{{from}}' code may not import the package '{{spec}}': see ARCHITECTURE.md, May-import table.",
      typeOnly: "renderer code may import the host contract for its types only: use 'import type'.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const from = layerOf(file);
    const isTest = /\.test\.tsx?$/.test(file);

    function check(node, spec, typeOnly) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), spec));
        const to = layerOf(target);
        if (!MAY_USE[from].includes(to)) {
          context.report({ node, messageId: 'layer', data: { from, spec, to } });
        } else if (from === 'renderer' && to === 'contract' && !typeOnly) {
          context.report({ node, messageId: 'typeOnly' });
        }
        return;
      }
      const allowed = PACKAGES_ALLOWED[from] && (isTest ? [...PACKAGES_ALLOWED[from], ...TEST_PACKAGES] : PACKAGES_ALLOWED[from]);
      const name = packageName(spec);
      const bad = allowed ? !allowed.includes(name) : PACKAGES_DENIED[from](spec) || PACKAGES_DENIED[from](name);
      if (bad) context.report({ node, messageId: 'pkg', data: { from, spec } });
    }

    return {
      ImportDeclaration: (n) => check(n, n.source.value, n.importKind === 'type' || (n.specifiers.length > 0 && n.specifiers.every((s) => s.importKind === 'type'))),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value, n.exportKind === 'type'),
      ExportAllDeclaration: (n) => check(n, n.source.value, n.exportKind === 'type'),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value, false),
      TSImportType: (n) => {
        const arg = n.argument?.literal ?? n.argument;
        if (arg && arg.type === 'Literal') check(n, arg.value, true);
      },
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') {
          check(n, n.arguments[0].value, false);
        }
      },
    };
  },
};
