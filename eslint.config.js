import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * packages/core runs unchanged in the browser, the server and the CLI, so it imports zod and its
 * own modules, nothing else: no framework, transport, database or Node-only API can slip in.
 */
const coreAllowed = [
  {
    regex: '^(?!zod$)(?!\\.)',
    message: 'packages/core is pure domain code: it imports zod and its own modules only.',
  },
];

/** An import of a sibling folder (of `apps/server/src`, `apps/web/src`) by relative path (`../http/…`, `../../realtime`). */
const folderImport = (...names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

/**
 * apps/server imports run one way: entry points (create-server, main, config, the db CLIs)
 * → the transports http/ and realtime/ (never each other) → services/ → auth/ → db/.
 * Tests may import any layer.
 */
const serverLayers = [
  {
    files: ['apps/server/src/http/**/*.ts'],
    forbidden: ['realtime', 'create-server', 'main', 'config'],
    message:
      'http/ is a transport: it may use services, auth and db, not realtime/ or the entry points.',
  },
  {
    files: ['apps/server/src/realtime/**/*.ts'],
    forbidden: ['http', 'create-server', 'main', 'config'],
    message:
      'realtime/ is a transport: it may use services, auth and db, not http/ or the entry points.',
  },
  {
    files: ['apps/server/src/services/**/*.ts'],
    forbidden: ['http', 'realtime', 'create-server', 'main', 'config'],
    message:
      'services/ know no transport: throw an AppError and let http/ or realtime/ map its code.',
  },
  {
    files: ['apps/server/src/auth/**/*.ts'],
    forbidden: ['services', 'http', 'realtime', 'create-server', 'main', 'config'],
    message: 'auth/ sits below services/: it may use db/ only.',
  },
  {
    files: ['apps/server/src/db/**/*.ts'],
    ignores: ['apps/server/src/db/*-cli.ts'],
    forbidden: ['services', 'auth', 'http', 'realtime', 'create-server', 'main', 'config'],
    message: 'db/ is the lowest server layer: it imports nothing above it.',
  },
].map(({ files, ignores = [], forbidden, message }) => ({
  files,
  ignores: [...ignores, '**/*.test.ts', '**/*.test-helper.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: folderImport(...forbidden), message }] },
    ],
  },
}));

/**
 * apps/web/src imports run one way, from the top row down; the folders of one row are siblings
 * and never import each other. main.tsx is the entry point above them all, and @threatloom/core
 * sits below them all. Tests may import any layer.
 */
const WEB_LAYERS = [
  ['app'], // the shell: routes the URL to a page
  ['pages'], // one a route
  ['editor'], // the diagram editor, hosting the side panel
  ['panels', 'dashboard', 'export', 'collab'], // what pages and the editor show
  ['fields'], // the record forms panels share
  ['model'], // one open model: its stores, context and op builders
  ['auth', 'rules'], // app-wide stores
  ['api', 'sync'], // the server's client: REST, socket, pending ops
  ['ui'], // generic pieces: router, modal, error boundary
];

const webLayers = WEB_LAYERS.flatMap((row, i) => {
  const below = WEB_LAYERS.slice(i + 1).flat();
  return row.map((folder) => ({
    files: [`apps/web/src/${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test-helper.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: folderImport(
                'main',
                ...WEB_LAYERS.slice(0, i).flat(),
                ...row.filter((f) => f !== folder),
              ),
              message: below.length
                ? `apps/web/src/${folder}/ may import only the layers below it (${below.join(', ')}) and @threatloom/core; move what both need down.`
                : `apps/web/src/${folder}/ is the lowest layer: it imports @threatloom/core only.`,
            },
          ],
        },
      ],
    },
  }));
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/*.test-helper.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreAllowed }] },
  },
  ...serverLayers,
  ...webLayers,
);
