// Every attack `npm run attack` runs, in the order of issue 12's findings.
import type { Attack } from './attack';
import { attacks as mqttHugeConnect } from './attacks/mqtt-huge-connect';
import { attacks as diskFull } from './attacks/disk-full';

export const ALL_ATTACKS: Attack[] = [...mqttHugeConnect, ...diskFull];
