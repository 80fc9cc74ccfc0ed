export * from './campaign';
export * from './canonical';
export * from './screen-profile';
export * from './signed-campaign';
