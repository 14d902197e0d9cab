import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { createOriginPolicy, type OriginPolicy } from '../auth/origin-policy';
import type { Db } from '../db/open-database';
import type { AccessChange } from '../services/access/access-change';
import { commitOps, type OpResult } from '../services/ops/commit-ops';
import { applyAccessChange } from './apply-access-change';
import { authenticateSocket } from './authenticate-socket';
import { GroupCommitter } from './group-committer';
import {
  broadcastCommitted,
  DEFAULT_LIMITS,
  handleSocket,
  type RealtimeLimits,
} from './socket-session';
import { SocketRegistry } from './socket-registry';

/** Server-side event (through the adapter, so every process gets it) carrying an AccessChange. */
const ACCESS_EVENT = 'threatloom:access';

export interface AttachRealtimeOptions {
  io: Server;
  db: Db;
  logger?: Logger;
  /** Redis for socket.io's Redis Streams adapter (several server processes; `REDIS_URL`). */
  redisUrl?: string;
  /** The server's origin rule: cookie handshakes from other origins are refused (default: scheme://Host, no proxy trusted). */
  origins?: OriginPolicy;
  limits?: Partial<RealtimeLimits>;
}

export interface RealtimeStats {
  /** Transactions group commit ran, and the ops they carried. */
  batches: number;
  ops: number;
}

export interface Realtime {
  stats(): RealtimeStats;
  /**
   * Makes open sockets on every process follow an access change (revoked
   * token, ended session, membership added, changed or removed): here at
   * once, on the other processes through Redis when `REDIS_URL` is set.
   */
  notifyAccess(change: AccessChange): void;
  /** Broadcasts ops committed outside a socket (REST, generation, library) exactly as socket ops are. */
  publish(modelId: string, results: OpResult[]): void;
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
  const { redisUrl } = options;
  let redis: ReturnType<typeof createClient> | undefined;
  if (redisUrl) {
    const { host } = new URL(redisUrl);
    let connected = false;
    redis = createClient({
      url: redisUrl,
      socket: {
        // Unreachable at start: fail the start with one line (never echo the URL: it may hold a password).
        // Lost later: keep retrying, as the default strategy does.
        reconnectStrategy: (retries, cause) =>
          connected
            ? Math.min(retries * 50, 2_000)
            : new Error(`REDIS_URL: cannot connect to Redis at ${host} (${cause.message})`),
      },
    });
    redis.on('error', (err) => {
      if (connected) logger?.error({ err }, 'redis error');
    });
    await redis.connect();
    connected = true;
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
  const registry = new SocketRegistry(limits);
  const applyHere = (change: AccessChange) =>
    applyAccessChange(registry, change).catch((err: unknown) =>
      logger?.error({ err, change: change.type }, 'access change failed'),
    );
  // Access changes other processes announce (serverSideEmit never delivers to its sender).
  io.on(ACCESS_EVENT, (change: AccessChange) => void applyHere(change));
  io.use(
    authenticateSocket({
      db,
      origins: options.origins ?? createOriginPolicy({ trust: () => false, trustsProxies: false }),
      registry,
    }),
  );
  io.on('connection', (socket) =>
    handleSocket({ io, db, logger, committer, limits, registry }, socket),
  );
  return {
    stats: () => ({ ...stats }),
    notifyAccess(change) {
      void applyHere(change);
      if (!redis) return;
      try {
        io.serverSideEmit(ACCESS_EVENT, change);
      } catch (err) {
        logger?.error({ err }, 'access change not sent to the other processes');
      }
    },
    publish: (modelId, results) => broadcastCommitted(io, modelId, results),
    async close() {
      // Only this process's sockets: with the Redis adapter, io.disconnectSockets would reach every process.
      io.local.disconnectSockets(true);
      registry.close();
      await committer.idle();
      await redis?.quit().catch(() => undefined);
    },
  };
}
