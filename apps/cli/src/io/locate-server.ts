import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server as HttpServer } from 'node:http';
import { CliError } from '../errors';

/** The part of apps/server the CLI starts: `src/config.ts` and `src/create-server.ts`. */
interface ServerModule {
  readConfig(env: NodeJS.ProcessEnv): {
    port: number;
    host: string;
    databaseUrl?: string;
    dataDir?: string;
  };
  createServer(config: object): Promise<{
    httpServer: HttpServer;
    database: { kind: string };
    /** The origin rule REST writes and sockets share; `description` says which origin browsers must use. */
    origins: { description: string };
    close(): Promise<void>;
  }>;
}

const SERVER_SRC = path.join('apps', 'server', 'src');

/**
 * Finds the server next to this CLI: the CLI runs from apps/cli/src (tsx) or
 * apps/cli/dist (bundle) inside a checkout or the Docker image, so the server is
 * up the tree at apps/server/src. A standalone `npm i -g` install has none.
 */
function findServerSrc(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, SERVER_SRC);
    if (existsSync(path.join(candidate, 'create-server.ts'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Loads the server's TypeScript modules, registering tsx's loader first when running from the bundle. */
export async function loadServer(): Promise<ServerModule> {
  const here = fileURLToPath(import.meta.url);
  const src = findServerSrc(path.dirname(here));
  if (!src) {
    throw new CliError(
      'serve needs the Threatloom server, which ships with the repository and the Docker image, not with this package: run `pnpm threatloom serve` in a checkout or `docker compose up`',
    );
  }
  // Under tsx (pnpm threatloom) TypeScript already loads; the bundle is plain JavaScript.
  if (!here.endsWith('.ts')) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const [config, server] = await Promise.all([
    import(pathToFileURL(path.join(src, 'config.ts')).href) as Promise<
      Pick<ServerModule, 'readConfig'>
    >,
    import(pathToFileURL(path.join(src, 'create-server.ts')).href) as Promise<
      Pick<ServerModule, 'createServer'>
    >,
  ]);
  return { readConfig: config.readConfig, createServer: server.createServer };
}
