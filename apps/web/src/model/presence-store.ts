import type { Peer as SyncPeer, PresenceState as WirePresence, SyncClient } from '@threatloom/core';
import { createStore } from 'zustand/vanilla';

/** Another person in the model, as the UI shows them. */
export interface Peer {
  key: string;
  userId: string;
  name: string;
  color: string;
  state: WirePresence;
}

export interface PresenceState {
  peers: Record<string, Peer>;
}

/** A stable colour per user, so a person keeps theirs across reloads and tabs. */
function colorFor(key: string): string {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 70% 40%)`;
}

export type PresenceStore = ReturnType<typeof createPresenceStore>;

/** Kept apart from the model store so cursor traffic at 30 Hz never re-renders the diagram. */
export function createPresenceStore(client: SyncClient) {
  const store = createStore<PresenceState>()(() => ({ peers: {} }));
  client.on('presence', (peers: ReadonlyMap<string, SyncPeer>) => {
    const next: Record<string, Peer> = {};
    for (const [key, p] of peers)
      next[key] = {
        key,
        userId: p.user.id,
        name: p.user.name,
        color: colorFor(p.user.id),
        state: p.state,
      };
    store.setState({ peers: next });
  });
  return store;
}

/**
 * This user's presence. Core's `setPresence` replaces the whole state, so the
 * pieces (cursor, selection, field being edited) are merged here first.
 */
export class LocalPresence {
  private state: Partial<WirePresence> = {};
  constructor(private readonly client: SyncClient) {}

  set(patch: Partial<WirePresence>): void {
    this.state = { ...this.state, ...patch };
    this.client.setPresence(this.state);
  }
}
