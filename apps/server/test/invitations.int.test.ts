import type { MembershipChange } from '@threatloom/core';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/auth/secrets';
import { Client, PASSWORD, signedIn, tokenOf, uniqueEmail } from './helpers/client';
import { linkIn, startSmtpServer } from './helpers/smtp';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

describe.each(DB_KINDS)('invitations on %s', (kind) => {
  let t: TestServer;
  let owner: Client;
  beforeAll(async () => {
    t = await startTestServer(kind);
    owner = await new Client(t.base).register(uniqueEmail('owner'), 'Olive Owner');
  });
  afterAll(() => t?.stop());

  const newModel = async (title = 'Payments') =>
    (await owner.post('/api/models', { title })).body.id as string;
  const invite = (modelId: string, email: string, role = 'editor', by = owner) =>
    by.post(`/api/models/${modelId}/members`, { email, role });

  it('invites an address with no account; the invitee signs up through the link and joins with the role', async () => {
    const modelId = await newModel('Payments');
    const email = uniqueEmail('newcomer');
    const invited = await invite(modelId, email, 'commenter');
    expect(invited.status).toBe(202);
    expect(invited.body).toMatchObject({
      status: 'invited',
      email,
      role: 'commenter',
      emailed: false,
      invitation: { email, role: 'commenter', state: 'pending', invitedBy: owner.user!.id },
    });
    expect(invited.body.link).toMatch(new RegExp(`^${t.base}/#/invite/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(invited.body.link);

    // The preview names the model, the role and who invited, nothing else.
    const preview = await new Client(t.base).get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      modelTitle: 'Payments',
      role: 'commenter',
      inviterName: 'Olive Owner',
    });

    const invitee = await new Client(t.base).register(email, 'Nia', { invitation: token });
    // As the web app does after signing in; the registration may have accepted it already
    // (after its answer), and the same account accepting again gets the same answer.
    expect((await invitee.post(`/api/invitations/${token}/accept`)).body).toEqual({
      modelId,
      role: 'commenter',
    });
    const listed = (await invitee.get('/api/models')).body.models;
    expect(listed).toEqual([expect.objectContaining({ id: modelId, role: 'commenter' })]);
    // Single use: the link is spent.
    expect((await new Client(t.base).get(`/api/invitations/${token}`)).status).toBe(404);
    expect((await owner.get(`/api/models/${modelId}/invitations`)).body.invitations).toEqual([]);
    const members = (await owner.get(`/api/models/${modelId}/members`)).body.members;
    expect(members).toContainEqual(
      expect.objectContaining({ userId: invitee.user!.id, email, role: 'commenter' }),
    );
  });

  it('answers sharing with an existing account exactly as with an unknown address', async () => {
    const modelId = await newModel();
    const existing = await signedIn(t.base, 'Existing');
    const known = await invite(modelId, existing.user!.email);
    const unknown = await invite(modelId, uniqueEmail('unknown'));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    const shape = (b: Record<string, unknown>) => Object.keys(b).sort();
    expect(shape(known.body)).toEqual(shape(unknown.body));
    expect(shape(known.body.invitation)).toEqual(shape(unknown.body.invitation));
    expect(known.text).not.toContain(existing.user!.id);
    expect(known.text).not.toContain('Existing');
    // Nobody is a member until the link is used.
    expect((await existing.get(`/api/models/${modelId}`)).status).toBe(404);
  });

  it('lets an existing account accept while signed in; its dashboard hears of it at once', async () => {
    const modelId = await newModel();
    const existing = await signedIn(t.base, 'Dashboard');
    const socket: Socket = ioClient(t.base, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: {
        origin: t.base,
        cookie: [...existing.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const told = new Promise<MembershipChange>((resolve) => socket.once('membership', resolve));
      const token = tokenOf((await invite(modelId, existing.user!.email, 'viewer')).body.link);
      const accepted = await existing.post(`/api/invitations/${token}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ modelId, role: 'viewer' });
      expect(await told).toMatchObject({ modelId, role: 'viewer' });
      // Accepting again with the same account is the same answer; another account gets 404.
      expect((await existing.post(`/api/invitations/${token}/accept`)).body).toEqual({
        modelId,
        role: 'viewer',
      });
      const other = await signedIn(t.base);
      expect((await other.post(`/api/invitations/${token}/accept`)).status).toBe(404);
      expect((await other.get(`/api/models/${modelId}`)).status).toBe(404);
    } finally {
      socket.disconnect();
    }
  });

  it('changes a member’s role directly, and an invitation never lowers a role', async () => {
    const modelId = await newModel();
    const member = await signedIn(t.base);
    const token = tokenOf((await invite(modelId, member.user!.email, 'editor')).body.link);
    await member.post(`/api/invitations/${token}/accept`);
    const changed = await invite(modelId, member.user!.email.toUpperCase(), 'viewer');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ userId: member.user!.id, role: 'viewer' });
    await owner.patch(`/api/models/${modelId}/members/${member.user!.id}`, { role: 'editor' });
    // A link for a lower role, accepted by someone who already has more, keeps what they have.
    const lower = tokenOf((await invite(modelId, uniqueEmail('x'), 'viewer')).body.link);
    expect((await member.post(`/api/invitations/${lower}/accept`)).body.role).toBe('editor');
  });

  it('lists pending invitations to owners only, revokes them, and a revoked link stops working', async () => {
    const modelId = await newModel();
    const email = uniqueEmail('revoked');
    const first = await invite(modelId, email, 'viewer');
    const second = await invite(modelId, email, 'editor');
    // A newer invitation to the same address replaces the older one.
    expect(
      (await new Client(t.base).get(`/api/invitations/${tokenOf(first.body.link)}`)).status,
    ).toBe(404);
    const list = await owner.get(`/api/models/${modelId}/invitations`);
    expect(list.body.invitations).toEqual([second.body.invitation]);
    expect(list.text).not.toContain(tokenOf(second.body.link));

    const editor = await signedIn(t.base);
    await editor.post(
      `/api/invitations/${tokenOf((await invite(modelId, editor.user!.email)).body.link)}/accept`,
    );
    expect((await editor.get(`/api/models/${modelId}/invitations`)).status).toBe(403);
    expect(
      (await editor.delete(`/api/models/${modelId}/invitations/${second.body.invitation.id}`))
        .status,
    ).toBe(403);
    const stranger = await signedIn(t.base);
    expect((await stranger.get(`/api/models/${modelId}/invitations`)).status).toBe(404);

    const id = second.body.invitation.id;
    expect((await owner.delete(`/api/models/${modelId}/invitations/${id}`)).status).toBe(204);
    expect((await owner.delete(`/api/models/${modelId}/invitations/${id}`)).status).toBe(404);
    const token = tokenOf(second.body.link);
    expect((await new Client(t.base).get(`/api/invitations/${token}`)).status).toBe(404);
    const late = await signedIn(t.base);
    expect((await late.post(`/api/invitations/${token}/accept`)).status).toBe(404);
    expect((await late.get(`/api/models/${modelId}`)).status).toBe(404);
    expect((await owner.get(`/api/models/${modelId}/invitations`)).body.invitations).toEqual([]);
  });

  it('expires invitations: listed as expired, and the link neither previews, accepts nor registers', async () => {
    const modelId = await newModel();
    const email = uniqueEmail('late');
    const invited = await invite(modelId, email, 'viewer');
    const token = tokenOf(invited.body.link);
    const row = await t.server.db.invitation.findUniqueOrThrow({
      where: { id: invited.body.invitation.id },
    });
    // Expiry follows INVITATION_TTL_HOURS (168 by default).
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(168 * 3600_000, -4);
    await t.server.db.invitation.update({
      where: { id: row.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect((await owner.get(`/api/models/${modelId}/invitations`)).body.invitations).toEqual([
      expect.objectContaining({ id: row.id, state: 'expired' }),
    ]);
    expect((await new Client(t.base).get(`/api/invitations/${token}`)).status).toBe(404);
    const registering = await new Client(t.base).post('/api/auth/register', {
      email,
      password: PASSWORD,
      invitation: token,
    });
    expect(registering.status).toBe(404);
    const someone = await signedIn(t.base);
    expect((await someone.post(`/api/invitations/${token}/accept`)).status).toBe(404);
    expect((await someone.get(`/api/models/${modelId}`)).status).toBe(404);
  });

  it('keeps only a hash of the link’s secret', async () => {
    const modelId = await newModel();
    const invited = await invite(modelId, uniqueEmail('hashed'));
    const token = tokenOf(invited.body.link);
    const row = await t.server.db.invitation.findUniqueOrThrow({
      where: { id: invited.body.invitation.id },
    });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('needs a signed-in owner to invite and a signed-in account to accept', async () => {
    const modelId = await newModel();
    expect(
      (
        await new Client(t.base).post(`/api/models/${modelId}/invitations`, {
          email: uniqueEmail(),
          role: 'viewer',
        })
      ).status,
    ).toBe(401);
    const token = tokenOf(
      (
        await owner.post(`/api/models/${modelId}/invitations`, {
          email: uniqueEmail(),
          role: 'viewer',
        })
      ).body.link,
    );
    expect((await new Client(t.base).post(`/api/invitations/${token}/accept`)).status).toBe(401);
  });
});

describe.each(DB_KINDS)('invitations and sign-up by e-mail on %s', (kind) => {
  let t: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let owner: Client;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestServer(kind, {
      smtp: { url: smtp.url, from: 'Threatloom <noreply@threatloom.test>' },
      publicOrigin: 'https://threats.example.test',
    });
    owner = await new Client(t.base).register(uniqueEmail('owner'), 'Olive Owner');
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });
  const mailTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
  /** Signs up the way a person does when the server sends mail: register, then follow the link. */
  const signedUpByMail = async (email: string): Promise<Client> => {
    const c = new Client(t.base);
    await c.get('/api/auth/me');
    expect((await c.post('/api/auth/register', { email, password: PASSWORD })).status).toBe(202);
    // Sign-up mail goes out after the answer (so its timing says nothing about the address).
    await expect.poll(() => mailTo(email).length).toBe(1);
    const link = linkIn(mailTo(email).at(-1)!, 'confirm');
    const confirmed = await c.post('/api/auth/confirm', { token: link.split('/#/confirm/')[1] });
    expect(confirmed.status).toBe(201);
    c.user = confirmed.body.user;
    return c;
  };

  it('mails the invitation, and the invitee confirms a new account through the mails and lands in the model', async () => {
    const modelId = (await owner.post('/api/models', { title: 'Mailed' })).body.id;
    const email = uniqueEmail('mailed');
    const invited = await owner.post(`/api/models/${modelId}/invitations`, {
      email,
      role: 'editor',
    });
    expect(invited.status).toBe(202);
    expect(invited.body.emailed).toBe(true);
    const [mail] = mailTo(email);
    expect(mail!.text).toContain('From: Threatloom <noreply@threatloom.test>');
    expect(mail!.text).toContain('Olive Owner invited you to the threat model "Mailed" as editor.');
    const link = linkIn(mail!, 'invite');
    expect(link).toBe(invited.body.link);
    expect(link.startsWith('https://threats.example.test/#/invite/')).toBe(true);

    // With mail, registering answers "check your e-mail" and signs nobody in.
    const invitee = new Client(t.base);
    await invitee.get('/api/auth/me');
    const reg = await invitee.post('/api/auth/register', {
      email,
      password: PASSWORD,
      name: 'Mae',
      invitation: tokenOf(link),
    });
    expect(reg.status).toBe(202);
    expect(reg.body).toMatchObject({ user: null, status: 'confirm_email' });
    expect((await invitee.get('/api/auth/me')).body.user).toBeNull();
    expect((await invitee.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(401);
    await expect.poll(() => mailTo(email).length).toBe(2);
    const confirm = linkIn(mailTo(email)[1]!, 'confirm');
    const confirmed = await invitee.post('/api/auth/confirm', {
      token: confirm.split('/#/confirm/')[1],
    });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({
      user: { email, name: 'Mae' },
      invitation: { modelId, role: 'editor' },
    });
    expect((await invitee.get('/api/models')).body.models).toEqual([
      expect.objectContaining({ id: modelId, role: 'editor' }),
    ]);
    // The confirmation link works once.
    expect(
      (
        await new Client(t.base).post('/api/auth/confirm', {
          token: confirm.split('/#/confirm/')[1],
        })
      ).status,
    ).toBe(404);
  });

  it('answers a taken address like a free one and mails its holder instead', async () => {
    const holder = await signedUpByMail(uniqueEmail('holder'));
    const free = uniqueEmail('free');
    const attempt = (email: string) =>
      new Client(t.base).post('/api/auth/register', { email, password: 'some other passphrase' });
    const taken = await attempt(holder.user!.email);
    const fresh = await attempt(free);
    expect(taken.status).toBe(202);
    expect(fresh.status).toBe(202);
    expect(taken.body).toEqual(fresh.body);
    await expect.poll(() => mailTo(holder.user!.email).length).toBe(2);
    await expect.poll(() => mailTo(free).length).toBe(1);
    expect(mailTo(holder.user!.email).at(-1)!.text).toContain('which already has one');
    expect(linkIn(mailTo(free).at(-1)!, 'confirm')).toMatch(/#\/confirm\//);
  });

  it('still answers with the link when the mail server is unreachable', async () => {
    const down = await startTestServer(kind, {
      smtp: { url: 'smtp://127.0.0.1:9', from: 'noreply@threatloom.test' },
    });
    try {
      const admin = await signedIn(down.base);
      const modelId = (await admin.post('/api/models', { title: 'Offline mail' })).body.id;
      const invited = await admin.post(`/api/models/${modelId}/members`, {
        email: uniqueEmail('nomail'),
        role: 'viewer',
      });
      expect(invited.status).toBe(202);
      expect(invited.body.emailed).toBe(false);
      expect(invited.body.link).toMatch(/#\/invite\//);
    } finally {
      await down.stop();
    }
  });
});
