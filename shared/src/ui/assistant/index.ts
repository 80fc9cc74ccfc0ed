export * from './AssistantPanel';
export * from './ContinueOnPhone';
