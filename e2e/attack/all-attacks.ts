// Every attack `npm run attack` runs, in the order of issue 12's findings.
import type { Attack } from './attack';
import { attacks as mqttHugeConnect } from './attacks/mqtt-huge-connect';

export const ALL_ATTACKS: Attack[] = [...mqttHugeConnect];
