import { useEffect, useMemo, useState } from 'react';
import type { ModelRecord, Rule } from '@threatloom/core';
import { useAuth } from '../auth/auth-store';
import { listModels, type ModelSummary } from '../api/models';
import {
  deleteOrgRule,
  getModelRecords,
  importOrgRules,
  ORG_RULES_EXPORT_URL,
  saveOrgRule,
  setOrgRuleEnabled,
} from '../api/rules';
import { useOrgRules } from '../rules/org-rules-store';
import { checkRuleText, previewRule } from '../rules/rule-preview';

/** A starting point for a new rule: valid as it stands, so the editor opens without errors. */
const TEMPLATE = JSON.stringify(
  {
    id: 'org.example-rule',
    pack: 'org',
    methodology: 'stride',
    category: 'tampering',
    targets: ['process'],
    condition: { prop: 'name', contains: ['payment'] },
    title: 'Payment services must sign their requests',
    description:
      'Our payment standard requires every request between payment services to be signed.',
    mitigations: [
      { title: 'Sign requests', description: 'HMAC-sign requests with a per-service key.' },
    ],
    severity: 'high',
    references: [{ kind: 'cwe', id: 'CWE-345' }],
  },
  null,
  2,
);

/** The instance's organisation rules: list, switch, edit with live validation and preview, import and export. */
export function RulesPage() {
  const isAdmin = useAuth((s) => s.user?.isAdmin === true);
  const entries = useOrgRules((s) => s.entries);
  const load = useOrgRules((s) => s.load);
  const [text, setText] = useState(TEMPLATE);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const check = useMemo(() => checkRuleText(text), [text]);

  const act = async (what: () => Promise<string>) => {
    try {
      setMessage(await what());
      await load();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  return (
    <main className="rules-page">
      <h1>Organisation rules</h1>
      <p>
        Rules in the same JSON shape as the built-in packs. Enabled rules run beside the built-in
        ones in the editor, the API&apos;s generate route and{' '}
        <code>threatloom generate --rules</code>; a model can switch any of them off on its
        Overview.
        {!isAdmin && ' Only an instance admin can change them.'}
      </p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <table className="grid" aria-label="Organisation rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Applies to</th>
            <th scope="col">Severity</th>
            <th scope="col">Enabled</th>
            {isAdmin && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={5}>No organisation rules yet.</td>
            </tr>
          )}
          {entries.map(({ rule, enabled }) => (
            <tr key={rule.id}>
              <td>
                <strong>{rule.title}</strong>
                <br />
                <code>{rule.id}</code>
              </td>
              <td>
                {rule.targets.join(', ')} ({rule.methodology})
              </td>
              <td>{rule.severity}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Enabled: ${rule.title}`}
                  checked={enabled}
                  disabled={!isAdmin}
                  onChange={(e) => {
                    const on = e.target.checked;
                    void act(async () => {
                      await setOrgRuleEnabled(rule, on);
                      return `${rule.id} ${on ? 'enabled' : 'disabled'}.`;
                    });
                  }}
                />
              </td>
              {isAdmin && (
                <td>
                  <button type="button" onClick={() => setText(JSON.stringify(rule, null, 2))}>
                    Edit {rule.id}
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() =>
                      void act(async () => {
                        await deleteOrgRule(rule.id);
                        return `${rule.id} deleted.`;
                      })
                    }
                  >
                    Delete {rule.id}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={ORG_RULES_EXPORT_URL} download="threatloom-rules.json">
          Export rules (JSON)
        </a>
        {isAdmin && (
          <>
            {' · '}
            <label>
              Import rules file{' '}
              <input
                type="file"
                accept=".json,application/json"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file)
                    void act(async () => {
                      const { created, updated } = await importOrgRules(await file.text());
                      return `Imported: ${created} new, ${updated} replaced.`;
                    });
                }}
              />
            </label>
          </>
        )}
      </p>
      {isAdmin && (
        <section aria-labelledby="rule-editor">
          <h2 id="rule-editor">Rule editor</h2>
          <label htmlFor="rule-json">Rule (JSON)</label>
          <textarea
            id="rule-json"
            className="rule-json"
            spellCheck={false}
            rows={22}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {check.ok ? (
            <p role="status">Valid rule.</p>
          ) : (
            <ul aria-label="Problems" className="problems">
              {check.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path || '(rule)'}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            disabled={!check.ok}
            onClick={() =>
              check.ok &&
              void act(async () => {
                await saveOrgRule(check.rule);
                return `${check.rule.id} saved.`;
              })
            }
          >
            Save rule
          </button>
          {check.ok && <RulePreview rule={check.rule} />}
        </section>
      )}
    </main>
  );
}

/** Which elements of a chosen model the rule being edited fires on, computed in the browser. */
function RulePreview({ rule }: { rule: Rule }) {
  const [models, setModels] = useState<ModelSummary[]>([]);
  const [modelId, setModelId] = useState('');
  const [records, setRecords] = useState<ModelRecord[] | null>(null);
  useEffect(() => {
    void listModels().then(setModels, () => setModels([]));
  }, []);
  useEffect(() => {
    setRecords(null);
    if (modelId) void getModelRecords(modelId).then(setRecords, () => setRecords([]));
  }, [modelId]);
  const matches = useMemo(() => (records ? previewRule(records, rule) : null), [records, rule]);
  return (
    <div className="rule-preview">
      <label>
        Preview against model{' '}
        <select value={modelId} onChange={(e) => setModelId(e.target.value)}>
          <option value="">Choose a model…</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      {matches && (
        <>
          <p role="status">
            {matches.length === 0
              ? 'Matches no element of this model.'
              : `Matches ${matches.length} element${matches.length === 1 ? '' : 's'}.`}
          </p>
          <ul aria-label="Matching elements">
            {matches.map((m) => (
              <li key={m.elementId}>
                {m.name} ({m.typeName})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
