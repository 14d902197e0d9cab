import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Db } from '../db/open-database';
import { commitOps } from '../services/ops/commit-ops';
import { authenticateSocket } from './authenticate-socket';
import { GroupCommitter } from './group-committer';
import {
  broadcastCommitted,
  DEFAULT_LIMITS,
  handleSocket,
  type RealtimeLimits,
} from './socket-session';

export interface AttachRealtimeOptions {
  io: Server;
  db: Db;
  logger?: Logger;
  /** Redis for socket.io's Redis Streams adapter (several server processes); defaults to `REDIS_URL`. */
  redisUrl?: string;
  /** Origin browsers use when a proxy rewrites Host (cookie handshakes from other origins are refused). */
  publicOrigin?: string;
  limits?: Partial<RealtimeLimits>;
}

export interface RealtimeStats {
  /** Transactions group commit ran, and the ops they carried. */
  batches: number;
  ops: number;
}

export interface Realtime {
  stats(): RealtimeStats;
  /** Disconnects every socket, waits for commits in flight, closes Redis. */
  close(): Promise<void>;
}

/**
 * Attaches the sync protocol (packages/core/src/sync/protocol.ts) to a
 * socket.io server: handshake authentication, then per socket the join /
 * submit / submitBatch / presence / leave handlers. With a Redis URL, rooms
 * span processes through the Redis Streams adapter; PostgreSQL still orders
 * every op (commitOps locks the model row).
 */
export async function attachRealtime(options: AttachRealtimeOptions): Promise<Realtime> {
  const { io, db, logger } = options;
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  let redis: ReturnType<typeof createClient> | undefined;
  if (redisUrl) {
    redis = createClient({ url: redisUrl });
    redis.on('error', (err) => logger?.error({ err }, 'redis error'));
    await redis.connect();
    io.adapter(createAdapter(redis));
  }
  const stats: RealtimeStats = { batches: 0, ops: 0 };
  const committer = new GroupCommitter(
    (modelId, ops) => commitOps({ db, modelId, actor: ops[0]?.actor ?? '', ops }),
    {
      onCommitted: (modelId, results) => {
        stats.batches += 1;
        stats.ops += results.length;
        broadcastCommitted(io, modelId, results);
      },
    },
  );
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  io.use(authenticateSocket({ db, publicOrigin: options.publicOrigin }));
  io.on('connection', (socket) => handleSocket({ io, db, logger, committer, limits }, socket));
  return {
    stats: () => ({ ...stats }),
    async close() {
      // Only this process's sockets: with the Redis adapter, io.disconnectSockets would reach every process.
      io.local.disconnectSockets(true);
      await committer.idle();
      await redis?.quit().catch(() => undefined);
    },
  };
}
