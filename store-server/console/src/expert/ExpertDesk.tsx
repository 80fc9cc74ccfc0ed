// The expert's desk: skills and availability, calls ringing with what the
// shopper is looking at, and the call itself with product cards to push.
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const [draft, setDraft] = useState<{ skills: ExpertSkill[]; available: boolean } | null>(null);

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
  const takeRef = useRef(take);
  takeRef.current = take;
  const autoRef = useRef(autoAnswer);
  autoRef.current = autoAnswer;

  const onEvent = useCallback((event: ExpertEvent) => {
    if (event.type === 'signal') {
      // The answer can come back before startExpertPeer has returned: keep it.
      if (peer.current) void peer.current.handle(event.signal);
      else early.current.push(event.signal);
    } else if (event.type === 'ended') hangUpLocally();
    else if (event.type === 'ring' && autoRef.current) void takeRef.current(event.call);
  }, []);
  const feed = useExpertFeed(onEvent);
  useEffect(() => setDraft(null), [feed.profile]); // the server's word replaces the draft

  async function saveProfile(skills: ExpertSkill[], available: boolean) {
    if (skills.length === 0) return setError('Au moins une compétence / At least one skill');
    setError(null);
    setDraft({ skills, available }); // shown at once; the feed confirms
    try {
      await api('/experts/me', { method: 'PUT', body: { skills, available } });
    } catch (caught) {
      setDraft(null);
      setError(
        caught instanceof ConsoleApiError ? caught.message : 'Réseau indisponible / Network down',
      );
    }
  }

  const profile = feed.profile && { ...feed.profile, ...draft };
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
        </span>
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
                  void saveProfile(
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
              onChange={(event) => void saveProfile(profile.skills, event.target.checked)}
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
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
