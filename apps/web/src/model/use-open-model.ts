import { useEffect, useState } from 'react';
import { SyncClient } from '@threatloom/core';
import { displayName } from '../api/auth';
import { getModelSummary, type ModelSummary } from '../api/models';
import { useAuth } from '../auth/auth-store';
import { createPresenceStore, LocalPresence } from '../collab/presence-store';
import { useSuggestions } from '../panels/suggestions-store';
import { indexedDbPendingStore } from '../sync/pending-db';
import { connectSocket } from '../sync/socket';
import type { ModelContextValue } from './model-context';
import { createModelStore } from './model-store';

const pendingStore = indexedDbPendingStore();

/** Opens a model: reads its summary (your role), then joins its room through core's sync engine while mounted. */
export function useOpenModel(modelId: string): {
  ctx: ModelContextValue | null;
  summary: ModelSummary | null;
  error: string | null;
} {
  const user = useAuth((s) => s.user);
  const [summary, setSummary] = useState<ModelSummary | null>(null);
  const [ctx, setCtx] = useState<ModelContextValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    // Join the room at once and read the summary (title, your role) beside it: the snapshot does not wait for REST.
    const { socket, close } = connectSocket();
    const client = new SyncClient({ modelId, transport: socket, store: pendingStore });
    const { store, dispose } = createModelStore(client);
    const presence = createPresenceStore(client);
    // Suggestions belong to the model they were made for.
    useSuggestions.setState({ byElement: {}, dismissed: new Set() });
    void client.start();
    setCtx({
      modelId,
      store,
      presence,
      channel: new LocalPresence(client),
      me: { id: user.id, name: displayName(user) },
    });
    let cancelled = false;
    getModelSummary(modelId).then(
      (s) => {
        if (cancelled) return;
        store.getState().grantRole(s.role);
        setSummary(s);
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
      dispose();
      client.stop();
      close();
    };
  }, [modelId, user]);

  return { ctx, summary, error };
}
