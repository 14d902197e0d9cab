/**
 * Entry point: `pnpm --filter @threatloom/server start` (or `pnpm start` at the
 * root, which builds the web app first). Configuration comes from the
 * environment; see docs/api.md.
 */
import { readConfig } from './config';
import { createServer } from './create-server';

const config = readConfig(process.env);
const server = await createServer(config);
server.httpServer.listen(config.port, config.host, () => {
  server.logger.info(
    { port: config.port, database: server.database.kind },
    `Threatloom listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
  );
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
