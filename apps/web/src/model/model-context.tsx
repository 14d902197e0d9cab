import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LocalPresence, PresenceState, PresenceStore } from './presence-store';
import type { ModelState, ModelStore } from './model-store';
import type { SuggestionsState, SuggestionsStore } from './suggestions-store';

export interface ModelContextValue {
  modelId: string;
  store: ModelStore;
  presence: PresenceStore;
  /** Threat suggestions awaiting triage in this model. */
  suggestions: SuggestionsStore;
  /** This user's cursor, selection and field being edited. */
  channel: LocalPresence;
  me: { id: string; name: string };
}

export const ModelContext = createContext<ModelContextValue | null>(null);

export function useModelContext(): ModelContextValue {
  const ctx = useContext(ModelContext);
  if (!ctx) throw new Error('useModelContext outside a ModelContext provider');
  return ctx;
}

/** Subscribes to a slice of the open model's store. */
export function useModel<T>(selector: (s: ModelState) => T): T {
  return useStore(useModelContext().store, selector);
}

export function usePresence<T>(selector: (s: PresenceState) => T): T {
  return useStore(useModelContext().presence, selector);
}

export function useSuggestions<T>(selector: (s: SuggestionsState) => T): T {
  return useStore(useModelContext().suggestions, selector);
}
