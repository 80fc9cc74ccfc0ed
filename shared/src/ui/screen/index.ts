export * from './brand-style';
export * from './screen-scale';
export * from './use-screen-scale';
export * from './use-store-settings';
