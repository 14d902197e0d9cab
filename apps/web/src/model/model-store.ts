import {
  indexModel,
  type ModelIndex,
  type ModelRecord,
  type Op,
  type RecordMap,
  type Role,
  roleAtLeast,
  type SyncClient,
  type SyncStatus,
} from '@threatloom/core';
import { createStore } from 'zustand/vanilla';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'failed';

/** The side panel's tabs for a selected element. */
export type PanelTab = 'properties' | 'threats' | 'comments';

export interface ModelState {
  /** What the user sees: confirmed state with pending edits on top. A new Map per change; unchanged records keep their identity. */
  records: RecordMap;
  status: ConnectionStatus;
  /** True once the server's snapshot (or stored pending edits) arrived. */
  loaded: boolean;
  pending: number;
  canUndo: boolean;
  canRedo: boolean;
  /** The last refused edit or session problem, for a toast. */
  error: string | null;
  /** Ids selected in the editor (this user only). */
  selection: string[];
  /** Diagram shown in the editor. */
  diagramId: string | null;
  /** The side panel's tab for the selected element; it stays when the selection changes. */
  panelTab: PanelTab;
  /** The threat opened in the side panel, if any. */
  openThreatId: string | null;
  /** The element whose name is being edited in place on the canvas. */
  renaming: string | null;
  canEdit: boolean;
  canComment: boolean;
  /** Owners alone change the review state (the server enforces it). */
  isOwner: boolean;
  /** Sets what the UI offers from the user's role on this model. */
  grantRole: (role: Role | undefined) => void;
  /** Actions are verbs; every edit goes through the sync engine. */
  submit: (ops: readonly Op[]) => void;
  undo: () => void;
  redo: () => void;
  select: (ids: string[]) => void;
  showDiagram: (id: string) => void;
  /** Selects an element (showing its diagram), with the side panel on `tab` if given. */
  openElement: (id: string, tab?: PanelTab) => void;
  /** Selects a threat's element and opens that threat on its Threats tab. */
  openThreat: (threatId: string) => void;
  showPanelTab: (tab: PanelTab) => void;
  /** Opens or closes one threat of the selected element. */
  toggleThreat: (threatId: string | null) => void;
  startRename: (id: string) => void;
  endRename: () => void;
  dismissError: () => void;
}

export type ModelStore = ReturnType<typeof createModelStore>['store'];

const STATUS: Record<SyncStatus, ConnectionStatus> = {
  loading: 'connecting',
  joining: 'connecting',
  synced: 'online',
  offline: 'offline',
  failed: 'failed',
};

