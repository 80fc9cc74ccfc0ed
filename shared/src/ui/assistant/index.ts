export * from './AssistantPanel';
