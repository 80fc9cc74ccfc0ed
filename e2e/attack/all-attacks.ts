// Every attack `npm run attack` runs, in the order of issue 12's findings.
import type { Attack } from './attack';
import { attacks as mqttHugeConnect } from './attacks/mqtt-huge-connect';
import { attacks as signIn } from './attacks/sign-in';
import { attacks as startUp } from './attacks/startup';

export const ALL_ATTACKS: Attack[] = [...mqttHugeConnect, ...signIn, ...startUp];
