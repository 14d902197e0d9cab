import type { ModelRecord, Rule } from '@threatloom/core';
import { api } from './http';

/** One organisation rule as `GET /api/rules` lists it. */
export interface OrgRuleEntry {
  rule: Rule;
  enabled: boolean;
  updatedAt: string;
}

export async function listOrgRules(): Promise<OrgRuleEntry[]> {
  return (await api<{ rules: OrgRuleEntry[] }>('GET', '/api/rules')).rules;
}

/** Creates or replaces a rule (admins); the server validates it with core's ZRule too. */
export async function saveOrgRule(rule: unknown, enabled?: boolean): Promise<OrgRuleEntry> {
  return api<OrgRuleEntry>('POST', '/api/rules', {
    rule,
    ...(enabled === undefined ? {} : { enabled }),
  });
}

export async function setOrgRuleEnabled(rule: Rule, enabled: boolean): Promise<OrgRuleEntry> {
  return api<OrgRuleEntry>('PUT', `/api/rules/${encodeURIComponent(rule.id)}`, { rule, enabled });
}

export async function deleteOrgRule(id: string): Promise<void> {
  await api('DELETE', `/api/rules/${encodeURIComponent(id)}`);
}

/** Imports a rules file's JSON text (`{ rules: [...] }`), all or nothing. */
export async function importOrgRules(
  jsonText: string,
): Promise<{ created: number; updated: number }> {
  return api('POST', '/api/rules/import', undefined, { rawJson: jsonText });
}

export const ORG_RULES_EXPORT_URL = '/api/rules/export';

/** Every record of a model (for previewing a rule against it). */
export async function getModelRecords(id: string): Promise<ModelRecord[]> {
  return (await api<{ records: ModelRecord[] }>('GET', `/api/models/${encodeURIComponent(id)}`))
    .records;
}
