import { Router } from 'express';
import { listMembers, removeMember, setMemberRole } from '../../services/members/members';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZSetRole } from '../schemas';
import { shareOrInvite } from './invitations';

/** /api/models/:id/members: any member lists; owners share (invite), change roles and remove (members may also leave). */
export function memberRoutes(ctx: RouteContext): Router {
  const { db, notifyAccess: notify } = ctx;
  const router = Router();
  router.use(requireUser);
  router.get('/:id/members', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    res.json({ members: await listMembers({ db, modelId: req.params.id }) });
  });
  // A member's role changes; any other address is invited (never says which have accounts).
  router.post('/:id/members', (req, res) => shareOrInvite(ctx, req, res));
  router.patch('/:id/members/:userId', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'owner' });
    const { role } = parseBody(ZSetRole, req.body);
    res.json(
      await setMemberRole({
        db,
        modelId: req.params.id,
        userId: req.params.userId,
        role,
        notify,
      }),
    );
  });
  router.delete('/:id/members/:userId', async (req, res) => {
    const self = req.params.userId === req.auth!.user.id;
    await requireRole({
      db,
      modelId: req.params.id,
      userId: req.auth!.user.id,
      min: self ? 'viewer' : 'owner',
    });
    await removeMember({ db, modelId: req.params.id, userId: req.params.userId, notify });
    res.status(204).end();
  });
  return router;
}
