// The expert's desk: skills and availability (published over MQTT as this
// console's presence), calls ringing with what the shopper is looking at, and
// the call itself with product cards to push.
import { useCallback, useRef, useState } from 'react';
import {
  EXPERT_SKILLS,
  IceServersAnswer,
  parseUnknown,
  type CallSignal,
  type CallSummary,
  type ExpertEvent,
  type ExpertSkill,
} from '@vitrine/shared/core';
import { api, ConsoleApiError } from '../common/api';
import type { ConsoleUser } from '../common/SignIn';
import { ActiveCall } from './ActiveCall';
import { startExpertPeer, type ExpertPeer } from './expert-peer';
import { useExpertFeed } from './use-expert-feed';
import { useExpertPresence } from './use-expert-presence';

const SKILL_LABEL: Record<ExpertSkill, string> = {
  wine: 'Vin / Wine',
  nutrition: 'Nutrition',
  style: 'Style',
  tech: 'High-tech',
};

export function ExpertDesk(props: { user: ConsoleUser }) {
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
      await api(`/experts/calls/${summary.callId}/accept`, { method: 'POST' });
      const ice = parseUnknown(IceServersAnswer, await api('/calls/ice-servers'));
      setCall(summary);
      const send = (signal: CallSignal) =>
        void api(`/experts/calls/${summary.callId}/signal`, { body: signal }).catch(
          () => undefined,
        );
      early.current = [];
      peer.current = await startExpertPeer({
        iceServers: ice.ok ? ice.value.iceServers : [],
        send,
        onRemoteStream: setRemote,
      });
      setLocal(peer.current.local);
      for (const signal of early.current.splice(0)) await peer.current.handle(signal);
    } catch (caught) {
      setError(
        caught instanceof ConsoleApiError ? caught.message : 'Réseau indisponible / Network down',
      );
    }
  };
  // Another expert gets it at once; this console stays available.
  const decline = async (summary: CallSummary) => {
    setError(null);
    try {
      await api(`/experts/calls/${summary.callId}/decline`, { method: 'POST' });
    } catch (caught) {
      setError(
        caught instanceof ConsoleApiError ? caught.message : 'Réseau indisponible / Network down',
      );
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
    if (skills.length === 0) return setError('Au moins une compétence / At least one skill');
    setError(null);
    presence.declare({ skills, available });
  }

  // Skills and availability are what this console declares; presence is the store's view.
  const profile = feed.profile &&
    presence.declaration && {
      ...feed.profile,
      ...presence.declaration,
    };
  const ringing = feed.ringing.filter((summary) => summary.callId !== call?.callId);
  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: '60rem',
        margin: '1rem auto',
        padding: '0 1rem',
      }}
    >
      <h1>
        {profile?.name ?? props.user.name}{' '}
        <span data-testid="presence" data-presence={profile?.presence ?? 'offline'}>
          · {profile?.presence ?? 'offline'}
        </span>{' '}
        <small data-testid="broker-link" data-state={presence.link}>
          (MQTT : {presence.link})
        </small>
      </h1>
      {profile && (
        <fieldset>
          <legend>Compétences et disponibilité / Skills and availability</legend>
          {EXPERT_SKILLS.map((skill) => (
            <label key={skill} style={{ marginRight: '1rem' }}>
              <input
                type="checkbox"
                checked={profile.skills.includes(skill)}
                onChange={(event) =>
                  saveProfile(
                    event.target.checked
                      ? [...profile.skills, skill]
                      : profile.skills.filter((s) => s !== skill),
                    profile.available,
                  )
                }
              />{' '}
              {SKILL_LABEL[skill]}
            </label>
          ))}
          <label>
            <input
              type="checkbox"
              data-testid="available"
              checked={profile.available}
              onChange={(event) => saveProfile(profile.skills, event.target.checked)}
            />{' '}
            Disponible / Available
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={autoAnswer}
              onChange={(event) => setAutoAnswer(event.target.checked)}
            />{' '}
            Décrocher automatiquement / Auto-answer
          </label>
        </fieldset>
      )}
      {!call && (
        <section data-testid="ringing">
          <h2>Appels entrants / Incoming calls ({ringing.length})</h2>
          {ringing.map((summary) => (
            <article key={summary.callId} data-call={summary.callId}>
              <p>
                <strong>{summary.product?.name ?? '—'}</strong> · {summary.deviceName} ·{' '}
                {summary.lang}
              </p>
              <p>Vu / Looked at: {summary.viewed.map((item) => item.name).join(', ') || '—'}</p>
              <button type="button" onClick={() => void take(summary)}>
                Prendre l’appel / Take call
              </button>{' '}
              <button type="button" onClick={() => void decline(summary)}>
                Refuser / Decline
              </button>
            </article>
          ))}
        </section>
      )}
      {call && (
        <ActiveCall
          call={call}
          local={local}
          remote={remote}
          onEnd={() =>
            void api(`/experts/calls/${call.callId}/end`, { method: 'POST' }).finally(hangUpLocally)
          }
        />
      )}
      {(error ?? presence.error) && <p role="alert">{error ?? presence.error}</p>}
    </main>
  );
}
