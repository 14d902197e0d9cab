import { afterEach, describe, expect, it } from 'vitest';
import { SyncClient, type Op, type SyncTransport } from '@threatloom/core';
import { createModelStore, modelIndex, recordOf } from './model-store';
import { MODEL_SKETCH, type Sketch } from './records.test-helper';

/** A socket that never connects: the engine works offline, applying edits locally (as in the browser). */
const offline: SyncTransport = { connected: false, emit: () => {}, on: () => {} };

const SKETCH: Sketch[] = [
  ...MODEL_SKETCH,
  { id: 'd2', typeName: 'diagram', title: 'Second', order: 1 },
  {
    id: 'p',
    typeName: 'process',
    diagramId: 'd',
    name: 'API',
    x: 0,
    y: 0,
    width: 100,
    height: 100,
  },
  { id: 's', typeName: 'store', diagramId: 'd2', name: 'DB', x: 0, y: 0, width: 100, height: 50 },
  {
    id: 't',
    typeName: 'threat',
    diagramId: 'd2',
    elementId: 's',
    number: 1,
    title: 'Tampering with backups',
    category: 'tampering',
  },
];

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((d) => d()));

async function open(sketch: Sketch[] = SKETCH) {
  const client = new SyncClient({ modelId: 'm', transport: offline });
  await client.start();
  const { store, dispose } = createModelStore(client);
  disposers.push(() => {
    dispose();
    client.stop();
  });
  store.getState().grantRole('editor');
  store.getState().submit(sketch.map((record) => ({ type: 'put', record }) as Op));
  expect(store.getState().error).toBeNull();
  return store;
}

describe('model store', () => {
  it('publishes a new record map per change and shows the first diagram by order', async () => {
    const store = await open();
    const before = store.getState().records;
    expect(store.getState().diagramId).toBe('d');
    store.getState().submit([{ type: 'patch', id: 'p', fields: { name: 'Gateway' } }]);
    const after = store.getState().records;
    expect(after).not.toBe(before);
    expect(after.get('p')).toMatchObject({ name: 'Gateway' });
    // Records that did not change keep their identity, so memoized nodes skip rendering.
    expect(after.get('s')).toBe(before.get('s'));
    expect(store.getState().pending).toBeGreaterThan(0);
  });

  it('a refused edit changes nothing and says why', async () => {
    const store = await open();
    const before = store.getState().records;
    store.getState().submit([{ type: 'patch', id: 'missing', fields: { name: 'x' } }]);
    expect(store.getState().error).toMatch(/^Edit refused: /);
    expect(store.getState().records).toBe(before);
  });

  it('undo and redo revert and restore the last edit, with the counters following', async () => {
    const store = await open();
    store.getState().submit([{ type: 'patch', id: 'p', fields: { name: 'Gateway' } }]);
    expect(store.getState().canUndo).toBe(true);
    store.getState().undo();
    expect(store.getState().records.get('p')).toMatchObject({ name: 'API' });
    expect(store.getState().canRedo).toBe(true);
    store.getState().redo();
    expect(store.getState().records.get('p')).toMatchObject({ name: 'Gateway' });
  });

  it('roles decide what the UI offers', async () => {
    const store = await open();
    store.getState().grantRole('commenter');
    expect([store.getState().canEdit, store.getState().canComment]).toEqual([false, true]);
    store.getState().grantRole('viewer');
    expect([store.getState().canEdit, store.getState().canComment]).toEqual([false, false]);
    store.getState().grantRole('owner');
    expect([store.getState().canEdit, store.getState().canComment]).toEqual([true, true]);
  });

  it('only owners get the owner actions, and no role leaves the model read-only', async () => {
    const store = await open();
    const offers = () => {
      const { canEdit, canComment, isOwner } = store.getState();
      return { canEdit, canComment, isOwner };
    };
    expect(offers()).toEqual({ canEdit: true, canComment: true, isOwner: false });
    store.getState().grantRole('owner');
    expect(offers()).toEqual({ canEdit: true, canComment: true, isOwner: true });
    store.getState().grantRole(undefined);
    expect(offers()).toEqual({ canEdit: false, canComment: false, isOwner: false });
  });

  it('showDiagram clears the selection; the panel tab, open threat and error are set and cleared', async () => {
    const store = await open();
    store.getState().select(['p']);
    store.getState().showDiagram('d2');
    expect(store.getState()).toMatchObject({ diagramId: 'd2', selection: [] });
    store.getState().showPanelTab('comments');
    store.getState().toggleThreat('t');
    expect(store.getState()).toMatchObject({ panelTab: 'comments', openThreatId: 't' });
    store.getState().toggleThreat(null);
    expect(store.getState().openThreatId).toBeNull();
    store.getState().submit([{ type: 'remove', id: 'missing' }]);
    expect(store.getState().error).not.toBeNull();
    store.getState().dismissError();
    expect(store.getState().error).toBeNull();
  });

  it('openThreat selects its element, shows its diagram and opens it on the Threats tab', async () => {
    const store = await open();
    store.getState().showPanelTab('comments');
    store.getState().openThreat('t');
    expect(store.getState()).toMatchObject({
      diagramId: 'd2',
      selection: ['s'],
      panelTab: 'threats',
      openThreatId: 't',
    });
    // Something that is not a threat opens nothing.
    store.getState().openThreat('p');
    expect(store.getState().selection).toEqual(['s']);
  });

  it('openElement keeps the panel tab unless told, and ignores what is not an element', async () => {
    const store = await open();
    store.getState().openElement('p');
    expect(store.getState()).toMatchObject({
      diagramId: 'd',
      selection: ['p'],
      panelTab: 'properties',
    });
    store.getState().openElement('s', 'threats');
    expect(store.getState()).toMatchObject({
      diagramId: 'd2',
      selection: ['s'],
      panelTab: 'threats',
    });
    store.getState().openElement('m');
    expect(store.getState().selection).toEqual(['s']);
  });

  it('a removal drops the removed ids from the selection, the open threat and renaming', async () => {
    const store = await open();
    store.getState().openThreat('t');
    store.getState().startRename('s');
    store.getState().submit([{ type: 'remove', id: 's' }]);
    expect(store.getState()).toMatchObject({ selection: [], openThreatId: null, renaming: null });
    expect(store.getState().records.has('t')).toBe(false);
  });

  it('removing the shown diagram shows the next one', async () => {
    const store = await open();
    store.getState().submit([{ type: 'remove', id: 'd' }]);
    expect(store.getState().diagramId).toBe('d2');
  });

  it('startRename and endRename mark the element being named in place', async () => {
    const store = await open();
    store.getState().startRename('p');
    expect(store.getState().renaming).toBe('p');
    store.getState().endRename();
    expect(store.getState().renaming).toBeNull();
  });
});

describe('modelIndex', () => {
  it('is computed once per record map', async () => {
    const store = await open();
    const records = store.getState().records;
    expect(modelIndex(records)).toBe(modelIndex(records));
    expect(
      modelIndex(records)
        .threatsByElement.get('s')
        ?.map((t) => t.id),
    ).toEqual(['t']);
  });
});

describe('recordOf', () => {
  it('finds a record by id, of the asked type only', async () => {
    const records = (await open()).getState().records;
    expect(recordOf(records, 't', 'threat')?.title).toBe('Tampering with backups');
    expect(recordOf(records, 't')?.id).toBe('t');
    expect(recordOf(records, 't', 'store')).toBeUndefined();
    expect(recordOf(records, null)).toBeUndefined();
    expect(recordOf(records, 'missing')).toBeUndefined();
  });
});
