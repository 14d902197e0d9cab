import type { Client } from './client';

/** Creates a model with an actor, a process and a flow between them in its default diagram. */
export async function modelWithFlow(
  c: Client,
  title = 'Shop',
): Promise<{ id: string; diagramId: string; actorId: string; processId: string; flowId: string }> {
  const created = await c.post('/api/models', { title });
  if (created.status !== 201) throw new Error(`create failed: ${created.text}`);
  const id = created.body.id as string;
  const diagrams = await c.get(`/api/models/${id}/diagrams`);
  const diagramId = diagrams.body.records[0].id as string;
  const actor = await c.post(`/api/models/${id}/elements`, {
    typeName: 'actor',
    diagramId,
    name: 'Customer',
  });
  const proc = await c.post(`/api/models/${id}/elements`, {
    typeName: 'process',
    diagramId,
    name: 'Web app',
    isWebApplication: true,
    x: 300,
  });
  const flow = await c.post(`/api/models/${id}/elements`, {
    typeName: 'flow',
    diagramId,
    name: 'Order',
    sourceId: actor.body.id,
    targetId: proc.body.id,
    protocol: 'HTTPS',
  });
  if (flow.status !== 201) throw new Error(`flow failed: ${flow.text}`);
  return { id, diagramId, actorId: actor.body.id, processId: proc.body.id, flowId: flow.body.id };
}
