import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { copyReportFonts } from '@threatloom/report';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Modules the bundle leaves to run time. `serve` starts the server's TypeScript from the
 * checkout or image it runs in (a database engine, Prisma's generated client and native
 * modules cannot be bundled), loading it through tsx's loader found there too.
 */
export const EXTERNAL = ['tsx/esm/api'];

/**
 * Bundles the CLI, core and every JS dependency into `threatloom.js` plus chunks beside
 * it, so the package installs (`npm i -g ./apps/cli`, `npm pack`) without the workspace.
 * Each command is its own chunk (see commands/index.ts): a run loads only its command.
 */
export async function buildBundle(
  outfile = path.join(packageDir, 'dist/threatloom.js'),
): Promise<string> {
  const outdir = path.dirname(outfile);
  await build({
    entryPoints: { [path.basename(outfile, '.js')]: path.join(packageDir, 'src/bin.ts') },
    outdir,
    splitting: true,
    // Chunks stay beside the entry: the report code finds its fonts/ next to its own file.
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
    // CommonJS dependencies (cli-table3) call require() for Node built-ins; an ESM bundle needs a real one.
    banner: {
      js: "import { createRequire as __tlCreateRequire } from 'node:module';\nconst require = __tlCreateRequire(import.meta.url);",
    },
  });
  // `threatloom report` embeds these fonts; the bundled report code looks for them in fonts/ beside the bundle.
  copyReportFonts(path.join(path.dirname(outfile), 'fonts'));
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildBundle(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
