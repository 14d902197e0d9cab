export * from './rule';
export * from './condition';
export * from './scene';
export * from './generate';
export * from './merge';
export * from './describe';
export * from './rule-set';
export { RULES, PACKS } from './packs';
