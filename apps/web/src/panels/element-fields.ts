import type { ElementKind } from '@threatloom/core';

/**
 * The editable properties of each element kind, in the order the properties
 * panel shows them: every field of packages/core/src/model/records.ts except
 * ids, geometry and z-order (edited on the canvas).
 */
type FieldSpec = { field: string; label: string; kind: 'text' | 'multiline' | 'check' };

const common: FieldSpec[] = [
  { field: 'name', label: 'Name', kind: 'text' },
  { field: 'description', label: 'Description', kind: 'multiline' },
  { field: 'outOfScope', label: 'Out of scope', kind: 'check' },
  { field: 'outOfScopeReason', label: 'Reason for out of scope', kind: 'multiline' },
];
const assets: FieldSpec[] = [
  { field: 'handlesPII', label: 'Handles personal data (PII)', kind: 'check' },
  { field: 'isMLModel', label: 'Is a machine-learning model', kind: 'check' },
  { field: 'isTrainingData', label: 'Holds training data', kind: 'check' },
];

export const ELEMENT_FIELDS: Record<ElementKind, FieldSpec[]> = {
  actor: [
    ...common,
    { field: 'providesAuthentication', label: 'Provides authentication', kind: 'check' },
    ...assets,
  ],
  process: [
    ...common,
    { field: 'privilegeLevel', label: 'Privilege level', kind: 'text' },
    { field: 'isWebApplication', label: 'Web application', kind: 'check' },
    { field: 'handlesCardPayment', label: 'Handles card payment', kind: 'check' },
    { field: 'handlesGoodsOrServices', label: 'Handles goods or services', kind: 'check' },
    ...assets,
  ],
  store: [
    ...common,
    { field: 'isALog', label: 'Is a log', kind: 'check' },
    { field: 'isEncrypted', label: 'Encrypted', kind: 'check' },
    { field: 'isSigned', label: 'Signed', kind: 'check' },
    { field: 'storesCredentials', label: 'Stores credentials', kind: 'check' },
    { field: 'storesInventory', label: 'Stores inventory', kind: 'check' },
    ...assets,
  ],
  flow: [
    ...common,
    { field: 'protocol', label: 'Protocol', kind: 'text' },
    { field: 'isEncrypted', label: 'Encrypted', kind: 'check' },
    { field: 'isPublicNetwork', label: 'Over a public network', kind: 'check' },
    { field: 'isBidirectional', label: 'Bidirectional', kind: 'check' },
    ...assets,
  ],
  boundary: common,
  'boundary-line': common,
  note: [
    { field: 'name', label: 'Text', kind: 'multiline' },
    { field: 'description', label: 'Description', kind: 'multiline' },
  ],
};
