import { create } from 'zustand';
import { generateThreats, modelRecordOf, type RecordMap, type Suggestion } from '@threatloom/core';
import { rulesForModel, useOrgRules } from '../rules/org-rules-store';

interface SuggestionsState {
  /** Suggestions not yet accepted or dismissed, by element id. */
  byElement: Record<string, Suggestion[]>;
  /** Rule keys this user dismissed; a re-run does not show them again. */
  dismissed: Set<string>;
  generate: (records: RecordMap, diagramId: string, elementIds?: string[]) => number;
  dismiss: (ruleKeys: readonly string[]) => void;
  /** Forgets suggestions (accepted ones leave the list). */
  drop: (ruleKeys: readonly string[]) => void;
}

/**
 * Engine suggestions awaiting triage. The engine is core's pure
 * `generateThreats`, run in the browser, so suggesting needs no round trip;
 * accepting turns them into ops with `mergeSuggestions`.
 */
export const useSuggestions = create<SuggestionsState>()((set, get) => ({
  byElement: {},
  dismissed: new Set(),
  generate: (records, diagramId, elementIds) => {
    const taken = new Set<string>();
    for (const r of records.values())
      if (r.typeName === 'threat' && r.ruleKey) taken.add(r.ruleKey);
    // The organisation's enabled rules run too, minus those this model switches off.
    const extraRules = rulesForModel(
      useOrgRules.getState().entries,
      modelRecordOf(records.values()).disabledOrgRules,
    );
    const fresh = generateThreats(
      records.values(),
      elementIds ? { diagramId, elementIds, extraRules } : { diagramId, extraRules },
    ).filter((s) => !taken.has(s.ruleKey) && !get().dismissed.has(s.ruleKey));
    const byElement: Record<string, Suggestion[]> = elementIds ? { ...get().byElement } : {};
    for (const id of elementIds ?? []) delete byElement[id];
    for (const s of fresh) (byElement[s.elementId] ??= []).push(s);
    set({ byElement });
    return fresh.length;
  },
  dismiss: (keys) => {
    const dismissed = new Set(get().dismissed);
    for (const k of keys) dismissed.add(k);
    set({ dismissed });
    get().drop(keys);
  },
  drop: (keys) => {
    const gone = new Set(keys);
    const byElement: Record<string, Suggestion[]> = {};
    for (const [id, list] of Object.entries(get().byElement)) {
      const kept = list.filter((s) => !gone.has(s.ruleKey));
      if (kept.length) byElement[id] = kept;
    }
    set({ byElement });
  },
}));

const EMPTY: Suggestion[] = [];
export const suggestionsFor = (id: string) => (s: SuggestionsState) => s.byElement[id] ?? EMPTY;
export const selectSuggestionCount = (s: SuggestionsState) =>
  Object.values(s.byElement).reduce((n, l) => n + l.length, 0);
