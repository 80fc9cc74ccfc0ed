export * from './programme';
export * from './perk-value';
export * from './rules';
export * from './optimiser';
export * from './perk-search';
export * from './explain';
