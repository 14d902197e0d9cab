import { Router } from 'express';
import { createModel } from '../../services/models/create-model';
import { deleteModel } from '../../services/models/delete-model';
import { duplicateModel } from '../../services/models/duplicate-model';
import { getModel } from '../../services/models/get-model';
import { listModels } from '../../services/models/list-models';
import { modelHistory } from '../../services/models/model-history';
import { patchModel } from '../../services/models/patch-model';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody, parseRecordFields } from '../errors';
import { ZCreateModel, ZHistoryQuery, ZPatchModel } from '../schemas';

/** /api/models: list, create, read, change, delete, duplicate, history. */
export function modelRoutes({ db, notifyAccess, publishCommit }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);

  router.get('/', async (req, res) => {
    res.json({ models: await listModels({ db, userId: req.auth!.user.id }) });
  });

  router.post('/', async (req, res) => {
    const body = parseRecordFields(ZCreateModel, req.body);
    res.status(201).json(await createModel({ db, userId: req.auth!.user.id, ...body }));
  });

  router.get('/:id', async (req, res) => {
    const role = await requireRole({
      db,
      modelId: req.params.id,
      userId: req.auth!.user.id,
      min: 'viewer',
    });
    res.json(await getModel({ db, modelId: req.params.id, role }));
  });

  router.patch('/:id', async (req, res) => {
    const role = await requireRole({
      db,
      modelId: req.params.id,
      userId: req.auth!.user.id,
      min: 'editor',
    });
    const parsed = parseRecordFields(ZPatchModel, req.body);
    // zod 4 fills defaults even into optional keys: keep only the fields the client sent.
    const fields = Object.fromEntries(
      Object.entries(parsed).filter(([key]) => Object.hasOwn(req.body as object, key)),
    );
    await patchModel({
      db,
      modelId: req.params.id,
      actor: req.auth!.user.id,
      fields,
      publish: publishCommit,
    });
    res.json(await getModel({ db, modelId: req.params.id, role }));
  });

  router.delete('/:id', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'owner' });
    await deleteModel({ db, modelId: req.params.id, notify: notifyAccess });
    res.status(204).end();
  });

  router.post('/:id/duplicate', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    res
      .status(201)
      .json(await duplicateModel({ db, modelId: req.params.id, userId: req.auth!.user.id }));
  });

  router.get('/:id/history', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    const query = parseBody(ZHistoryQuery, req.query, ['query']);
    res.json(await modelHistory({ db, modelId: req.params.id, ...query }));
  });

  return router;
}
