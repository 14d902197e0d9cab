import { parseNativeDocument } from '@threatloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, tokenOf } from './helpers/client';
import { modelWithFlow } from './helpers/fixtures';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

describe.each(DB_KINDS)('models, records, members and roles on %s', (kind) => {
  let t: TestServer;
  let alice: Client;
  let bob: Client;
  beforeAll(async () => {
    t = await startTestServer(kind);
    alice = await signedIn(t.base, 'alice');
    bob = await signedIn(t.base, 'bob');
  });
  afterAll(() => t?.stop());

  it('creates a model with its model record and one diagram, and reads it back', async () => {
    const created = await alice.post('/api/models', { title: 'Payments', summary: 'Card flow' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Payments', role: 'owner' });
    const got = await alice.get(`/api/models/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.role).toBe('owner');
    expect(got.body.seq).toBe(2);
    const types = got.body.records.map((r: { typeName: string }) => r.typeName).sort();
    expect(types).toEqual(['diagram', 'model']);
    expect(
      got.body.records.find((r: { typeName: string }) => r.typeName === 'model'),
    ).toMatchObject({ title: 'Payments', summary: 'Card flow', reviewState: 'draft' });
  });

  it("a new model's owner is the account that created it, created or imported (issue 9.5)", async () => {
    const ownerOf = async (c: Client, id: string) =>
      (await c.get(`/api/models/${id}`)).body.records.find(
        (r: { typeName: string }) => r.typeName === 'model',
      ).owner;
    const created = await alice.post('/api/models', { title: 'Owned' });
    expect(await ownerOf(alice, created.body.id)).toBe('alice');

    // An import that names no owner gets the importer; one that names an owner keeps it.
    const exported = await alice.get(`/api/models/${created.body.id}/export?format=native`);
    const blank = {
      ...exported.body,
      records: exported.body.records.map((r: { typeName: string }) =>
        r.typeName === 'model' ? { ...r, owner: '' } : r,
      ),
    };
    const imported = await bob.post('/api/models/import', blank);
    expect(imported.status).toBe(201);
    expect(await ownerOf(bob, imported.body.id)).toBe('bob');
    const kept = await bob.post('/api/models/import', exported.body);
    expect(await ownerOf(bob, kept.body.id)).toBe('alice');

    // An account without a name is named by its email's local part.
    const nameless = await signedIn(t.base);
    const mine = await nameless.post('/api/models', { title: 'Nameless' });
    expect(await ownerOf(nameless, mine.body.id)).toBe(nameless.user!.email.split('@')[0]);
  });

  it('does CRUD on elements, threats, mitigations and comments through the op log', async () => {
    const m = await modelWithFlow(alice);
    const threat = await alice.post(`/api/models/${m.id}/threats`, {
      diagramId: m.diagramId,
      elementId: m.processId,
      title: 'SQLi',
      category: 'tampering',
      severity: 'high',
    });
    expect(threat.status).toBe(201);
    expect(threat.body).toMatchObject({ typeName: 'threat', status: 'open', severity: 'high' });
    const mit = await alice.post(`/api/models/${m.id}/mitigations`, {
      threatId: threat.body.id,
      title: 'Parameterise queries',
    });
    expect(mit.status).toBe(201);
    const comment = await alice.post(`/api/models/${m.id}/comments`, {
      targetId: threat.body.id,
      body: 'Is this real?',
      authorId: 'spoofed',
    });
    expect(comment.status).toBe(201);
    expect(comment.body.authorId).toBe(alice.user!.id);

    const patched = await alice.patch(`/api/models/${m.id}/threats/${threat.body.id}`, {
      status: 'mitigated',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.status).toBe('mitigated');
    expect((await alice.get(`/api/models/${m.id}/threats/${threat.body.id}`)).body.status).toBe(
      'mitigated',
    );

    const badPatch = await alice.patch(`/api/models/${m.id}/elements/${m.processId}`, {
      x: 'left',
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error.details.issues[0].path).toBe('fields.x');
    const dangling = await alice.post(`/api/models/${m.id}/elements`, {
      typeName: 'flow',
      diagramId: m.diagramId,
      sourceId: 'nope',
      targetId: m.processId,
    });
    expect(dangling.status).toBe(400);
    expect(dangling.body.error.message).toMatch(/nope/);
    // A threat id under /elements is not an element.
    expect((await alice.get(`/api/models/${m.id}/elements/${threat.body.id}`)).status).toBe(404);

    // Deleting the process takes its flow, threat, mitigation and comment with it.
    expect((await alice.delete(`/api/models/${m.id}/elements/${m.processId}`)).status).toBe(204);
    const after = await alice.get(`/api/models/${m.id}`);
    const ids = after.body.records.map((r: { id: string }) => r.id);
    for (const gone of [m.processId, m.flowId, threat.body.id, mit.body.id, comment.body.id])
      expect(ids).not.toContain(gone);
    expect(ids).toContain(m.actorId);

    const history = await alice.get(`/api/models/${m.id}/history?after=0&limit=3`);
    expect(history.body.ops.map((o: { seq: number }) => o.seq)).toEqual([1, 2, 3]);
    expect(history.body.nextAfter).toBe(3);
    expect(history.body.ops[0].actor).toBe(alice.user!.id);
    const rest = await alice.get(`/api/models/${m.id}/history?after=3&limit=1000`);
    expect(rest.body.nextAfter).toBeNull();
    expect(rest.body.ops.at(-1).op).toEqual({ type: 'remove', id: m.processId });
  });

  it('lists models with open and mitigated threat counts by severity', async () => {
    const c = await signedIn(t.base);
    const m = await modelWithFlow(c, 'Counted');
    const post = (severity: string, status: string) =>
      c.post(`/api/models/${m.id}/threats`, {
        diagramId: m.diagramId,
        elementId: m.processId,
        category: 'spoofing',
        severity,
        status,
      });
    await post('high', 'open');
    await post('high', 'open');
    await post('low', 'mitigated');
    await post('medium', 'accepted');
    const list = await c.get('/api/models');
    expect(list.body.models).toHaveLength(1);
    const { threats } = list.body.models[0];
    expect(threats.open).toEqual({ critical: 0, high: 2, medium: 0, low: 0, tbd: 0, total: 2 });
    expect(threats.mitigated).toEqual({
      critical: 0,
      high: 0,
      medium: 0,
      low: 1,
      tbd: 0,
      total: 1,
    });
    // One model, and a copy imported from its export, count the same way as the list.
    expect((await c.get(`/api/models/${m.id}`)).body.model.threats).toEqual(threats);
    const exported = await c.get(`/api/models/${m.id}/export`);
    const imported = await c.request('POST', '/api/models/import', { raw: exported.text });
    expect(imported.status).toBe(201);
    expect(imported.body.threats).toEqual(threats);
  });

  it('patches, duplicates and deletes a model', async () => {
    const m = await modelWithFlow(alice, 'Original');
    const patched = await alice.patch(`/api/models/${m.id}`, {
      title: 'Renamed',
      reviewState: 'in-review',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.model.title).toBe('Renamed');
    // A PATCH changes only the fields it names.
    const again = await alice.patch(`/api/models/${m.id}`, { summary: 'Only the summary' });
    const record = again.body.records.find((r: { typeName: string }) => r.typeName === 'model');
    expect(record).toMatchObject({
      title: 'Renamed',
      reviewState: 'in-review',
      summary: 'Only the summary',
    });
    const history = await alice.get(`/api/models/${m.id}/history?after=${again.body.seq - 1}`);
    expect(history.body.ops[0].op.fields).toEqual({ summary: 'Only the summary' });
    expect((await alice.patch(`/api/models/${m.id}`, { typeName: 'diagram' })).status).toBe(400);
    const dup = await alice.post(`/api/models/${m.id}/duplicate`);
    expect(dup.status).toBe(201);
    expect(dup.body.title).toBe('Copy of Renamed');
    const copy = await alice.get(`/api/models/${dup.body.id}`);
    expect(copy.body.records).toHaveLength(5);
    expect((await alice.delete(`/api/models/${m.id}`)).status).toBe(204);
    expect((await alice.get(`/api/models/${m.id}`)).status).toBe(404);
    expect((await alice.get(`/api/models/${dup.body.id}`)).status).toBe(200);
  });

  it('hides other users models behind 404 (IDOR) for every route', async () => {
    const m = await modelWithFlow(alice, 'Private');
    const probes: [string, string, unknown?][] = [
      ['GET', `/api/models/${m.id}`],
      ['PATCH', `/api/models/${m.id}`, { title: 'pwned' }],
      ['DELETE', `/api/models/${m.id}`],
      ['POST', `/api/models/${m.id}/duplicate`],
      ['GET', `/api/models/${m.id}/export`],
      ['GET', `/api/models/${m.id}/history`],
      ['GET', `/api/models/${m.id}/members`],
      ['POST', `/api/models/${m.id}/members`, { email: bob.user!.email, role: 'owner' }],
      ['GET', `/api/models/${m.id}/elements`],
      ['GET', `/api/models/${m.id}/elements/${m.processId}`],
      ['PATCH', `/api/models/${m.id}/elements/${m.processId}`, { name: 'pwned' }],
      ['DELETE', `/api/models/${m.id}/elements/${m.processId}`],
      ['POST', `/api/models/${m.id}/comments`, { targetId: m.processId, body: 'hi' }],
      ['POST', `/api/models/${m.id}/generate`, {}],
      ['POST', `/api/models/${m.id}/suggestions`, {}],
    ];
    for (const [method, path, body] of probes) {
      const res = await bob.request(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(
      (await bob.get('/api/models')).body.models.map((x: { id: string }) => x.id),
    ).not.toContain(m.id);
    const still = await alice.get(`/api/models/${m.id}`);
    expect(still.body.model.title).toBe('Private');
    expect(still.body.records.find((r: { id: string }) => r.id === m.processId).name).toBe(
      'Web app',
    );
  });

  it('never reaches a record of model A through model B', async () => {
    const a = await modelWithFlow(bob, 'A');
    const b = await modelWithFlow(bob, 'B');
    expect((await bob.get(`/api/models/${b.id}/elements/${a.processId}`)).status).toBe(404);
    expect(
      (await bob.patch(`/api/models/${b.id}/elements/${a.processId}`, { name: 'x' })).status,
    ).toBe(404);
    expect((await bob.delete(`/api/models/${b.id}/elements/${a.processId}`)).status).toBe(404);
    // Referencing A's element from B is an invariant violation, not a cross-model link.
    const cross = await bob.post(`/api/models/${b.id}/elements`, {
      typeName: 'flow',
      diagramId: b.diagramId,
      sourceId: a.actorId,
      targetId: b.processId,
    });
    expect(cross.status).toBe(400);
    expect((await bob.get(`/api/models/${a.id}/elements/${a.processId}`)).body.name).toBe(
      'Web app',
    );
  });

  describe('roles', () => {
    let m: Awaited<ReturnType<typeof modelWithFlow>>;
    const users: Record<string, Client> = {};
    beforeAll(async () => {
      m = await modelWithFlow(alice, 'Shared');
      for (const role of ['editor', 'commenter', 'viewer'] as const) {
        users[role] = await signedIn(t.base, role);
        const invited = await alice.post(`/api/models/${m.id}/members`, {
          email: users[role]!.user!.email.toUpperCase(),
          role,
        });
        expect(invited.status).toBe(202);
        expect(invited.body.role).toBe(role);
        const accepted = await users[role]!.post(
          `/api/invitations/${tokenOf(invited.body.link)}/accept`,
        );
        expect(accepted.body).toEqual({ modelId: m.id, role });
      }
    });

    it('lets every member read and list members', async () => {
      for (const role of ['editor', 'commenter', 'viewer']) {
        const got = await users[role]!.get(`/api/models/${m.id}`);
        expect(got.status).toBe(200);
        expect(got.body.role).toBe(role);
        expect((await users[role]!.get(`/api/models/${m.id}/members`)).body.members).toHaveLength(
          4,
        );
      }
    });

    it('lets editors change the diagram but not share or delete', async () => {
      const e = users.editor!;
      expect(
        (await e.patch(`/api/models/${m.id}/elements/${m.processId}`, { name: 'API' })).status,
      ).toBe(200);
      expect((await e.patch(`/api/models/${m.id}`, { summary: 'edited' })).status).toBe(200);
      expect(
        (await e.post(`/api/models/${m.id}/members`, { email: bob.user!.email, role: 'viewer' }))
          .status,
      ).toBe(403);
      expect((await e.delete(`/api/models/${m.id}`)).status).toBe(403);
    });

    it('lets commenters comment (and edit their own comments) but nothing else', async () => {
      const c = users.commenter!;
      const comment = await c.post(`/api/models/${m.id}/comments`, {
        targetId: m.processId,
        body: 'looks risky',
      });
      expect(comment.status).toBe(201);
      expect(
        (await c.patch(`/api/models/${m.id}/comments/${comment.body.id}`, { resolved: true }))
          .status,
      ).toBe(200);
      const other = await users.editor!.post(`/api/models/${m.id}/comments`, {
        targetId: m.processId,
        body: 'editor note',
      });
      const denied = await c.patch(`/api/models/${m.id}/comments/${other.body.id}`, {
        body: 'rewritten',
      });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('forbidden');
      expect(
        (await c.patch(`/api/models/${m.id}/elements/${m.processId}`, { name: 'x' })).status,
      ).toBe(403);
      expect(
        (
          await c.post(`/api/models/${m.id}/threats`, {
            diagramId: m.diagramId,
            elementId: m.processId,
            category: 'spoofing',
          })
        ).status,
      ).toBe(403);
      expect((await c.patch(`/api/models/${m.id}`, { title: 'x' })).status).toBe(403);
      expect((await c.post(`/api/models/${m.id}/generate`, {})).status).toBe(403);
    });

    it('lets viewers read, export and duplicate but change nothing', async () => {
      const v = users.viewer!;
      const before = (await alice.get(`/api/models/${m.id}`)).body.seq;
      expect(
        (await v.post(`/api/models/${m.id}/comments`, { targetId: m.processId, body: 'hi' }))
          .status,
      ).toBe(403);
      expect(
        (await v.patch(`/api/models/${m.id}/elements/${m.processId}`, { name: 'x' })).status,
      ).toBe(403);
      expect((await v.delete(`/api/models/${m.id}/elements/${m.actorId}`)).status).toBe(403);
      expect((await v.patch(`/api/models/${m.id}`, { title: 'x' })).status).toBe(403);
      expect((await v.delete(`/api/models/${m.id}`)).status).toBe(403);
      expect((await v.get(`/api/models/${m.id}/export?format=native`)).status).toBe(200);
      expect((await v.post(`/api/models/${m.id}/duplicate`)).status).toBe(201);
      expect((await alice.get(`/api/models/${m.id}`)).body.seq).toBe(before);
    });

    it('lets owners change roles but never remove or demote the last owner', async () => {
      const v = users.viewer!;
      expect(
        (await alice.patch(`/api/models/${m.id}/members/${v.user!.id}`, { role: 'editor' })).body
          .role,
      ).toBe('editor');
      expect(
        (await v.patch(`/api/models/${m.id}/elements/${m.actorId}`, { name: 'Shopper' })).status,
      ).toBe(200);
      const demote = await alice.patch(`/api/models/${m.id}/members/${alice.user!.id}`, {
        role: 'viewer',
      });
      expect(demote.status).toBe(409);
      expect(demote.body.error.code).toBe('last_owner');
      expect((await alice.delete(`/api/models/${m.id}/members/${alice.user!.id}`)).status).toBe(
        409,
      );
      expect((await alice.delete(`/api/models/${m.id}/members/${v.user!.id}`)).status).toBe(204);
      expect((await v.get(`/api/models/${m.id}`)).status).toBe(404);
      expect(
        (
          await alice.post(`/api/models/${m.id}/members`, {
            email: 'nobody@example.test',
            role: 'viewer',
          })
        ).status,
      ).toBe(202);
    });
  });

  it('exports native and imports it back as a new model with the same records', async () => {
    const m = await modelWithFlow(alice, 'Round trip');
    await alice.post(`/api/models/${m.id}/threats`, {
      diagramId: m.diagramId,
      elementId: m.flowId,
      category: 'tampering',
      title: 'MITM',
    });
    const exported = await alice.get(`/api/models/${m.id}/export?format=native`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /attachment; filename="?Round-trip\.threatloom\.json"?/,
    );
    const doc = parseNativeDocument(exported.body);
    const imported = await bob.post('/api/models/import', exported.body);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      title: 'Round trip',
      format: 'native',
      warnings: [],
      records: doc.records.length,
    });
    const got = await bob.get(`/api/models/${imported.body.id}`);
    const sort = (rs: { id: string }[]) => [...rs].sort((x, y) => x.id.localeCompare(y.id));
    expect(sort(got.body.records)).toEqual(sort(doc.records));
    expect((await alice.get(`/api/models/${m.id}/export?format=bogus`)).status).toBe(400);
  });

  it('rejects an invalid import with located issues and creates nothing', async () => {
    const before = await t.server.db.model.count();
    const res = await bob.post('/api/models/import', {
      format: 'threatloom',
      version: 1,
      records: [{ id: 'm', typeName: 'model', title: '' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toBe('records[0].title');
    expect(await t.server.db.model.count()).toBe(before);
  });

  it('keeps an organisation library and applies an entry to an element', async () => {
    const m = await modelWithFlow(alice, 'Library');
    const bad = await alice.post('/api/library', { title: '', category: 'nonsense' });
    expect(bad.status).toBe(400);
    const entry = await alice.post('/api/library', {
      title: 'Session fixation',
      category: 'spoofing',
      severity: 'high',
      mitigations: [{ title: 'Rotate the session id at login' }],
      references: [{ kind: 'cwe', id: 'CWE-384' }],
    });
    expect(entry.status).toBe(201);
    expect((await bob.get('/api/library')).body.entries.map((e: { id: string }) => e.id)).toContain(
      entry.body.id,
    );
    const applied = await alice.post(`/api/models/${m.id}/library/${entry.body.id}/apply`, {
      elementId: m.processId,
    });
    expect(applied.status).toBe(201);
    expect(applied.body.threat).toMatchObject({
      elementId: m.processId,
      libraryEntryId: entry.body.id,
      severity: 'high',
      number: 1,
    });
    expect(applied.body.mitigations).toHaveLength(1);
    const threats = (await alice.get(`/api/models/${m.id}/threats`)).body.records;
    expect(threats).toHaveLength(1);
    // Someone without a role on the model cannot apply to it; only the author or an admin deletes the entry.
    expect(
      (
        await bob.post(`/api/models/${m.id}/library/${entry.body.id}/apply`, {
          elementId: m.processId,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await alice.post(`/api/models/${m.id}/library/${entry.body.id}/apply`, {
          elementId: 'ghost',
        })
      ).status,
    ).toBe(404);
    expect((await bob.delete(`/api/library/${entry.body.id}`)).status).toBe(403);
    expect((await alice.delete(`/api/library/${entry.body.id}`)).status).toBe(204);
    expect((await alice.get(`/api/models/${m.id}/threats`)).body.records).toHaveLength(1);
  });

  it('generates threats with the rules engine once, and suggests without committing', async () => {
    const m = await modelWithFlow(alice, 'Generated');
    const suggestions = await alice.post(`/api/models/${m.id}/suggestions`, {
      elementIds: [m.processId],
    });
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.suggestions.length).toBeGreaterThan(0);
    expect(
      suggestions.body.suggestions.every((s: { elementId: string }) => s.elementId === m.processId),
    ).toBe(true);
    expect((await alice.get(`/api/models/${m.id}/threats`)).body.records).toHaveLength(0);

    const first = await alice.post(`/api/models/${m.id}/generate`, { diagramId: m.diagramId });
    expect(first.status).toBe(200);
    expect(first.body.threats.length).toBeGreaterThan(0);
    const stored = (await alice.get(`/api/models/${m.id}/threats`)).body.records;
    expect(stored).toHaveLength(first.body.threats.length);
    expect(stored.every((th: { ruleKey: string | null }) => typeof th.ruleKey === 'string')).toBe(
      true,
    );
    const again = await alice.post(`/api/models/${m.id}/generate`, {});
    expect(again.body.threats).toHaveLength(0);
    expect((await alice.post(`/api/models/${m.id}/generate`, { diagramId: 'nope' })).status).toBe(
      404,
    );

    // Two generations at once on a fresh model: the merge runs under the row lock, so no rule key is added twice.
    const twin = await modelWithFlow(alice, 'Twin');
    const [a, b] = await Promise.all([
      alice.post(`/api/models/${twin.id}/generate`, {}),
      alice.post(`/api/models/${twin.id}/generate`, {}),
    ]);
    expect(a.body.threats.length + b.body.threats.length).toBe(first.body.threats.length);
    const keys = (await alice.get(`/api/models/${twin.id}/threats`)).body.records.map(
      (th: { ruleKey: string }) => th.ruleKey,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});
