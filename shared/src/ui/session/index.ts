export * from './AttractLoop';
export * from './HelpButton';
export * from './IdleCountdown';
export * from './use-idle';
