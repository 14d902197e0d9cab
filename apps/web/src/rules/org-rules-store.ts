import { useEffect } from 'react';
import { create } from 'zustand';
import type { Rule } from '@threatloom/core';
import { listOrgRules, type OrgRuleEntry } from '../api/rules';

interface OrgRulesState {
  entries: OrgRuleEntry[];
  loaded: boolean;
  /** Fetches the instance's rules (again); failures leave the last list. */
  load: () => Promise<void>;
}

/**
 * The organisation's rules, shared by every open model: the editor runs the
 * enabled ones beside the built-in packs, exactly as the server's generate
 * route does.
 */
export const useOrgRules = create<OrgRulesState>()((set) => ({
  entries: [],
  loaded: false,
  load: async () => {
    try {
      set({ entries: await listOrgRules(), loaded: true });
    } catch {
      set({ loaded: true });
    }
  },
}));

/** Enabled organisation rules minus those a model switches off. */
export function rulesForModel(
  entries: readonly OrgRuleEntry[],
  disabled: readonly string[],
): Rule[] {
  const off = new Set(disabled);
  return entries.filter((e) => e.enabled && !off.has(e.rule.id)).map((e) => e.rule);
}

/** Loads the organisation's rules once when a page that runs the engine mounts. */
export function useLoadOrgRules(): void {
  const load = useOrgRules((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
}
