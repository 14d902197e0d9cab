/**
 * Run as its own process by report-worker.int.test.ts: starts a server, renders
 * one report (so a worker thread exists), closes the server and prints the
 * status. It never calls process.exit: the process ends only if close() left
 * no worker thread or other handle running.
 */
import { createServer } from '../../src/create-server';
import { signedIn } from './client';
import { reportModel } from './report-model';

const server = await createServer({ logLevel: 'silent', dataDir: 'memory://' });
await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}`;
const owner = await signedIn(base);
const imported = await owner.post('/api/models/import', reportModel(20));
const res = await fetch(`${base}/api/models/${imported.body.id}/report.pdf`, {
  headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
});
const bytes = new Uint8Array(await res.arrayBuffer());
await server.close();
console.log(
  JSON.stringify({ status: res.status, pdf: new TextDecoder().decode(bytes.subarray(0, 5)) }),
);
