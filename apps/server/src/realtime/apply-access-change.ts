import { SYNC_EVENTS, type MembershipChange } from '@threatloom/core';
import type { AccessChange } from '../services/access/access-change';
import type { SocketData } from './authenticate-socket';
import type { SocketRegistry } from './socket-registry';

/**
 * Makes this process's sockets follow an access change: sockets opened with a
 * revoked token or an ended session are disconnected; a user removed from a
 * model has their sockets taken out of its rooms (no more ops, no presence)
 * before they are told; every socket of the user gets `membership`, so open
 * pages and dashboards update without a reload. Role changes need nothing
 * more here: each op's role is checked in its commit transaction.
 */
export async function applyAccessChange(
  registry: SocketRegistry,
  change: AccessChange,
): Promise<void> {
  const sockets = registry.socketsOf(change.userId);
  switch (change.type) {
    case 'token-revoked':
    case 'session-ended':
      for (const socket of sockets) {
        const { auth, control } = socket.data as SocketData;
        const id = change.type === 'token-revoked' ? auth.tokenId : auth.sessionId;
        if (id !== (change.type === 'token-revoked' ? change.tokenId : change.sessionId)) continue;
        if (control) control.end();
        else socket.disconnect(true);
      }
      return;
    case 'membership': {
      const message: MembershipChange = { modelId: change.modelId, role: change.role };
      await Promise.all(
        sockets.map(async (socket) => {
          const data = socket.data as SocketData;
          if (change.role === null) await data.control?.dropModel(change.modelId);
          socket.emit(SYNC_EVENTS.membership, message);
        }),
      );
      return;
    }
  }
}
