import { ZModelRecord, type ModelRecord } from '../model/records';

/** Minimal diagrams around one element under test, `T`, for the per-rule tests. */

export type Fields = Record<string, unknown>;

export interface Scene {
  el: Fields;
  /** Box T: a peer sending a flow into T (`fromFlow` sets the flow's fields). */
  from?: Fields;
  fromFlow?: Fields;
  /** Box T: a second peer sending into T. */
  also?: Fields;
  /** Box T: a second hop, sending into `from` (for conditions about the sender's own neighbours). */
  fromFrom?: Fields;
  fromFromFlow?: Fields;
  /** Box T: a peer T sends a flow to. */
  to?: Fields;
  toFlow?: Fields;
  /** Flow T: its source and target elements (default processes); null leaves the end dangling. */
  source?: Fields | null;
  target?: Fields | null;
  /** Flow T: a peer sending into T's source (second hop). */
  sourceFrom?: Fields;
  /** Draw a trust boundary box around T (box) or around T's target end (flow). */
  inZone?: boolean;
  /** Diagram methodology (default generic). */
  methodology?: string;
}

export const actor = (f: Fields = {}) => ({ typeName: 'actor', ...f });
export const proc = (f: Fields = {}) => ({ typeName: 'process', ...f });
export const store = (f: Fields = {}) => ({ typeName: 'store', ...f });
export const flow = (f: Fields = {}) => ({ typeName: 'flow', ...f });
/** Shorthands for elements named like their technology. */
export const named = (typeName: string, name: string, f: Fields = {}) => ({
  typeName,
  name,
  ...f,
});

export function build(scene: Scene): ModelRecord[] {
  const raw: Fields[] = [
    { id: 'm', typeName: 'model', title: 'fixture' },
    { id: 'd', typeName: 'diagram', methodology: scene.methodology ?? 'generic' },
  ];
  const zone = {
    id: 'Z',
    typeName: 'boundary',
    diagramId: 'd',
    x: 380,
    y: -20,
    width: 180,
    height: 120,
  };
  if (scene.el.typeName === 'flow') {
    const src = scene.source === undefined ? proc() : scene.source;
    const tgt = scene.target === undefined ? proc() : scene.target;
    if (src) raw.push({ ...src, id: 'S', diagramId: 'd', x: 0, y: 0 });
    if (tgt) raw.push({ ...tgt, id: 'U', diagramId: 'd', x: 400, y: 0 });
    if (src && scene.sourceFrom)
      raw.push(
        { ...scene.sourceFrom, id: 'R', diagramId: 'd', x: -400, y: 0 },
        { ...flow(), id: 'H', diagramId: 'd', sourceId: 'R', targetId: 'S' },
      );
    raw.push({
      ...scene.el,
      id: 'T',
      diagramId: 'd',
      ...(src ? { sourceId: 'S' } : { sourcePoint: { x: 0, y: 0 } }),
      ...(tgt ? { targetId: 'U' } : { targetPoint: { x: 460, y: 40 } }),
    });
  } else {
    raw.push({ ...scene.el, id: 'T', diagramId: 'd', x: 400, y: 0 });
    if (scene.from)
      raw.push(
        { ...scene.from, id: 'P', diagramId: 'd', x: 0, y: 0 },
        { ...flow(scene.fromFlow), id: 'F', diagramId: 'd', sourceId: 'P', targetId: 'T' },
      );
    if (scene.also)
      raw.push(
        { ...scene.also, id: 'P2', diagramId: 'd', x: 0, y: 300 },
        { ...flow(), id: 'F2', diagramId: 'd', sourceId: 'P2', targetId: 'T' },
      );
    if (scene.from && scene.fromFrom)
      raw.push(
        { ...scene.fromFrom, id: 'O', diagramId: 'd', x: -400, y: 0 },
        { ...flow(scene.fromFromFlow), id: 'E', diagramId: 'd', sourceId: 'O', targetId: 'P' },
      );
    if (scene.to)
      raw.push(
        { ...scene.to, id: 'Q', diagramId: 'd', x: 800, y: 0 },
        { ...flow(scene.toFlow), id: 'G', diagramId: 'd', sourceId: 'T', targetId: 'Q' },
      );
  }
  if (scene.inZone) raw.push(zone);
  return raw.map((r) => ZModelRecord.parse(r));
}
