import { InvalidArgumentError } from 'commander';
import { resolvePath } from '../context';
import { CliError, describeError } from '../errors';
import { loadServer } from '../io/locate-server';
import type { CliCommand } from './command';

interface ServeOpts {
  port?: string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
}

function parsePort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) > 65_535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return value;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  register(program, ctx) {
    program
      .command('serve')
      .summary('start the Threatloom server (web app, API and realtime)')
      .description(
        'Start the Threatloom server: web app, REST API and realtime collaboration on one port. ' +
          'Without --database-url (or DATABASE_URL) it keeps its data in an embedded PGlite database under --data-dir.\n\n' +
          'Options override the environment variables PORT, HOST, DATA_DIR and DATABASE_URL; the server reads the rest ' +
          '(REDIS_URL, LOG_LEVEL, …) from the environment. Needs the server from the repository or the Docker image. ' +
          'Stop it with Ctrl-C.',
      )
      .option(
        '-p, --port <port>',
        'port to listen on (env PORT, default 3000; 0 picks a free one)',
        parsePort,
      )
      .option('--host <host>', 'interface to listen on (env HOST, default 0.0.0.0)')
      .option('--data-dir <dir>', 'embedded database directory (env DATA_DIR, default ./data)')
      .option('--database-url <url>', 'PostgreSQL connection URL (env DATABASE_URL)')
      .action(async (opts: ServeOpts) => {
        const server = await loadServer();
        const env: NodeJS.ProcessEnv = {
          ...ctx.env,
          ...(opts.port !== undefined ? { PORT: opts.port } : {}),
          ...(opts.host !== undefined ? { HOST: opts.host } : {}),
          ...(opts.databaseUrl !== undefined ? { DATABASE_URL: opts.databaseUrl } : {}),
          // Relative to where the user ran the command, like every other path the CLI takes.
          DATA_DIR: resolvePath(ctx, opts.dataDir ?? ctx.env.DATA_DIR ?? './data'),
        };
        let config;
        try {
          config = server.readConfig(env);
        } catch (error) {
          throw new CliError(describeError(error));
        }
        const running = await server.createServer(config);
        await new Promise<void>((resolve, reject) => {
          running.httpServer.once('error', (error: NodeJS.ErrnoException) =>
            reject(
              new CliError(
                error.code === 'EADDRINUSE'
                  ? `port ${config.port} is already in use`
                  : describeError(error),
              ),
            ),
          );
          running.httpServer.listen(config.port, config.host, () => resolve());
        }).catch(async (error: unknown) => {
          await running.close();
          throw error;
        });
        const address = running.httpServer.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
        const where =
          running.database.kind === 'pglite' ? `embedded PGlite in ${env.DATA_DIR}` : 'PostgreSQL';
        ctx.stdout.write(
          `Threatloom is running at http://${host}:${port} (database: ${where}). Press Ctrl-C to stop.\n`,
        );
        const { description } = running.origins;
        ctx.stdout.write(`${description.charAt(0).toUpperCase()}${description.slice(1)}.\n`);

        // Until a signal arrives the open server keeps the process alive; then close cleanly.
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await running.close();
      });
  },
};
