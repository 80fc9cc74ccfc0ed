export * from './shared-look';
