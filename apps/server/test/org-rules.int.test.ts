import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn } from './helpers/client';
import { modelWithFlow } from './helpers/fixtures';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

/** An organisation rule on web applications, in the built-in packs' shape. */
const webRule = {
  id: 'acme.web-session-binding',
  pack: 'acme',
  methodology: 'stride',
  category: 'spoofing',
  targets: ['process'],
  condition: { prop: 'isWebApplication', equals: true },
  title: 'ACME: bind web sessions to the device',
  description: 'ACME standard 4.2 requires device-bound session tokens.',
  mitigations: [{ title: 'Bind sessions', description: 'Use DPoP-bound tokens.' }],
  severity: 'high',
};

const ruleIdsOf = (body: { threats?: { ruleId: string | null }[] }) =>
  (body.threats ?? []).map((t) => t.ruleId);

describe.each(DB_KINDS)('organisation rules on %s', (kind) => {
  let t: TestServer;
  let admin: Client;
  let member: Client;
  beforeAll(async () => {
    t = await startTestServer(kind);
    admin = await signedIn(t.base, 'admin'); // the first account is the instance admin
    member = await signedIn(t.base, 'member');
  });
  afterAll(() => t?.stop());

  it('only an admin changes rules; every signed-in user reads them', async () => {
    expect((await member.post('/api/rules', { rule: webRule })).status).toBe(403);
    const created = await admin.post('/api/rules', { rule: webRule });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ rule: { id: webRule.id, supersedes: [] }, enabled: true });
    const listed = await member.get('/api/rules');
    expect(listed.status).toBe(200);
    expect(listed.body.rules.map((e: { rule: { id: string } }) => e.rule.id)).toEqual([webRule.id]);
    expect((await member.delete(`/api/rules/${webRule.id}`)).status).toBe(403);
    expect((await member.post('/api/rules/import', { rules: [] })).status).toBe(403);
  });

  it('refuses a malformed rule naming the path, and stores nothing', async () => {
    const bad = await admin.post('/api/rules', {
      rule: { ...webRule, id: 'acme.bad', condition: { prop: 'colour', equals: 'red' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toMatch(/^rule\.condition/);
    const clash = await admin.put('/api/rules/stride.process.spoofing', {
      rule: { ...webRule, id: 'stride.process.spoofing' },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toMatch(/built-in/);
    const ids = (await admin.get('/api/rules')).body.rules.map(
      (e: { rule: { id: string } }) => e.rule.id,
    );
    expect(ids).not.toContain('acme.bad');
    expect(ids).not.toContain('stride.process.spoofing');
  });

  it('runs enabled rules in the generate route, and not when the model switches them off', async () => {
    const m = await modelWithFlow(admin, 'Org rules shop');
    const suggested = await admin.post(`/api/models/${m.id}/suggestions`, {});
    expect(
      suggested.body.suggestions
        .filter((s: { ruleId: string }) => s.ruleId === webRule.id)
        .map((s: { elementId: string }) => s.elementId),
    ).toEqual([m.processId]);

    // Switched off for this model: neither suggested nor generated.
    const off = await modelWithFlow(admin, 'Opted out');
    const patched = await admin.patch(`/api/models/${off.id}`, { disabledOrgRules: [webRule.id] });
    expect(patched.status).toBe(200);
    const offGenerated = await admin.post(`/api/models/${off.id}/generate`, {});
    expect(offGenerated.status).toBe(200);
    expect(ruleIdsOf(offGenerated.body)).not.toContain(webRule.id);
    expect(ruleIdsOf(offGenerated.body).length).toBeGreaterThan(0);

    const generated = await admin.post(`/api/models/${m.id}/generate`, {});
    expect(generated.status).toBe(200);
    expect(ruleIdsOf(generated.body)).toContain(webRule.id);

    // Switched off instance-wide: gone from new generations everywhere.
    const disabled = await admin.put(`/api/rules/${webRule.id}`, { rule: webRule, enabled: false });
    expect(disabled.body.enabled).toBe(false);
    const again = await modelWithFlow(admin, 'After disabling');
    expect(
      ruleIdsOf((await admin.post(`/api/models/${again.id}/generate`, {})).body),
    ).not.toContain(webRule.id);
    await admin.put(`/api/rules/${webRule.id}`, { rule: webRule, enabled: true });
  });

  it('exports a rules file that imports back, all or nothing', async () => {
    const exported = await admin.get('/api/rules/export');
    expect(exported.status).toBe(200);
    expect(exported.body.rules.map((r: { id: string }) => r.id)).toContain(webRule.id);

    const second = {
      ...webRule,
      id: 'acme.queue-signing',
      targets: ['store'],
      condition: { prop: 'name', contains: ['queue'] },
    };
    const badFile = { rules: [second, { ...second, id: 'acme.broken', severity: 'huge' }] };
    const refused = await admin.post('/api/rules/import', badFile);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].path).toBe('rules[1].severity');
    expect((await admin.get('/api/rules')).body.rules).toHaveLength(1);

    const imported = await admin.post('/api/rules/import', {
      rules: [...exported.body.rules, second],
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ created: 1, updated: 1 });
    expect((await admin.delete(`/api/rules/${second.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/rules/${second.id}`)).status).toBe(404);
  });
});
