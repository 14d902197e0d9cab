import { useEffect, useState } from 'react';
import { SyncClient } from '@threatloom/core';
import { displayName } from '../api/auth';
import { getModel, type ModelSummary } from '../api/models';
import { useAuth } from '../auth/auth-store';
import { createPresenceStore, LocalPresence } from '../collab/presence-store';
import { useSuggestions } from '../panels/suggestions-store';
import { indexedDbPendingStore } from '../sync/pending-db';
import { connectSocket } from '../sync/socket';
import type { ModelContextValue } from './model-context';
import { createModelStore } from './model-store';

const pendingStore = indexedDbPendingStore();

/** Opens a model: reads its summary (your role), then joins its room through core's sync engine while mounted. */
export function useOpenModel(modelId: string): { ctx: ModelContextValue | null; summary: ModelSummary | null; error: string | null } {
  const user = useAuth((s) => s.user);
  const [summary, setSummary] = useState<ModelSummary | null>(null);
  const [ctx, setCtx] = useState<ModelContextValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    let cancelled = false;
    let teardown: (() => void) | null = null;
    getModel(modelId).then(
      (s) => {
        if (cancelled) return;
        const { socket, close } = connectSocket();
        const client = new SyncClient({ modelId, transport: socket, store: pendingStore });
        const { store, dispose } = createModelStore(client, s.role);
        const presence = createPresenceStore(client);
        // Suggestions belong to the model they were made for.
        useSuggestions.setState({ byElement: {}, dismissed: new Set() });
        void client.start();
        setSummary(s);
        setCtx({ modelId, store, presence, channel: new LocalPresence(client), me: { id: user.id, name: displayName(user) } });
        teardown = () => {
          dispose();
          client.stop();
          close();
        };
      },
      (e: Error) => !cancelled && setError(e.message),
    );
    return () => {
      cancelled = true;
      teardown?.();
    };
  }, [modelId, user]);

  return { ctx, summary, error };
}
