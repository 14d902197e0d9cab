import { Router } from 'express';
import {
  createRecord,
  getRecord,
  listRecords,
  patchRecord,
  removeRecord,
} from '../../services/records/record-crud';
import { RECORD_KINDS, type RecordKind } from '../../services/records/record-kinds';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';
import { ZFieldsBody, ZRecordBody } from '../schemas';

/**
 * CRUD for /api/models/:id/{diagrams,elements,threats,mitigations,comments}.
 * Reading needs any role (others get 404); writes go through commitOps, which
 * applies the role rules (viewers nothing, commenters only comments).
 */
export function recordRoutes({ db, publishCommit: publish }: RouteContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireUser);
  for (const kind of Object.keys(RECORD_KINDS) as RecordKind[]) {
    const member = (modelId: string, userId: string) =>
      requireRole({ db, modelId, userId, min: 'viewer' });

    router.get(`/:id/${kind}`, async (req, res) => {
      await member(req.params.id, req.auth!.user.id);
      res.json({ records: await listRecords({ db, modelId: req.params.id, kind }) });
    });
    router.post(`/:id/${kind}`, async (req, res) => {
      await member(req.params.id, req.auth!.user.id);
      const body = parseBody(ZRecordBody, req.body);
      res.status(201).json(
        await createRecord({
          db,
          modelId: req.params.id,
          kind,
          user: req.auth!.user,
          body,
          publish,
        }),
      );
    });
    router.get(`/:id/${kind}/:recordId`, async (req, res) => {
      await member(req.params.id, req.auth!.user.id);
      res.json(await getRecord({ db, modelId: req.params.id, kind, id: req.params.recordId }));
    });
    router.patch(`/:id/${kind}/:recordId`, async (req, res) => {
      await member(req.params.id, req.auth!.user.id);
      const fields = parseBody(ZFieldsBody, req.body);
      res.json(
        await patchRecord({
          db,
          modelId: req.params.id,
          kind,
          id: req.params.recordId,
          actor: req.auth!.user.id,
          fields,
          publish,
        }),
      );
    });
    router.delete(`/:id/${kind}/:recordId`, async (req, res) => {
      await member(req.params.id, req.auth!.user.id);
      await removeRecord({
        db,
        modelId: req.params.id,
        kind,
        id: req.params.recordId,
        actor: req.auth!.user.id,
        publish,
      });
      res.status(204).end();
    });
  }
  return router;
}
