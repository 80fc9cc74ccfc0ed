// Expert presence over the broker: the store server reads every expert's
// retained birth / Last Will, feeds the directory (and so call dispatch), and
// publishes — retained — how many experts are free per skill for the screens.
// When a session signs out or expires it also publishes that session's
// "offline" itself, so presence is right even if a broker keeps the link open.
import {
  ExpertPresenceMessage,
  parseExpertPresenceTopic,
  parseJson,
  PROTOCOL_VERSION,
  topics,
  type ExpertAvailabilityMessage,
} from '@vitrine/shared/core';
import type { BrokerLink } from '../broker/broker-link';
import type { Logger } from '@vitrine/shared/node';
import type { ExpertDirectory } from './expert-directory';
import type { ExpertSessions } from './expert-sessions';

/** Re-published this often even unchanged, so a broker restart loses it for at most this long. */
const SUMMARY_REFRESH_MS = 30_000;

export async function attachExpertPresence(options: {
  link: BrokerLink;
  storeId: string;
  directory: ExpertDirectory;
  sessions: ExpertSessions;
  log: Logger;
}): Promise<() => void> {
  const { link, storeId, directory, sessions, log } = options;
  const ended = new Set<string>(); // `${expertId}:${presence session}` of ended sessions
  link.onMessage((topic, payload) => {
    const parsed = parseExpertPresenceTopic(topic);
    if (!parsed || parsed.storeId !== storeId || payload.length === 0) return;
    const { expertId } = parsed;
    const message = parseJson(ExpertPresenceMessage, payload.toString('utf8'));
    if (!message.ok) {
      log.warn({ expertId, error: message.error }, 'experts: refused a presence message');
      return;
    }
    // Defence in depth behind the ACL: a known expert, with a session we issued.
    if (!directory.known(expertId) || message.value.session > sessions.lastIssued(expertId)) {
      log.warn({ expertId, session: message.value.session }, 'experts: ignored presence');
      return;
    }
    // A console whose session ended may not come back by rebirth, whatever the broker does.
    if (message.value.type === 'online' && ended.has(`${expertId}:${message.value.session}`))
      return;
    directory.applyPresence(expertId, message.value);
  });

  let last = '';
  const publishSummary = (force: boolean) => {
    const skills = directory.availability();
    const key = JSON.stringify(skills);
    if (key === last && !force) return;
    last = key;
    const message: ExpertAvailabilityMessage = {
      v: PROTOCOL_VERSION,
      type: 'expert-availability',
      skills,
      at: new Date().toISOString(),
    };
    link.publish(topics.expertAvailability(storeId), JSON.stringify(message), {
      qos: 1,
      retain: true,
    });
  };
  const stopDirectory = directory.onChange(() => publishSummary(false));
  const stopEnded = sessions.onEnded((session) => {
    ended.add(`${session.expertId}:${session.presenceSession}`);
    link.publish(
      topics.expertPresence(storeId, session.expertId),
      JSON.stringify({ v: PROTOCOL_VERSION, type: 'offline', session: session.presenceSession }),
      { qos: 1, retain: true },
    );
  });
  const refresh = setInterval(() => publishSummary(true), SUMMARY_REFRESH_MS);
  await link.subscribe(topics.allExpertPresence(storeId));
  publishSummary(true);
  return () => {
    clearInterval(refresh);
    stopDirectory();
    stopEnded();
  };
}
