export * from './route';
export * from './api-client';
export * from './api-routes';
export * from './routes/fleet';
export * from './routes/devices';
export * from './openapi';
export * from './routes/meta';
