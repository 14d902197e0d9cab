import { Router } from 'express';
import { requireRole } from '../../services/models/require-role';
import { generateModelThreats, suggestThreats } from '../../services/threats/generate-threats';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZGenerate } from '../schemas';

/** The rules engine over a model: commit its suggestions (editors) or only list them (any member). */
export function threatRoutes({ db, publishCommit }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);
  router.post('/:id/generate', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'editor' });
    const request = parseBody(ZGenerate, req.body ?? {});
    res.json(
      await generateModelThreats({
        db,
        modelId: req.params.id,
        actor: req.auth!.user.id,
        request,
        publish: publishCommit,
      }),
    );
  });
  router.post('/:id/suggestions', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    const request = parseBody(ZGenerate, req.body ?? {});
    const { suggestions } = await suggestThreats({ db, modelId: req.params.id, request });
    res.json({ suggestions });
  });
  return router;
}
