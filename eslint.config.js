import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules packages/core must never import: it runs unchanged in the browser, server and CLI. */
const coreForbidden = [
  {
    group: [
      'react',
      'react-dom',
      'react/*',
      'express',
      'socket.io',
      'socket.io-client',
      '@prisma/*',
      'prisma',
    ],
    message: 'packages/core is pure domain code: no frameworks, transports or database.',
  },
  {
    group: [
      'node:*',
      'fs',
      'path',
      'crypto',
      'os',
      'child_process',
      'http',
      'https',
      'net',
      'url',
      'util',
      'stream',
      'buffer',
      'events',
      'worker_threads',
    ],
    message: 'packages/core must not use Node-only APIs.',
  },
];

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
    rules: { 'no-restricted-imports': ['error', { patterns: coreForbidden }] },
  },
);
