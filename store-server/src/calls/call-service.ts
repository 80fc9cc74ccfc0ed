// Expert calls: a queue per skill, assignment to a free expert, and a relay
// for the WebRTC signalling between the touchpoint and the expert console.
// Live state is in memory (a call does not survive a server restart anyway);
// the calls table keeps the metadata — never media.
import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION,
  type CallEndReason,
  type CallRequest,
  type CallSignal,
  type CallSummary,
  type DeviceCallEvent,
  type ExpertEvent,
  type Product,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import type { ExpertDirectory } from '../experts/expert-directory';
import { HttpError } from '@vitrine/shared/node';
import { storageFaultOf } from '../db/storage-fault';

type Call = {
  id: string;
  deviceId: string;
  request: CallRequest;
  state: 'queued' | 'ringing' | 'connected';
  expertId: string | null;
  summary: CallSummary;
  /** Experts who declined this call: it never rings them again. */
  declinedBy: Set<string>;
};

type Sink<E> = (event: E) => void;
const DEFAULT_CALL_SECONDS = 180;
const RING_TIMEOUT_MS = 30_000;

export class CallService {
  private readonly calls = new Map<string, Call>();
  private readonly devices = new Map<string, Set<Sink<DeviceCallEvent>>>();
  private readonly experts = new Map<string, Set<Sink<ExpertEvent>>>();
  private readonly ringTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly db: Db,
    private readonly directory: ExpertDirectory,
    private readonly ringTimeoutMs = RING_TIMEOUT_MS,
  ) {
    directory.onChange(() => {
      this.requeueFromOffline();
      this.dispatch();
    });
    this.closeInterrupted();
  }

  /**
   * Live call state is kept in memory: calls a previous run left open (power
   * cut, crash, restart) cannot be resumed here, so their metadata says how
   * they ended instead of staying open forever. (A connected call's media is
   * peer to peer and may have gone on; its screen simply asks again.)
   */
  private closeInterrupted(): void {
    try {
      this.db
        .prepare(
          `UPDATE calls SET ended_at = ?, end_reason = 'server-restarted' WHERE ended_at IS NULL`,
        )
        .run(new Date().toISOString());
    } catch (error) {
      // A start on a disk that takes no writes: the next start closes them.
      if (storageFaultOf(error) === undefined) throw error;
    }
  }

  /** A touchpoint asks for an expert; refused cleanly if nobody can take it. */
  request(deviceId: string, deviceName: string, request: CallRequest): { callId: string } {
    if ([...this.calls.values()].some((call) => call.deviceId === deviceId)) {
      throw new HttpError(409, 'call_in_progress', 'this screen already has a call');
    }
    if (request.expertId) {
      const presence = this.directory.presence(request.expertId);
      if (presence !== 'available') {
        throw new HttpError(409, `expert_${presence}`, `expert ${request.expertId} is ${presence}`);
      }
    } else if ((this.directory.availability()[request.skill]?.online ?? 0) === 0) {
      throw new HttpError(409, 'no_expert', `no ${request.skill} expert is online`);
    }
    const id = randomUUID();
    const now = new Date().toISOString();
    const product = request.productId ? this.product(request.productId) : undefined;
    const summary: CallSummary = {
      callId: id,
      skill: request.skill,
      lang: request.lang,
      deviceName,
      product: product
        ? {
            id: product.id,
            name: product.name[request.lang],
            brand: product.brand,
            priceCents: product.priceCents,
          }
        : null,
      viewed: request.viewed.flatMap((productId) => {
        const seen = this.product(productId);
        return seen ? [{ id: seen.id, name: seen.name[request.lang] }] : [];
      }),
      ...(request.transcript?.length && { transcript: request.transcript }),
      requestedAt: now,
    };
    this.db
      .prepare(
        `INSERT INTO calls (id, device_id, skill, product_id, viewed, lang, requested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        deviceId,
        request.skill,
        request.productId ?? null,
        JSON.stringify(request.viewed),
        request.lang,
        now,
      );
    this.calls.set(id, {
      id,
      deviceId,
      request,
      state: 'queued',
      expertId: null,
      summary,
      declinedBy: new Set(),
    });
    this.dispatch();
    this.sendPositions();
    return { callId: id };
  }

  accept(expertId: string, callId: string): CallSummary {
    const call = this.calls.get(callId);
    if (!call || call.expertId !== expertId || call.state !== 'ringing') {
      throw new HttpError(409, 'not_ringing', 'this call is not ringing for you');
    }
    call.state = 'connected';
    this.stopRinging(callId);
    this.db
      .prepare('UPDATE calls SET expert_id = ?, answered_at = ? WHERE id = ?')
      .run(expertId, new Date().toISOString(), callId);
    const name = this.directory.profile(expertId, expertId).name;
    this.toDevice(call.deviceId, {
      v: PROTOCOL_VERSION,
      type: 'accepted',
      callId,
      expertName: name,
    });
    return call.summary;
  }

  /** Relays a signal to the other party; only the call's two parties may send. */
  signal(
    from: { deviceId: string } | { expertId: string },
    callId: string,
    signal: CallSignal,
  ): void {
    const call = this.calls.get(callId);
    if (!call || call.state !== 'connected')
      throw new HttpError(409, 'no_call', 'no connected call with this id');
    if ('deviceId' in from) {
      if (from.deviceId !== call.deviceId)
        throw new HttpError(403, 'not_your_call', 'not a party to this call');
      if (signal.type === 'card')
        throw new HttpError(400, 'invalid_request', 'only experts push product cards');
      if (call.expertId)
        this.toExpert(call.expertId, { v: PROTOCOL_VERSION, type: 'signal', callId, signal });
    } else {
      if (from.expertId !== call.expertId)
        throw new HttpError(403, 'not_your_call', 'not a party to this call');
      if (signal.type === 'card' && !this.product(signal.productId)) {
        throw new HttpError(404, 'unknown_product', `no product ${signal.productId}`);
      }
      this.toDevice(call.deviceId, { v: PROTOCOL_VERSION, type: 'signal', callId, signal });
    }
  }

  end(
    by: { deviceId: string } | { expertId: string },
    callId: string,
    reason: CallEndReason,
  ): void {
    const call = this.calls.get(callId);
    if (!call) return;
    const party = 'deviceId' in by ? by.deviceId === call.deviceId : by.expertId === call.expertId;
    if (!party) throw new HttpError(403, 'not_your_call', 'not a party to this call');
    this.finish(call, reason);
  }

  rate(deviceId: string, callId: string, value: string): void {
    const result = this.db
      .prepare(
        'UPDATE calls SET rating = ? WHERE id = ? AND device_id = ? AND ended_at IS NOT NULL AND rating IS NULL',
      )
      .run(value, callId, deviceId);
    if (result.changes !== 1)
      throw new HttpError(409, 'not_ratable', 'this call is not over, not yours or already rated');
  }

  /**
   * The expert cannot take this one (wrong language, a question outside their
   * field): it rings someone else at once and never this expert again; they
   * stay available for the next call.
   */
  decline(expertId: string, callId: string): void {
    const call = this.calls.get(callId);
    if (!call || call.expertId !== expertId || call.state !== 'ringing') {
      throw new HttpError(409, 'not_ringing', 'this call is not ringing for you');
    }
    this.stopRinging(callId);
    call.state = 'queued';
    call.expertId = null;
    call.declinedBy.add(expertId);
    this.toExpert(expertId, { v: PROTOCOL_VERSION, type: 'ended', callId, reason: 'declined' });
    this.directory.setCall(expertId, null); // dispatches the call to someone else
    // Everyone who could take it declined: tell the shopper now (FAQ, staff)
    // rather than keep them waiting for nobody.
    const candidates = call.request.expertId
      ? [call.request.expertId]
      : this.directory.onlineFor(call.request.skill);
    if (call.state === 'queued' && candidates.every((id) => call.declinedBy.has(id)))
      this.finish(call, 'no-expert');
  }

  /** Nobody answered: the call goes back to the queue, the expert is set away. */
  private ringOut(callId: string, expertId: string): void {
    this.ringTimers.delete(callId);
    const call = this.calls.get(callId);
    if (!call || call.state !== 'ringing' || call.expertId !== expertId) return;
    call.state = 'queued';
    call.expertId = null;
    this.toExpert(expertId, { v: PROTOCOL_VERSION, type: 'ended', callId, reason: 'unanswered' });
    this.directory.setAway(expertId);
    this.directory.setCall(expertId, null); // dispatches the call to someone else
  }

  /** A call ringing an expert whose console went offline (will, sign-out) rings someone else. */
  private requeueFromOffline(): void {
    for (const call of this.calls.values()) {
      if (call.state !== 'ringing' || !call.expertId) continue;
      if (this.directory.presence(call.expertId) !== 'offline') continue;
      const expertId = call.expertId;
      this.stopRinging(call.id);
      call.state = 'queued';
      call.expertId = null;
      this.toExpert(expertId, {
        v: PROTOCOL_VERSION,
        type: 'ended',
        callId: call.id,
        reason: 'unanswered',
      });
      this.directory.setCall(expertId, null); // re-enters this listener, which dispatches
    }
  }

  private stopRinging(callId: string): void {
    clearTimeout(this.ringTimers.get(callId));
    this.ringTimers.delete(callId);
  }

  stop(): void {
    for (const timer of this.ringTimers.values()) clearTimeout(timer);
    this.ringTimers.clear();
  }

  private finish(call: Call, reason: CallEndReason): void {
    this.stopRinging(call.id);
    this.calls.delete(call.id);
    this.db
      .prepare('UPDATE calls SET ended_at = ?, end_reason = ? WHERE id = ?')
      .run(new Date().toISOString(), reason, call.id);
    const event = { v: PROTOCOL_VERSION, type: 'ended', callId: call.id, reason } as const;
    this.toDevice(call.deviceId, event);
    if (call.expertId) {
      this.toExpert(call.expertId, event);
      this.directory.setCall(call.expertId, null); // triggers dispatch of the next call
    }
    this.sendPositions();
  }

  /** Rings a free expert for each queued call, oldest first. */
  private dispatch(): void {
    for (const call of this.calls.values()) {
      if (call.state !== 'queued') continue;
      const wanted = call.request.expertId;
      const free = this.directory
        .availableFor(call.request.skill)
        .filter((id) => (!wanted || id === wanted) && !call.declinedBy.has(id));
      const expertId = free[0];
      if (!expertId) continue;
      call.state = 'ringing';
      call.expertId = expertId;
      this.ringTimers.set(
        call.id,
        setTimeout(() => this.ringOut(call.id, expertId), this.ringTimeoutMs),
      );
      this.directory.setCall(expertId, call.id);
      this.toExpert(expertId, { v: PROTOCOL_VERSION, type: 'ring', call: call.summary });
    }
  }

  private sendPositions(): void {
    const average = this.averageCallSeconds();
    const bySkill = new Map<string, number>();
    for (const call of this.calls.values()) {
      const position = (bySkill.get(call.request.skill) ?? 0) + 1;
      bySkill.set(call.request.skill, position);
      if (call.state !== 'queued') continue;
      const online = Math.max(1, this.directory.availability()[call.request.skill]?.online ?? 1);
      this.toDevice(call.deviceId, {
        v: PROTOCOL_VERSION,
        type: 'queued',
        callId: call.id,
        position,
        waitSeconds: Math.round(((position - 1) * average) / online),
      });
    }
  }

  private averageCallSeconds(): number {
    const seconds = this.db
      .prepare(
        `SELECT AVG((julianday(ended_at) - julianday(answered_at)) * 86400) FROM
         (SELECT answered_at, ended_at FROM calls WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL
          ORDER BY ended_at DESC LIMIT 50)`,
      )
      .pluck()
      .get() as number | null;
    return seconds && seconds > 0 ? seconds : DEFAULT_CALL_SECONDS;
  }

  private product(id: string): Product | undefined {
    const body = this.db
      .prepare(
        `SELECT body FROM sync_docs WHERE collection = 'products' AND id = ? AND deleted = 0`,
      )
      .pluck()
      .get(id) as string | undefined;
    return body ? (JSON.parse(body) as Product) : undefined;
  }

  // Live feeds: the device and expert streams register sinks here.
  attachDevice(deviceId: string, sink: Sink<DeviceCallEvent>): () => void {
    const sinks = this.devices.get(deviceId) ?? new Set();
    sinks.add(sink);
    this.devices.set(deviceId, sinks);
    return () => {
      sinks.delete(sink);
      if (sinks.size > 0) return;
      this.devices.delete(deviceId);
      for (const call of [...this.calls.values()])
        if (call.deviceId === deviceId) this.finish(call, 'shopper-left');
    };
  }

  attachExpert(expertId: string, sink: Sink<ExpertEvent>): () => void {
    const sinks = this.experts.get(expertId) ?? new Set();
    sinks.add(sink);
    this.experts.set(expertId, sinks);
    // A feed (re)opened while a call rings for this expert: ring again.
    for (const call of this.calls.values()) {
      if (call.state === 'ringing' && call.expertId === expertId)
        sink({ v: PROTOCOL_VERSION, type: 'ring', call: call.summary });
    }
    return () => {
      sinks.delete(sink);
      if (sinks.size > 0) return;
      this.experts.delete(expertId);
      // Presence is the broker's business (a ringing call waits for the feed to
      // come back, or for the will); a call in progress cannot go on without it.
      for (const call of [...this.calls.values()])
        if (call.expertId === expertId && call.state === 'connected')
          this.finish(call, 'expert-left');
    };
  }

  private toDevice(deviceId: string, event: DeviceCallEvent): void {
    for (const sink of this.devices.get(deviceId) ?? []) sink(event);
  }

  private toExpert(expertId: string, event: ExpertEvent): void {
    for (const sink of this.experts.get(expertId) ?? []) sink(event);
  }
}
