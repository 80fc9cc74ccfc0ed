export * from './campaign';
export * from './canonical';
export * from './fleet';
export * from './screen-profile';
export * from './signed-campaign';
export * from './preview-card';
export * from './campaign-revision';
