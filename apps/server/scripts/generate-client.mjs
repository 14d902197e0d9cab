/* global process */
// Generates the Prisma client into src/db/generated (gitignored) without network:
// `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY names an existing
// executable (it does not run it), so point it at node itself.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const schema = path.resolve(import.meta.dirname, '../../../prisma/schema.prisma');
execFileSync(process.execPath, [cli, 'generate', '--schema', schema], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
