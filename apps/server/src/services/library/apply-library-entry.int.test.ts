import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type Client } from '../../../test/helpers/client';
import { modelWithFlow } from '../../../test/helpers/fixtures';
import { startTestServer, type TestServer } from '../../../test/helpers/test-server';

// PostgreSQL only: PGlite has one connection, so its transactions never overlap.
describe('applying library entries at once on postgres', () => {
  let t: TestServer;
  let alice: Client;
  beforeAll(async () => {
    t = await startTestServer('postgres');
    alice = await signedIn(t.base, 'alice');
  });
  afterAll(() => t?.stop());

  it('numbers each applied threat under the model lock, so none share a number', async () => {
    const m = await modelWithFlow(alice, 'Concurrent library');
    const entry = await alice.post('/api/library', { title: 'Replay', category: 'spoofing' });
    expect(entry.status).toBe(201);
    const applies = await Promise.all(
      Array.from({ length: 8 }, () =>
        alice.post(`/api/models/${m.id}/library/${entry.body.id}/apply`, {
          elementId: m.processId,
        }),
      ),
    );
    expect(applies.map((a) => a.status)).toEqual(Array(8).fill(201));
    const answered = applies.map((a) => a.body.threat.number as number).sort((a, b) => a - b);
    expect(answered).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stored = await alice.get(`/api/models/${m.id}/threats`);
    const numbers = stored.body.records.map((r: { number: number }) => r.number);
    expect(numbers.sort((a: number, b: number) => a - b)).toEqual(answered);
  });
});
