import type { Db } from '../../db/open-database';
import { notFound } from '../app-error';

/** Removes an organisation rule. Threats it suggested stay in their models. */
export async function deleteOrgRule(options: { db: Db; id: string }): Promise<void> {
  const { count } = await options.db.orgRule.deleteMany({ where: { id: options.id } });
  if (count === 0) throw notFound('rule');
}
