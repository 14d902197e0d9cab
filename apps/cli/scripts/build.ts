import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages the bundle does not contain. The server (for `serve`) carries a database
 * engine, Prisma's generated client and native modules that cannot be bundled; `serve`
 * imports it at run time and explains when it is missing.
 */
export const EXTERNAL = ['@threatloom/server'];

/**
 * Bundles the CLI, core and every JS dependency into one ESM file, so the package
 * installs (`npm i -g ./apps/cli`, `npm pack`) without the workspace.
 */
export async function buildBundle(outfile = path.join(packageDir, 'dist/threatloom.js')): Promise<string> {
  await build({
    entryPoints: [path.join(packageDir, 'src/bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
    // CommonJS dependencies (cli-table3) call require() for Node built-ins; an ESM bundle needs a real one.
    banner: { js: "import { createRequire as __tlCreateRequire } from 'node:module';\nconst require = __tlCreateRequire(import.meta.url);" },
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildBundle(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
