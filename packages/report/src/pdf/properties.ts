import type { Element } from '@threatloom/core';

/** Display names of element properties; only those that are set are listed. */
const PROPERTY_LABELS: Record<string, string> = {
  providesAuthentication: 'Provides authentication',
  privilegeLevel: 'Privilege level',
  isWebApplication: 'Web application',
  handlesCardPayment: 'Handles card payment',
  handlesGoodsOrServices: 'Handles goods or services',
  isALog: 'Is a log',
  isEncrypted: 'Encrypted',
  isSigned: 'Signed',
  storesCredentials: 'Stores credentials',
  storesInventory: 'Stores inventory',
  protocol: 'Protocol',
  isPublicNetwork: 'Public network',
  isBidirectional: 'Bidirectional',
  handlesPII: 'Handles personal data',
  isMLModel: 'ML model',
  isTrainingData: 'Training data',
};

/** "Label: value" for each property of the element that is set (true or non-empty). */
export function propertyList(el: Element): string[] {
  const out: string[] = [];
  for (const [key, name] of Object.entries(PROPERTY_LABELS)) {
    const value = (el as Record<string, unknown>)[key];
    if (value === true) out.push(name);
    else if (typeof value === 'string' && value !== '') out.push(`${name}: ${value}`);
  }
  return out;
}
