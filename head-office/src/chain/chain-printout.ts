// The one page `npm run chain` prints once the chain is up: the same as endpoints.json, for people.
import type { ChainEndpoints } from './endpoints';

export function chainPrintout(chain: ChainEndpoints, endpointsFile: string): string {
  const stores = chain.stores.flatMap((store) => [
    `  ${store.name} (${store.id})`,
    `    kiosk     ${store.kiosk}`,
    `    signage   ${store.signage}`,
    `    mirror    ${store.mirror}`,
    `    consoles  ${store.consoles}  (${store.demoUsers.join(', ')}; password ${store.demoPassword})`,
    `    health    ${store.health}`,
  ]);
  const nats = chain.nats.map(
    (node) => `    ${node.name}  client ${node.clientPort}  monitor ${node.monitorUrl}/`,
  );
  return [
    '',
    '  Vitrine chain of three stores is running:',
    '',
    `  Head office   ${chain.headOffice.url}/  (health ${chain.headOffice.health})`,
    `    console     ${chain.headOffice.console}  (user ${chain.headOffice.user.id}, password ${chain.headOffice.user.password})`,
    `    admin token ${chain.headOffice.adminToken}  (Authorization: Bearer <token>)`,
    '',
    ...stores,
    '',
    '  NATS cluster',
    ...nats,
    `  PostgreSQL    ${chain.postgres.url}`,
    '',
    `  Campaign "${chain.campaign.text}" (${chain.campaign.id} r${chain.campaign.revision}) is on every store's signage.`,
    `  All of this is in ${endpointsFile}. Ctrl-C stops the chain; its data stays in ${chain.dir}.`,
    '',
  ].join('\n');
}
