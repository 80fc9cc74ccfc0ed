// The expert's desk: skills and availability (published over MQTT as this
// console's presence), calls ringing with what the shopper is looking at, and
// the call itself with product cards to push.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type CallSignal,
  type CallSummary,
  type ExpertEvent,
  type ExpertSkill,
} from '@vitrine/shared/core';
import { client } from '../common/api';
import { refusal } from '../common/refusal';
import { LangSwitch, type ConsoleLang } from '@vitrine/shared/console-kit';
import type { ConsoleUser } from '../common/SignIn';
import { ActiveCall } from './ActiveCall';
import { AvailabilityPanel } from './AvailabilityPanel';
import { useText } from './i18n';
import { RingingCalls } from './RingingCalls';
import { startExpertPeer, type ExpertPeer } from './expert-peer';
import { useExpertFeed } from './use-expert-feed';
import { useExpertPresence } from './use-expert-presence';

export function ExpertDesk(props: {
  user: ConsoleUser;
  onLang: (lang: ConsoleLang) => void;
  onSignOut: () => void;
}) {
  const { t, lang } = useText();
  const peer = useRef<ExpertPeer | null>(null);
  const early = useRef<CallSignal[]>([]);
  const [call, setCall] = useState<CallSummary | null>(null);
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [autoAnswer, setAutoAnswer] = useState(false);
  const presence = useExpertPresence();
  const presenceRef = useRef(presence);
  presenceRef.current = presence;

  const hangUpLocally = () => {
    peer.current?.close();
    peer.current = null;
    setCall(null);
    setLocal(null);
    setRemote(null);
  };

  const take = async (summary: CallSummary) => {
    setError(null);
    try {
      const id = { id: summary.callId };
      await client.experts.accept({ params: id });
      const ice = await client.calls.iceServers();
      setCall(summary);
      const send = (signal: CallSignal) =>
        void client.experts.signal({ params: id, body: signal }).catch(() => undefined);
      early.current = [];
      peer.current = await startExpertPeer({
        iceServers: ice.iceServers,
        send,
        onRemoteStream: setRemote,
      });
      setLocal(peer.current.local);
      for (const signal of early.current.splice(0)) await peer.current.handle(signal);
    } catch (caught) {
      setError(refusal(caught, t));
    }
  };
  // Another expert gets it at once; this console stays available.
  const decline = async (summary: CallSummary) => {
    setError(null);
    try {
      await client.experts.decline({ params: { id: summary.callId } });
    } catch (caught) {
      setError(refusal(caught, t));
    }
  };
  const takeRef = useRef(take);
  takeRef.current = take;
  const autoRef = useRef(autoAnswer);
  autoRef.current = autoAnswer;

  const onEvent = useCallback((event: ExpertEvent) => {
    if (event.type === 'signal') {
      // The answer can come back before startExpertPeer has returned: keep it.
      if (peer.current) void peer.current.handle(event.signal);
      else early.current.push(event.signal);
    } else if (event.type === 'ended') {
      hangUpLocally();
      // Let ring out: the store set us away; say so on our presence too.
      const { declaration, declare } = presenceRef.current;
      if (event.reason === 'unanswered' && declaration)
        declare({ ...declaration, available: false });
    } else if (event.type === 'ring' && autoRef.current) void takeRef.current(event.call);
  }, []);
  const feed = useExpertFeed(onEvent);

  function saveProfile(skills: ExpertSkill[], available: boolean) {
    if (skills.length === 0) return setError(t.atLeastOneSkill);
    setError(null);
    presence.declare({ skills, available });
  }

  // Skills and availability are what this console declares; presence is the store's view.
  const profile = feed.profile &&
    presence.declaration && {
      ...feed.profile,
      ...presence.declaration,
    };
  const storePresence = feed.profile?.presence;
  // The store is the judge of a call: once it no longer counts us busy (the
  // call ended while our feed was away, say), the call is over here too.
  useEffect(() => {
    if (call && storePresence && storePresence !== 'busy') hangUpLocally();
  }, [call, storePresence]);
  const ringing = feed.ringing.filter((summary) => summary.callId !== call?.callId);
  const shown = profile?.presence ?? 'offline';
  return (
    <div className="expert">
      <header>
        <h1>
          Vitrine · <span className="who">{profile?.name ?? props.user.name}</span>
        </h1>
        <span className={`presence ${shown}`} data-testid="presence" data-presence={shown}>
          {t.presence[shown]}
        </span>
        <span
          className={`link ${presence.link}`}
          data-testid="broker-link"
          data-state={presence.link}
        >
          {t.link[presence.link]}
        </span>
        <LangSwitch lang={lang} onLang={props.onLang} className="secondary" />
        <button type="button" className="secondary" onClick={props.onSignOut}>
          {t.signOut}
        </button>
      </header>
      <main className={call ? 'in-call' : undefined}>
        {profile && (
          <AvailabilityPanel
            skills={profile.skills}
            available={profile.available}
            autoAnswer={autoAnswer}
            onChange={saveProfile}
            onAutoAnswer={setAutoAnswer}
          />
        )}
        {!call && (
          <RingingCalls
            ringing={ringing}
            available={profile?.available ?? false}
            onTake={(summary) => void take(summary)}
            onDecline={(summary) => void decline(summary)}
          />
        )}
        {call && (
          <ActiveCall
            call={call}
            local={local}
            remote={remote}
            onEnd={() =>
              void client.experts.end({ params: { id: call.callId } }).finally(hangUpLocally)
            }
          />
        )}
        {(error ?? presence.error) && (
          <p role="alert" className="error">
            {error ?? presence.error}
          </p>
        )}
      </main>
    </div>
  );
}
