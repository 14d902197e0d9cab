import { Router, type Request } from 'express';
import { deleteOrgRule } from '../../services/rules/delete-org-rule';
import { importOrgRules } from '../../services/rules/import-org-rules';
import { listOrgRules } from '../../services/rules/list-org-rules';
import { saveOrgRule } from '../../services/rules/save-org-rule';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { forbidden } from '../../services/app-error';
import { parseBody } from '../errors';
import { ZSaveRule } from '../schemas';

/** The signed-in admin's id, or a 403. */
function adminId(req: Request): string {
  if (!req.auth?.user.isAdmin) throw forbidden('only an instance admin can change rules');
  return req.auth.user.id;
}

/**
 * /api/rules: the organisation's threat rules. Every signed-in user reads them
 * (the web editor runs them in the browser); only instance admins change them.
 */
export function ruleRoutes({ db }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);
  router.get('/', async (_req, res) => {
    res.json({ rules: await listOrgRules({ db }) });
  });
  router.get('/export', async (_req, res) => {
    const rules = (await listOrgRules({ db })).map((e) => e.rule);
    res.set('Content-Disposition', 'attachment; filename="threatloom-rules.json"');
    res.json({ rules });
  });
  router.post('/import', async (req, res) => {
    res.json(await importOrgRules({ db, userId: adminId(req), body: req.body }));
  });
  router.post('/', async (req, res) => {
    const userId = adminId(req);
    const body = parseBody(ZSaveRule, req.body);
    res.status(201).json(
      await saveOrgRule({
        db,
        userId,
        rule: body.rule,
        enabled: body.enabled,
      }),
    );
  });
  router.put('/:ruleId', async (req, res) => {
    const userId = adminId(req);
    const body = parseBody(ZSaveRule, req.body);
    res.json(
      await saveOrgRule({
        db,
        userId,
        rule: body.rule,
        enabled: body.enabled,
        id: req.params.ruleId,
      }),
    );
  });
  router.delete('/:ruleId', async (req, res) => {
    adminId(req);
    await deleteOrgRule({ db, id: req.params.ruleId });
    res.status(204).end();
  });
  return router;
}
