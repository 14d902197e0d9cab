import { Router, type Request, type Response } from 'express';
import { acceptInvitation, previewInvitation } from '../../services/invitations/accept-invitation';
import { inviteToModel, type ShareResult } from '../../services/invitations/invite-to-model';
import { listInvitations, revokeInvitation } from '../../services/invitations/manage-invitations';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import { linkOrigin, type RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZShare } from '../schemas';

/**
 * Shares `:id` with `{email, role}`: a member's role changes (200 member);
 * any other address gets an invitation (202), whether or not it has an account.
 * Used by `POST /api/models/:id/members` and `/invitations` alike.
 */
export async function shareOrInvite(ctx: RouteContext, req: Request, res: Response) {
  await requireRole({
    db: ctx.db,
    modelId: String(req.params.id),
    userId: req.auth!.user.id,
    min: 'owner',
  });
  const body = parseBody(ZShare, req.body);
  const result: ShareResult = await inviteToModel({
    db: ctx.db,
    modelId: String(req.params.id),
    inviterId: req.auth!.user.id,
    ...body,
    ttlHours: ctx.invitationTtlHours,
    origin: linkOrigin(ctx, req),
    mailer: ctx.mailer,
    notify: ctx.notifyAccess,
    onMailError: (err) => req.log.warn({ err }, 'invitation e-mail was not sent'),
  });
  if (result.kind === 'member') {
    res.status(200).json(result.member);
    return;
  }
  res.status(202).json({
    status: 'invited',
    email: result.invitation.email,
    role: result.invitation.role,
    invitation: result.invitation,
    link: result.link,
    emailed: result.emailed,
  });
}

/** /api/models/:id/invitations: owners invite, list and revoke. */
export function modelInvitationRoutes(ctx: RouteContext): Router {
  const { db } = ctx;
  const router = Router();
  router.use('/:id/invitations', requireUser);
  router.get('/:id/invitations', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'owner' });
    res.json({ invitations: await listInvitations({ db, modelId: req.params.id }) });
  });
  router.post('/:id/invitations', (req, res) => shareOrInvite(ctx, req, res));
  router.delete('/:id/invitations/:invitationId', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'owner' });
    await revokeInvitation({ db, modelId: req.params.id, invitationId: req.params.invitationId });
    res.status(204).end();
  });
  return router;
}

/** /api/invitations/:token: anyone with the link previews it; a signed-in account accepts it. */
export function invitationRoutes(ctx: RouteContext): Router {
  const { db } = ctx;
  const router = Router();
  router.get('/:token', async (req, res) => {
    res.json(await previewInvitation({ db, token: req.params.token }));
  });
  router.post('/:token/accept', requireUser, async (req, res) => {
    res.json(
      await acceptInvitation({
        db,
        token: String(req.params.token),
        userId: req.auth!.user.id,
        notify: ctx.notifyAccess,
      }),
    );
  });
  return router;
}
