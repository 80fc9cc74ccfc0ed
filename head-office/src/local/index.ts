// Running the chain's real parts on one machine, for `npm run chain` and the tests.
export { findNatsServer, findPostgres, MissingToolError } from './find-tools';
export { startPostgres, type LocalPostgres } from './postgres-local';
export {
  startNatsCluster,
  type NatsCluster,
  type NatsClusterNode,
  type NatsClusterOptions,
} from './nats-cluster';
export { NatsNodeError } from './nats-node';
