// The touchpoint's line to the remote experts: who is available (live, from
// the store's retained MQTT summary on the device's own link), and one call's
// life over HTTP + SSE — ask, wait in the queue, talk, hang up, rate.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ApiCallError,
  apiRoutes,
  DeviceCallEvent,
  parseJson,
  type CallSignal,
  type ExpertSkill,
  type IceServer,
  type SkillAvailability,
  type TranscriptLine,
} from '../../core';
import type { DeviceHandle } from '../../client';
import type { DeviceEnvironment } from '../device-environment';
import { deviceHttp, type DeviceHttp } from './device-http';
import { startShopperPeer, type ShopperPeer } from './shopper-peer';

export type CallPhase =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'queued'; callId: string; position: number; waitSeconds: number }
  | { phase: 'connected'; callId: string; expertName: string }
  | { phase: 'rating'; callId: string }
  | { phase: 'refused'; reason: string };

export type ExpertLine = {
  availability: SkillAvailability | null;
  call: CallPhase;
  remoteStream: MediaStream | null;
  cards: string[];
  cameraOn: boolean;
  request: (request: {
    skill: ExpertSkill;
    productId?: string;
    viewed: string[];
    lang: 'fr' | 'en';
    transcript?: TranscriptLine[];
  }) => Promise<void>;
  hangUp: () => Promise<void>;
  setCamera: (on: boolean) => Promise<void>;
  rate: (value: 'green' | 'orange' | 'red') => Promise<void>;
  reset: () => void;
};

/** The server's refusal code (no_expert, expert_busy…), or 'unreachable'. */
const refusalCode = (error: unknown) =>
  error instanceof ApiCallError && error.code !== 'http_error' && error.code !== 'bad_answer'
    ? error.code
    : 'unreachable';
/** A refusal changes nothing here (the call's feed says what happened); a network failure does. */
const ignoreRefusal = (error: unknown) => {
  if (!(error instanceof ApiCallError)) throw error;
};

