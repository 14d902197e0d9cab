import { Router } from 'express';
import { exportModel } from '../../services/models/export-model';
import { importModel } from '../../services/models/import-model';
import { listExportWarnings } from '../../services/models/list-export-warnings';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZExportQuery } from '../schemas';

/** Import (the file's JSON as the body, up to 5 MB) and export of whole models, and what an export would lose. */
export function transferRoutes({ db }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);
  router.post('/import', async (req, res) => {
    const bytes = (req as { rawBody?: Buffer }).rawBody;
    res
      .status(201)
      .json(await importModel({ db, userId: req.auth!.user.id, json: req.body, bytes }));
  });
  router.get('/:id/export', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    const { format } = parseBody(ZExportQuery, req.query, ['query']);
    const file = await exportModel({ db, modelId: req.params.id, format });
    res.attachment(file.filename).type(file.contentType).send(file.body);
  });
  router.get('/:id/export/warnings', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    const { format } = parseBody(ZExportQuery, req.query, ['query']);
    res.json(await listExportWarnings({ db, modelId: req.params.id, format }));
  });
  return router;
}
