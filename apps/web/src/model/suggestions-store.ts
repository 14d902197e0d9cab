import {
  generateThreats,
  mergeSuggestions,
  type Op,
  type RecordMap,
  type Rule,
  type Suggestion,
} from '@threatloom/core';
import { createStore } from 'zustand/vanilla';

export interface SuggestionsState {
  /** Suggestions not yet accepted or dismissed, by element id. */
  byElement: Record<string, Suggestion[]>;
  /** Rule keys this user dismissed; a re-run does not show them again. */
  dismissed: Set<string>;
  /** How many the last run found, until the next accept or dismiss (for "no new threats"). */
  lastRun: number | null;
  /** Runs the engine on the diagram (or some of its elements); returns how many are new. */
  generate: (records: RecordMap, diagramId: string, elementIds?: string[]) => number;
  /** The ops that add these suggestions as threats; they leave the list. */
  accept: (records: RecordMap, items: readonly Suggestion[]) => Op[];
  dismiss: (ruleKeys: readonly string[]) => void;
  /** Drops what the model now holds (a colleague accepted it) or no longer can (the element is gone). */
  prune: (records: RecordMap) => void;
}

export type SuggestionsStore = ReturnType<typeof createSuggestionsStore>;

/**
 * Engine suggestions awaiting triage, one store per open model (like the
 * model and presence stores), so suggestions never leak into another model.
 * The engine is core's pure `generateThreats`, run in the browser, so
 * suggesting needs no round trip; accepting turns them into ops with
 * `mergeSuggestions`.
 */
export function createSuggestionsStore(
  options: {
    /** Rules to run beside the built-in packs (the organisation's, minus those the model switches off). */
    extraRules?: (records: RecordMap) => Rule[];
  } = {},
) {
  const store = createStore<SuggestionsState>()((set, get) => {
    const keep = (
      byElement: Record<string, Suggestion[]>,
      test: (s: Suggestion) => boolean,
    ): Record<string, Suggestion[]> => {
      const next: Record<string, Suggestion[]> = {};
      for (const [id, list] of Object.entries(byElement)) {
        const kept = list.filter(test);
        if (kept.length) next[id] = kept;
      }
      return next;
    };
    const drop = (keys: readonly string[]) => {
      const gone = new Set(keys);
      set({ byElement: keep(get().byElement, (s) => !gone.has(s.ruleKey)), lastRun: null });
    };
    return {
      byElement: {},
      dismissed: new Set(),
      lastRun: null,
      generate: (records, diagramId, elementIds) => {
        const taken = takenKeys(records);
        const extraRules = options.extraRules?.(records) ?? [];
        const fresh = generateThreats(
          records.values(),
          elementIds ? { diagramId, elementIds, extraRules } : { diagramId, extraRules },
        ).filter((s) => !taken.has(s.ruleKey) && !get().dismissed.has(s.ruleKey));
        const byElement: Record<string, Suggestion[]> = elementIds ? { ...get().byElement } : {};
        for (const id of elementIds ?? []) delete byElement[id];
        for (const s of fresh) (byElement[s.elementId] ??= []).push(s);
        set({ byElement, lastRun: fresh.length });
        return fresh.length;
      },
      accept: (records, items) => {
        const ops = mergeSuggestions(records.values(), items);
        drop(items.map((s) => s.ruleKey));
        return ops;
      },
      dismiss: (keys) => {
        const dismissed = new Set(get().dismissed);
        for (const k of keys) dismissed.add(k);
        set({ dismissed });
        drop(keys);
      },
      prune: (records) => {
        const { byElement } = get();
        if (Object.keys(byElement).length === 0) return;
        const taken = takenKeys(records);
        const next = keep(byElement, (s) => records.has(s.elementId) && !taken.has(s.ruleKey));
        if (count(next) !== count(byElement)) set({ byElement: next });
      },
    };
  });
  return store;
}

function takenKeys(records: RecordMap): Set<string> {
  const taken = new Set<string>();
  for (const r of records.values()) if (r.typeName === 'threat' && r.ruleKey) taken.add(r.ruleKey);
  return taken;
}

const count = (byElement: Record<string, Suggestion[]>) =>
  Object.values(byElement).reduce((n, l) => n + l.length, 0);

const EMPTY: Suggestion[] = [];
export const suggestionsFor = (id: string) => (s: SuggestionsState) => s.byElement[id] ?? EMPTY;
export const selectSuggestionCount = (s: SuggestionsState) => count(s.byElement);
