import { Router } from 'express';
import {
  applyLibraryEntry,
  createLibraryEntry,
  deleteLibraryEntry,
  listLibrary,
} from '../../services/library/library-entries';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZApplyLibraryEntry, ZRecordBody } from '../schemas';

/** /api/library: the organisation's threat library; applying an entry to a model needs the editor role. */
export function libraryRoutes({ db, publishCommit }: RouteContext): Router {
  const router = Router();
  // Only these paths need a user: a router-wide `use` at /api would also catch unknown routes.
  router.use(['/library', '/models/:id/library'], requireUser);
  router.get('/library', async (_req, res) => {
    res.json({ entries: await listLibrary({ db }) });
  });
  router.post('/library', async (req, res) => {
    res.status(201).json(
      await createLibraryEntry({
        db,
        user: req.auth!.user,
        body: parseBody(ZRecordBody, req.body),
      }),
    );
  });
  router.delete('/library/:entryId', async (req, res) => {
    await deleteLibraryEntry({ db, user: req.auth!.user, id: req.params.entryId });
    res.status(204).end();
  });
  router.post('/models/:id/library/:entryId/apply', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'editor' });
    const { elementId } = parseBody(ZApplyLibraryEntry, req.body);
    res.status(201).json(
      await applyLibraryEntry({
        db,
        modelId: req.params.id,
        actor: req.auth!.user.id,
        entryId: req.params.entryId,
        elementId,
        publish: publishCommit,
      }),
    );
  });
  return router;
}
