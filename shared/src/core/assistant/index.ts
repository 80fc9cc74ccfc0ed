export * from './assistant-text';
export * from './answer-engine';
export { slugOf } from './assistant-knowledge';
export * from './question-guard';
export * from './assistant-reply';
