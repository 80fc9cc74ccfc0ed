// Who the experts are, what they can help with, and whether they are here.
// Presence comes from each console's retained MQTT birth and Last Will
// (expert-presence.ts), under the shared session rule; an expert is available
// when their birth says so and they are not in a call.
import {
  ExpertSkill,
  supersedes,
  type ExpertPresence,
  type ExpertPresenceMessage,
  type ExpertProfile,
  type SkillAvailability,
} from '@vitrine/shared/core';
import { EXPERT_SKILLS } from '@vitrine/shared/core';
import { z } from 'zod';
import type { Db } from '../db/database';

const StoredExpert = z.object({ id: z.string(), name: z.string(), skills: z.array(ExpertSkill) });

type Live = {
  session: number;
  online: boolean;
  available: boolean;
  skills: ExpertSkill[];
  callId: string | null;
};

export class ExpertDirectory {
  private readonly live = new Map<string, Live>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {}

  private stored(expertId: string): { name: string; skills: ExpertSkill[] } | undefined {
    const body = this.db
      .prepare(`SELECT body FROM private_docs WHERE collection = 'experts' AND id = ?`)
      .pluck()
      .get(expertId) as string | undefined;
    const parsed = body ? StoredExpert.safeParse(JSON.parse(body)) : undefined;
    const declared = this.db
      .prepare('SELECT skills FROM expert_profiles WHERE expert_id = ?')
      .pluck()
      .get(expertId) as string | undefined;
    const skills = declared ? z.array(ExpertSkill).safeParse(JSON.parse(declared)) : undefined;
    if (!parsed?.success && !skills?.success) return undefined;
    return {
      name: parsed?.success ? parsed.data.name : expertId,
      skills: skills?.success ? skills.data : parsed?.success ? parsed.data.skills : [],
    };
  }

  private state(expertId: string): Live {
    let state = this.live.get(expertId);
    if (!state) {
      state = { session: -1, online: false, available: false, skills: [], callId: null };
      this.live.set(expertId, state);
    }
    return state;
  }

  presence(expertId: string): ExpertPresence {
    const state = this.live.get(expertId);
    if (!state?.online) return 'offline';
    if (state.callId) return 'busy';
    return state.available ? 'available' : 'away';
  }

  profile(expertId: string, fallbackName: string): ExpertProfile {
    const stored = this.stored(expertId);
    const live = this.live.get(expertId);
    return {
      id: expertId,
      name: stored?.name ?? fallbackName,
      skills: live?.online ? live.skills : stored?.skills.length ? stored.skills : ['style'],
      available: (live?.online && live.available) ?? false,
      presence: this.presence(expertId),
    };
  }

  /** Whether this id is an expert the store knows (demo profile or declared skills). */
  known(expertId: string): boolean {
    return this.stored(expertId) !== undefined;
  }

  /**
   * A birth or a will from the expert's presence topic. Refused (false) when
   * stale: an older session's will never marks a newer console offline.
   */
  applyPresence(expertId: string, message: ExpertPresenceMessage): boolean {
    const state = this.state(expertId);
    const alive = message.type === 'online';
    if (!supersedes({ session: state.session, alive: state.online }, { ...message, alive })) {
      return false;
    }
    state.session = message.session;
    state.online = alive;
    if (message.type === 'online') {
      const skills = [...new Set(message.skills)];
      state.available = message.available;
      state.skills = skills;
      this.db
        .prepare(
          `INSERT INTO expert_profiles (expert_id, skills, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (expert_id) DO UPDATE SET skills = excluded.skills, updated_at = excluded.updated_at
           WHERE expert_profiles.skills <> excluded.skills`,
        )
        .run(expertId, JSON.stringify(skills), new Date().toISOString());
    }
    this.changed();
    return true;
  }

  /** An expert who let a call ring out is set away until their next birth. */
  setAway(expertId: string): void {
    this.state(expertId).available = false;
    this.changed();
  }

  setCall(expertId: string, callId: string | null): void {
    this.state(expertId).callId = callId;
    this.changed();
  }

  /** Experts free now with this skill, longest-idle order not tracked: by id. */
  availableFor(skill: ExpertSkill): string[] {
    return [...this.live.keys()]
      .filter(
        (id) => this.presence(id) === 'available' && this.live.get(id)?.skills.includes(skill),
      )
      .sort();
  }

  /** Experts online (free or busy) with this skill. */
  onlineFor(skill: ExpertSkill): string[] {
    return [...this.live.keys()].filter(
      (id) => this.presence(id) !== 'offline' && this.live.get(id)?.skills.includes(skill),
    );
  }

  availability(): SkillAvailability {
    const result = Object.fromEntries(
      EXPERT_SKILLS.map((skill) => [skill, { available: 0, online: 0 }]),
    ) as SkillAvailability;
    for (const id of this.live.keys()) {
      const presence = this.presence(id);
      if (presence === 'offline') continue;
      for (const skill of this.live.get(id)?.skills ?? []) {
        const entry = result[skill];
        if (!entry) continue;
        entry.online++;
        if (presence === 'available') entry.available++;
      }
    }
    return result;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
