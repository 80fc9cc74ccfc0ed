// The console's presence on the store's broker: asks the server for a presence
// session (MQTT login derived from this signed-in session), then keeps a
// retained birth with the expert's skills and availability, and a Last Will.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ExpertPresenceLink,
  storeBrokerUrl,
  type ExpertDeclaration,
  type ExpertPresenceState,
} from '@vitrine/shared/client';
import { client, session } from '../common/api';
import { refusal } from '../common/refusal';
import { useText } from './i18n';

export type ExpertPresence = {
  /** What this console last declared (shown at once; the store's view comes on the feed). */
  declaration: ExpertDeclaration | null;
  link: ExpertPresenceState | 'starting';
  error: string | null;
  declare: (declaration: ExpertDeclaration) => void;
};

export function useExpertPresence(): ExpertPresence {
  const link = useRef<ExpertPresenceLink | null>(null);
  const [declaration, setDeclaration] = useState<ExpertDeclaration | null>(null);
  const [state, setState] = useState<ExpertPresence['link']>('starting');
  const [error, setError] = useState<string | null>(null);
  // The link lives as long as the console: its refusals are said in the language of the moment.
  const { t } = useText();
  const text = useRef(t);
  text.current = t;

  useEffect(() => {
    let cancelled = false;
    let current: ExpertPresenceLink | null = null;
    client.experts.presenceSession().then(
      (grant) => {
        if (cancelled) return;
        const initial = { skills: grant.skills, available: false };
        current = new ExpertPresenceLink({
          url: grant.url ?? storeBrokerUrl(window.location.origin),
          grant,
          password: session.token() ?? '',
          declaration: initial,
        });
        link.current = current;
        setDeclaration(initial);
        current.onState((next, detail) => {
          setState(next);
          if (next === 'refused') setError(text.current.sessionRefused(detail ?? ''));
          if (next === 'replaced') setError(text.current.openedElsewhere);
        });
        current.start();
      },
      (caught: unknown) => {
        if (!cancelled) setError(refusal(caught, text.current));
      },
    );
    return () => {
      cancelled = true;
      link.current = null;
      void current?.stop();
    };
  }, []);

  const declare = useCallback((next: ExpertDeclaration) => {
    setDeclaration(next);
    link.current?.declare(next);
  }, []);

  return { declaration, link: state, error, declare };
}
