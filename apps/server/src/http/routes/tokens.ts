import { Router } from 'express';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/tokens/api-tokens';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZCreateToken, ZRevokeToken } from '../schemas';

export function tokenRoutes({ db, notifyAccess: notify }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);
  router.get('/', async (req, res) => {
    res.json({ tokens: await listApiTokens({ db, userId: req.auth!.user.id }) });
  });
  router.post('/', async (req, res) => {
    const { name } = parseBody(ZCreateToken, req.body);
    res.status(201).json(await createApiToken({ db, userId: req.auth!.user.id, name }));
  });
  // Also `DELETE /api/tokens` with `{ id }` in the body, for clients that cannot put it in the path.
  router.delete('/', async (req, res) => {
    const { id } = parseBody(ZRevokeToken, req.body);
    await revokeApiToken({ db, userId: req.auth!.user.id, tokenId: id, notify });
    res.status(204).end();
  });
  router.delete('/:tokenId', async (req, res) => {
    await revokeApiToken({ db, userId: req.auth!.user.id, tokenId: req.params.tokenId, notify });
    res.status(204).end();
  });
  return router;
}
