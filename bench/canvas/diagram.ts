import { toNativeDocument, type ModelRecord } from '../../packages/core/src/index';

/**
 * A native document with one diagram of `boxes` actors, processes and stores
 * on a grid, and `flows` flows between grid neighbours: the canvas benchmark's
 * 1,000-element diagram (600 boxes + 400 flows).
 */
export function benchDocument(boxes: number, flows: number) {
  const records: ModelRecord[] = [
    {
      id: 'bench-model',
      typeName: 'model',
      title: `Canvas bench ${boxes + flows}`,
      summary: '',
      scope: '',
      owner: '',
      reviewer: '',
      contributors: [],
      reviewState: 'draft',
      reviewedBy: '',
      reviewedAt: '',
      reviewNote: '',
      disabledOrgRules: [],
      tags: [],
    },
    {
      id: 'bench-diagram',
      typeName: 'diagram',
      title: 'Big diagram',
      description: '',
      methodology: 'stride',
      order: 0,
    },
  ];
  const columns = Math.ceil(Math.sqrt(boxes * 1.5));
  const kinds = ['actor', 'process', 'store'] as const;
  const base = {
    diagramId: 'bench-diagram',
    description: '',
    outOfScope: false,
    outOfScopeReason: '',
    handlesPII: false,
    isMLModel: false,
    isTrainingData: false,
    zIndex: 0,
  };
  for (let i = 0; i < boxes; i++) {
    const kind = kinds[i % 3]!;
    const common = {
      ...base,
      id: `b${i}`,
      name: `${kind} ${i}`,
      x: (i % columns) * 220,
      y: Math.floor(i / columns) * 160,
      width: kind === 'process' ? 100 : 140,
      height: kind === 'process' ? 100 : 70,
    };
    if (kind === 'actor')
      records.push({ ...common, typeName: 'actor', providesAuthentication: false });
    else if (kind === 'process')
      records.push({
        ...common,
        typeName: 'process',
        privilegeLevel: '',
        isWebApplication: false,
        handlesCardPayment: false,
        handlesGoodsOrServices: false,
      });
    else
      records.push({
        ...common,
        typeName: 'store',
        isALog: false,
        isEncrypted: false,
        isSigned: false,
        storesCredentials: false,
        storesInventory: false,
      });
  }
  for (let i = 0; i < flows; i++) {
    const source = i % boxes;
    const target = (i + 1) % boxes;
    records.push({
      ...base,
      id: `f${i}`,
      typeName: 'flow',
      name: `flow ${i}`,
      sourceId: `b${source}`,
      targetId: `b${target}`,
      sourcePoint: null,
      targetPoint: null,
      waypoints: [],
      protocol: i % 2 ? 'HTTPS' : '',
      isEncrypted: i % 2 === 1,
      isPublicNetwork: false,
      isBidirectional: false,
    });
  }
  return toNativeDocument(records);
}
