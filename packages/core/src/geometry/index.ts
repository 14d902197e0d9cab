export * from './shapes';
export * from './rtree';
export * from './diagram-geometry';
