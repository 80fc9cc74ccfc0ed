// Every attack `npm run attack` runs, in the order of issue 12's findings.
import type { Attack } from './attack';
import { attacks as mqttHugeConnect } from './attacks/mqtt-huge-connect';
import { attacks as mqttBeforeAuth } from './attacks/mqtt-before-auth';
import { attacks as httpMediaUnauthenticated } from './attacks/http-media-unauthenticated';
import { attacks as campaignReplay } from './attacks/campaign-replay';
import { attacks as signIn } from './attacks/sign-in';
import { attacks as diskFull } from './attacks/disk-full';
import { attacks as startUp } from './attacks/startup';
import { attacks as tls } from './attacks/tls';

export const ALL_ATTACKS: Attack[] = [
  ...mqttHugeConnect,
  ...mqttBeforeAuth,
  ...httpMediaUnauthenticated,
  ...campaignReplay,
  ...signIn,
  ...diskFull,
  ...startUp,
  ...tls,
];
