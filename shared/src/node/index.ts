// What both servers (store and head office) run on Node: the route registrar,
// the body gate and its rules, the error answers, the log, the head-office signing key, the
// catalogue feeds' readers and staging, and people's passwords and sign-in limits.
export * from './log';
export * from './http/http-error';
export * from './http/close-after-response';
export * from './http/body-rules';
export * from './http/body-gate';
export * from './http/register-routes';
export * from './signing-key';
export * from './media/sniff-media';
export * from './feed';
export * from './auth/passwords';
export * from './auth/sign-in-limiter';