export function useExpertLine(device: DeviceHandle, environment?: DeviceEnvironment): ExpertLine {
  const [availability, setAvailability] = useState<SkillAvailability | null>(null);
  const [call, setCall] = useState<CallPhase>({ phase: 'idle' });
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [cards, setCards] = useState<string[]>([]);
  const [cameraOn, setCameraOn] = useState(false);
  const http = useRef<DeviceHttp | null>(null);
  const peer = useRef<ShopperPeer | null>(null);
  const iceServers = useRef<IceServer[]>([]);
  const callId = useRef<string | null>(null);
  /** The call was answered: however it ends, the shopper is asked how it went. */
  const answered = useRef(false);
  const requesting = useRef(false);
  const early = useRef<DeviceCallEvent[]>([]);
  const handleEvent = useRef<(event: DeviceCallEvent) => void>(() => undefined);

  const closePeer = () => {
    peer.current?.close();
    peer.current = null;
    setRemoteStream(null);
    setCameraOn(false);
  };

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const onEvent = (event: DeviceCallEvent) => {
      if (callId.current === null && requesting.current) {
        // The call can be answered before POST /calls has answered us: keep its events.
        early.current.push(event);
        return;
      }
      if (event.callId !== callId.current) return;
      if (event.type === 'queued') {
        setCall({
          phase: 'queued',
          callId: event.callId,
          position: event.position,
          waitSeconds: event.waitSeconds,
        });
      } else if (event.type === 'accepted') {
        answered.current = true;
        const send = (signal: CallSignal) =>
          void http.current?.api.calls
            .signal({ params: { id: event.callId }, body: signal })
            .catch(() => undefined);
        peer.current = startShopperPeer({
          iceServers: iceServers.current,
          send,
          onRemoteStream: setRemoteStream,
        });
        setCall({ phase: 'connected', callId: event.callId, expertName: event.expertName });
      } else if (event.type === 'signal') {
        if (event.signal.type === 'card') {
          const productId = event.signal.productId;
          setCards((current) =>
            [productId, ...current.filter((id) => id !== productId)].slice(0, 6),
          );
        } else void peer.current?.handle(event.signal);
      } else {
        closePeer();
        callId.current = null;
        const wasAnswered = answered.current;
        answered.current = false;
        if (wasAnswered) setCall({ phase: 'rating', callId: event.callId });
        // Every expert who could take it declined: say so, and offer the FAQ and staff.
        else if (event.reason === 'no-expert') setCall({ phase: 'refused', reason: 'no-expert' });
        else setCall({ phase: 'idle' });
      }
    };
    handleEvent.current = onEvent;
    void deviceHttp(device, environment).then(async (client) => {
      if (cancelled) return;
      http.current = client;
      stop = client.feed(apiRoutes.calls.deviceStream, {}, (message) => {
        const parsed = parseJson(DeviceCallEvent, message.data);
        if (parsed.ok) onEvent(parsed.value);
      });
      // Without them the call still works on the store's network (host candidates).
      const ice = await client.api.calls.iceServers().catch(() => null);
      if (ice) iceServers.current = ice.iceServers;
    });
    return () => {
      cancelled = true;
      stop?.();
      closePeer();
    };
  }, [device, environment]);

  const lastAvailability = useRef('');
  useEffect(
    () =>
      device.link?.onExpertAvailability((next) => {
        // "Nobody can answer" (all who could declined) holds until an expert
        // signs in or leaves — not when one turns busy or free again, nor when
        // the summary is republished unchanged every 30 s.
        const key = JSON.stringify(Object.values(next ?? {}).map((counts) => counts.online));
        if (key !== lastAvailability.current) {
          lastAvailability.current = key;
          setCall((current) =>
            current.phase === 'refused' && current.reason === 'no-expert'
              ? { phase: 'idle' }
              : current,
          );
        }
        setAvailability(next);
      }),
    [device],
  );

  const request: ExpertLine['request'] = useCallback(async (body) => {
    if (!http.current) return;
    setCards([]);
    setCall({ phase: 'requesting' });
    answered.current = false;
    requesting.current = true;
    early.current = [];
    const answer = await http.current.api.calls.request({ body }).then(
      (asked) => ({ ok: true as const, callId: asked.callId }),
      (error: unknown) => ({ ok: false as const, reason: refusalCode(error) }),
    );
    requesting.current = false;
    if (!answer.ok) return setCall({ phase: 'refused', reason: answer.reason });
    callId.current = answer.callId;
    setCall((current) =>
      current.phase === 'requesting'
        ? { phase: 'queued', callId: answer.callId, position: 1, waitSeconds: 0 }
        : current,
    );
    for (const event of early.current.splice(0)) handleEvent.current(event);
  }, []);

  const hangUp = useCallback(async () => {
    const id = callId.current;
    if (!id || !http.current) return setCall({ phase: 'idle' });
    const connected = peer.current !== null;
    await http.current.api.calls
      .end({
        params: { id },
        body: { reason: connected ? 'shopper-ended' : 'shopper-cancelled' },
      })
      .catch(ignoreRefusal);
  }, []);

  const setCamera = useCallback(async (on: boolean) => {
    setCameraOn((await peer.current?.setCamera(on)) ?? false);
  }, []);

  const rate = useCallback(
    async (value: 'green' | 'orange' | 'red') => {
      if (call.phase !== 'rating') return;
      await http.current?.api.calls
        .rate({ params: { id: call.callId }, body: { value } })
        .catch(ignoreRefusal);
      await device.outbox.record({ kind: 'feedback', payload: { target: 'call', value } });
      setCall({ phase: 'idle' });
    },
    [call, device],
  );

  return {
    availability,
    call,
    remoteStream,
    cards,
    cameraOn,
    request,
    hangUp,
    setCamera,
    rate,
    reset: () => setCall({ phase: 'idle' }),
  };
}
