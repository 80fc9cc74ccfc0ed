export * from './create-text';
export * from './i18n';
export * from './messages';
export * from './spec-labels';
