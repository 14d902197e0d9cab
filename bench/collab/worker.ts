/**
 * A benchmark client process: many socket.io clients, each joined to its
 * room, submitting patches of its own element at the phase's rate and
 * timing (a) the ack round trip and (b) remote visibility: from the sender's
 * emit to another client's receipt of the broadcast (the send time travels in
 * the op; all processes share the machine's clock).
 */
import { createRequire } from 'node:module';
import type { SeededClient } from './server';

/** The part of socket.io-client's Socket the bench uses. */
interface Socket {
  on(event: string, listener: (...args: never[]) => void): void;
  once(event: string, listener: (...args: never[]) => void): void;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  disconnect(): void;
}

// socket.io-client is a dependency of apps/server (the bench is not a package): resolve it from there.
const require = createRequire(new URL('../../apps/server/package.json', import.meta.url));
const { io } = require('socket.io-client') as { io: (url: string, options: object) => Socket };

interface PhaseCommand {
  type: 'phase';
  phase: number;
  rate: number;
  durationMs: number;
  drainMs: number;
  /** Longest wait for the acks still outstanding when the phase ends; later ones count as timeouts. */
  settleMs: number;
}

const now = () => performance.timeOrigin + performance.now();
const MAX_IN_FLIGHT = 10;
let clients: { seed: SeededClient; socket: Socket }[] = [];
let phase = -1;
let ackLatencies: number[] = [];
let visLatencies: number[] = [];
/** Per room: ops acked this phase and broadcasts of this phase's ops received (by every client, own included). */
let acked = new Map<string, number>();
let receipts = new Map<string, number>();
let rejected = 0;
let unanswered = 0;
let submitted = 0;
/** Whole run, per room: ops acked, and broadcasts of bench ops received (for the final loss count). */
const ackedTotal = new Map<string, number>();
const receiptsTotal = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

async function connect(list: SeededClient[], baseUrl: string): Promise<void> {
  clients = list.map((seed) => ({
    seed,
    socket: io(baseUrl, {
      transports: ['websocket'],
      auth: { token: seed.token },
      reconnection: false,
    }),
  }));
  await Promise.all(
    clients.map(
      ({ seed, socket }) =>
        new Promise<void>((resolve, reject) => {
          socket.once('connect_error', (err: Error) => reject(err));
          socket.once('connect', async () => {
            const ack = (await socket
              .timeout(30_000)
              .emitWithAck('join', { modelId: seed.modelId, protocolVersion: 1, batch: true })) as {
              ok: boolean;
            };
            if (!ack.ok) return reject(new Error(`join failed: ${JSON.stringify(ack)}`));
            // Batched delivery, as the web client's SyncClient asks for: one `ops` message per transaction.
            socket.on(
              'ops',
              (m: { modelId: string; ops: { op: { fields?: { name?: string } } }[] }) => {
                const at = now();
                for (const b of m.ops) {
                  const [tag, sent, from] = (b.op.fields?.name ?? '').split('|');
                  if (!tag?.startsWith('p')) continue;
                  bump(receiptsTotal, m.modelId);
                  if (tag !== `p${phase}`) continue;
                  bump(receipts, m.modelId);
                  if (from !== seed.elementId) visLatencies.push(at - Number(sent));
                }
              },
            );
            resolve();
          });
        }),
    ),
  );
}

async function runPhase(cmd: PhaseCommand): Promise<void> {
  phase = cmd.phase;
  ackLatencies = [];
  visLatencies = [];
  acked = new Map();
  receipts = new Map();
  rejected = 0;
  unanswered = 0;
  submitted = 0;
  const interval = 1000 / cmd.rate;
  const end = now() + cmd.durationMs;
  const inflight: Promise<void>[] = [];
  const timers = clients.map(({ seed, socket }) => {
    let outstanding = 0;
    const tick = () => {
      if (now() >= end) return;
      // Backpressure, like an editor that shows "saving…": a client with MAX_IN_FLIGHT unanswered ops skips its turn.
      if (outstanding >= MAX_IN_FLIGHT) {
        timer = setTimeout(tick, interval);
        return;
      }
      outstanding++;
      const sent = now();
      submitted++;
      const op = {
        type: 'patch',
        id: seed.elementId,
        fields: { name: `p${cmd.phase}|${sent}|${seed.elementId}` },
      };
      inflight.push(
        socket
          .timeout(15_000)
          .emitWithAck('submit', {
            modelId: seed.modelId,
            opId: `${seed.elementId}-${cmd.phase}-${sent}`,
            op,
          })
          .then(
            (answer) => {
              const ack = answer as { ok: boolean };
              if (ack.ok) {
                ackLatencies.push(now() - sent);
                bump(acked, seed.modelId);
                bump(ackedTotal, seed.modelId);
              } else rejected++;
            },
            () => void unanswered++,
          )
          .finally(() => outstanding--),
      );
      timer = setTimeout(tick, interval);
    };
    let timer = setTimeout(tick, Math.random() * interval);
    return () => clearTimeout(timer);
  });
  await new Promise((r) => setTimeout(r, cmd.durationMs));
  timers.forEach((stop) => stop());
  let settled = false;
  await Promise.race([
    Promise.all(inflight).then(() => (settled = true)),
    new Promise((r) => setTimeout(r, cmd.settleMs)),
  ]);
  await new Promise((r) => setTimeout(r, cmd.drainMs));
  const outstanding = settled ? 0 : inflight.length - ackLatencies.length - rejected - unanswered;
  process.send!({
    type: 'result',
    submitted,
    ackLatencies,
    visLatencies,
    acked: [...acked],
    receipts: [...receipts],
    rejected,
    unanswered: unanswered + Math.max(0, outstanding),
  });
}

process.on('message', async (msg: { type: string } & Record<string, unknown>) => {
  if (msg.type === 'connect') {
    await connect(msg.clients as SeededClient[], msg.baseUrl as string);
    process.send!({ type: 'connected' });
  } else if (msg.type === 'phase') await runPhase(msg as unknown as PhaseCommand);
  else if (msg.type === 'final') {
    // Wait until broadcasts stop arriving (at most 5 s), then report the run's totals.
    let last = -1;
    for (let i = 0; i < 25; i++) {
      const total = [...receiptsTotal.values()].reduce((a, b) => a + b, 0);
      if (total === last) break;
      last = total;
      await new Promise((r) => setTimeout(r, 200));
    }
    process.send!({ type: 'totals', acked: [...ackedTotal], receipts: [...receiptsTotal] });
  } else if (msg.type === 'stop') {
    for (const c of clients) c.socket.disconnect();
    process.exit(0);
  }
});
// If run.ts dies (Ctrl-C, a timeout), do not linger as an orphan.
process.on('disconnect', () => process.exit(0));
process.send!({ type: 'up' });
