// The expert's live call feed (presence is over MQTT: use-expert-presence). It brings the
// profile, ringing calls, the shopper's signals and hang-ups.
import { useEffect, useState } from 'react';
import {
  apiRoutes,
  ExpertEvent,
  parseJson,
  routeUrl,
  type CallSummary,
  type ExpertProfile,
} from '@vitrine/shared/core';
import { openSseFeed } from '@vitrine/shared/ui/call';
import { session } from '../common/api';

export function useExpertFeed(onEvent: (event: ExpertEvent) => void) {
  const [profile, setProfile] = useState<ExpertProfile | null>(null);
  const [ringing, setRinging] = useState<CallSummary[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(
    () =>
      openSseFeed(
        routeUrl('', apiRoutes.experts.stream, {}),
        { authorization: `Bearer ${session.token() ?? ''}` },
        (message) => {
          const parsed = parseJson(ExpertEvent, message.data);
          if (!parsed.ok) return;
          const event = parsed.value;
          if (event.type === 'profile') setProfile(event.profile);
          else if (event.type === 'ring') setRinging((current) => [...current, event.call]);
          else if (event.type === 'ended')
            setRinging((current) => current.filter((call) => call.callId !== event.callId));
          onEvent(event);
        },
        setConnected,
      ),
    [onEvent],
  );
  return { profile, ringing, setRinging, connected };
}
