import { useEffect, useState } from 'react';
import { modelRecordOf, SyncClient } from '@threatloom/core';
import { displayName } from '../api/auth';
import { getModelSummary, type ModelSummary } from '../api/models';
import { useAuth } from '../auth/auth-store';
import { createPresenceStore, LocalPresence } from './presence-store';
import { rulesForModel, useOrgRules } from '../rules/org-rules-store';
import { indexedDbPendingStore } from '../sync/pending-db';
import { connectSocket } from '../sync/socket';
import type { ModelContextValue } from './model-context';
import { createModelStore } from './model-store';
import { createSuggestionsStore } from './suggestions-store';

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
    // The organisation's enabled rules run too, minus those this model switches off.
    const suggestions = createSuggestionsStore({
      extraRules: (records) =>
        rulesForModel(
          useOrgRules.getState().entries,
          modelRecordOf(records.values()).disabledOrgRules,
        ),
    });
    // A suggestion leaves the list once the model holds it, whoever accepted it, or its element is gone.
    const unprune = store.subscribe(
      (s, prev) => s.records !== prev.records && suggestions.getState().prune(s.records),
    );
    void client.start();
    setCtx({
      modelId,
      store,
      presence,
      suggestions,
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
      unprune();
      dispose();
      client.stop();
      close();
    };
  }, [modelId, user]);

  return { ctx, summary, error };
}
