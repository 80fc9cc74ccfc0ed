// Entry for an app's main process.
export { startShell, EXIT_CONFIG_ERROR } from './shell';
export type { ShellApp } from './app-identity';
