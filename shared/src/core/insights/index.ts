export * from './footfall';
export * from './kpis';
export * from './sales';
export * from './campaign-impact';
export * from './staffing';
