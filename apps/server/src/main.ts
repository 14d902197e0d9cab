/**
 * Entry point: `pnpm --filter @threatloom/server start` (or `pnpm start` at the
 * root, which builds the web app first). Configuration comes from the
 * environment; see docs/api.md.
 */
import { ConfigError, readConfig, type Config } from './config';
import { createServer } from './create-server';

let config: Config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // One line naming the setting and the problem, no stack trace.
  process.stderr.write(`threatloom: ${error.message}\n`);
  process.exit(1);
}
const server = await createServer(config).catch((error: unknown) => {
  // A dependency the configuration names (PostgreSQL, Redis) cannot be used: one line, then stop.
  process.stderr.write(
    `threatloom: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
server.httpServer.listen(config.port, config.host, () => {
  server.logger.info(
    { port: config.port, database: server.database.kind },
    `Threatloom listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
  );
  // Which Origin REST writes and socket handshakes accept (auth/origin-policy.ts).
  server.logger.info(server.origins.description);
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
