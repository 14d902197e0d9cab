import { Router } from 'express';
import { SEVERITIES, THREAT_STATUSES } from '@threatloom/core';
import { ZReportOptions } from '@threatloom/report';
import { z } from 'zod';
import { getModel } from '../../services/models/get-model';
import { requireRole } from '../../services/models/require-role';
import { requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { parseBody } from '../errors';

const ZFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const keyList = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .string()
    .max(300)
    .transform((s) =>
      s
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== ''),
    )
    .pipe(z.array(z.enum(keys)).min(1, 'give at least one value'));

/** Query of GET /api/models/:id/report.pdf: Threat Dragon's report options plus severity and status filters. */
export const ZReportQuery = z
  .object({
    outOfScope: ZFlag.optional(),
    mitigated: ZFlag.optional(),
    empty: ZFlag.optional(),
    properties: ZFlag.optional(),
    diagrams: ZFlag.optional(),
    severity: keyList(SEVERITIES).optional(),
    status: keyList(THREAT_STATUSES).optional(),
  })
  .strict();

/** GET /api/models/:id/report.pdf — the PDF report (viewer role and up). */
export function reportRoutes({ db, reports }: RouteContext): Router {
  const router = Router();
  router.use(requireUser);
  router.get('/:id/report.pdf', async (req, res) => {
    await requireRole({ db, modelId: req.params.id, userId: req.auth!.user.id, min: 'viewer' });
    const q = parseBody(ZReportQuery, req.query, ['query']);
    const { model, records } = await getModel({ db, modelId: req.params.id, role: 'viewer' });
    const options = parseBody(ZReportOptions, {
      showOutOfScope: q.outOfScope,
      showMitigated: q.mitigated,
      showEmpty: q.empty,
      showProperties: q.properties,
      showDiagrams: q.diagrams,
      severities: q.severity ?? null,
      statuses: q.status ?? null,
    });
    // Off the event loop, in the report worker pool, within its limits (docs/limits.md).
    const pdf = await reports.render({ records, options }, { userId: req.auth!.user.id });
    res
      .attachment(`${model.title.slice(0, 100)} report.pdf`)
      .type('application/pdf')
      .send(Buffer.from(pdf));
  });
  return router;
}
