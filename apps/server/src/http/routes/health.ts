import { Router } from 'express';
import type { Db } from '../../db/open-database';

/** Liveness (the process answers) and readiness (the database answers). */
export function healthRoutes(db: Db): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await db.$queryRaw`SELECT 1`;
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { code: 'not_ready', message: 'database unreachable' } });
    }
  });
  return router;
}