/** One zustand store per open model, fed by core's SyncClient. */
export function createModelStore(client: SyncClient) {
  const counters = () => ({
    pending: client.pendingCount,
    canUndo: client.canUndo,
    canRedo: client.canRedo,
  });
  const store = createStore<ModelState>()((set, get) => ({
    records: new Map(client.records),
    status: STATUS[client.status],
    loaded: false,
    ...counters(),
    error: null,
    selection: [],
    diagramId: null,
    panelTab: 'properties',
    openThreatId: null,
    renaming: null,
    // Read-only until the server says which role this user has.
    canEdit: false,
    canComment: false,
    isOwner: false,
    grantRole: (role) => {
      set({
        canEdit: roleAtLeast(role, 'editor'),
        canComment: roleAtLeast(role, 'commenter'),
        isOwner: roleAtLeast(role, 'owner'),
      });
    },
    submit: (ops) => {
      const result = client.apply(ops);
      if (!result.ok) set({ error: `Edit refused: ${result.error.message}` });
      set(counters());
    },
    undo: () => {
      client.undo();
      set(counters());
    },
    redo: () => {
      client.redo();
      set(counters());
    },
    select: (ids) => set({ selection: ids }),
    showDiagram: (id) => set({ diagramId: id, selection: [] }),
    openElement: (id, tab) => {
      const r = get().records.get(id);
      if (!r || !('diagramId' in r)) return;
      set({ diagramId: r.diagramId, selection: [id], ...(tab ? { panelTab: tab } : {}) });
    },
    openThreat: (threatId) => {
      const t = get().records.get(threatId);
      if (t?.typeName !== 'threat') return;
      get().openElement(t.elementId, 'threats');
      set({ openThreatId: threatId });
    },
    showPanelTab: (tab) => set({ panelTab: tab }),
    toggleThreat: (threatId) => set({ openThreatId: threatId }),
    startRename: (id) => set({ renaming: id }),
    endRename: () => set({ renaming: null }),
    dismissError: () => set({ error: null }),
  }));
  client.subscribe(() => {
    // The engine updates its view in place; the store publishes a copy so selectors see a change.
    const records: RecordMap = new Map(client.records);
    store.setState((s) => ({
      records,
      ...counters(),
      loaded: s.loaded || client.status === 'synced',
      diagramId: s.diagramId && records.has(s.diagramId) ? s.diagramId : firstDiagram(records),
      selection: s.selection.filter((id) => records.has(id)),
      openThreatId: s.openThreatId && records.has(s.openThreatId) ? s.openThreatId : null,
      renaming: s.renaming && records.has(s.renaming) ? s.renaming : null,
    }));
  });
  // A pending op confirmed with no visible change emits no update: keep the counters honest anyway.
  const refresh = setInterval(() => {
    const now = counters();
    const s = store.getState();
    if (now.pending !== s.pending || now.canUndo !== s.canUndo || now.canRedo !== s.canRedo)
      store.setState(now);
  }, 300);
  client.on('status', (status) => {
    // A mark for the canvas benchmark's breakdown of opening time.
    if (status === 'synced' && !store.getState().loaded) performance.mark('threatloom:synced');
    store.setState((s) => ({
      status: STATUS[status],
      loaded: s.loaded || status === 'synced',
      ...counters(),
    }));
  });
  client.on('rejected', (r) =>
    store.setState({ error: `Edit refused: ${r.error.message}`, ...counters() }),
  );
  client.on('fatal', (e) =>
    store.setState({
      error:
        e.code === 'version_mismatch'
          ? 'Threatloom was updated: reload the page to continue.'
          : e.message,
    }),
  );
  return { store, dispose: () => clearInterval(refresh) };
}

function firstDiagram(records: RecordMap): string | null {
  let best: { id: string; order: number } | null = null;
  for (const r of records.values())
    if (r.typeName === 'diagram' && (!best || r.order < best.order))
      best = { id: r.id, order: r.order };
  return best?.id ?? null;
}

// Module-level selectors: stable functions, so subscriptions compare only what they pick.
export const selectRecords = (s: ModelState) => s.records;
export const selectLoaded = (s: ModelState) => s.loaded;
export const selectSelection = (s: ModelState) => s.selection;
export const selectDiagramId = (s: ModelState) => s.diagramId;
export const selectCanEdit = (s: ModelState) => s.canEdit;
export const selectIsOwner = (s: ModelState) => s.isOwner;
export const selectCanComment = (s: ModelState) => s.canComment;
export const selectSubmit = (s: ModelState) => s.submit;
export const selectPanelTab = (s: ModelState) => s.panelTab;
export const selectOpenThreatId = (s: ModelState) => s.openThreatId;

const indexCache = new WeakMap<RecordMap, ModelIndex>();
/** The read index of a record set, computed once per state (the store replaces its map on every change). */
export function modelIndex(records: RecordMap): ModelIndex {
  let index = indexCache.get(records);
  if (!index) {
    index = indexModel(records.values());
    indexCache.set(records, index);
  }
  return index;
}

export function recordOf<T extends ModelRecord['typeName']>(
  records: RecordMap,
  id: string | null | undefined,
  typeName?: T,
): Extract<ModelRecord, { typeName: T }> | undefined {
  if (!id) return undefined;
  const r = records.get(id);
  if (!r || (typeName && r.typeName !== typeName)) return undefined;
  return r as Extract<ModelRecord, { typeName: T }>;
}
