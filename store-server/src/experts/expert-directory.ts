// Who the experts are, what they can help with, and whether they are here.
// An expert is online while their console holds its live feed open; they are
// available when they also said so and are not in a call.
import {
  ExpertSkill,
  type ExpertPresence,
  type ExpertProfile,
  type SkillAvailability,
} from '@vitrine/shared/core';
import { EXPERT_SKILLS } from '@vitrine/shared/core';
import { z } from 'zod';
import type { Db } from '../db/database';

const StoredExpert = z.object({ id: z.string(), name: z.string(), skills: z.array(ExpertSkill) });

type Live = { connections: number; available: boolean; callId: string | null };

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
      state = { connections: 0, available: false, callId: null };
      this.live.set(expertId, state);
    }
    return state;
  }

  presence(expertId: string): ExpertPresence {
    const state = this.live.get(expertId);
    if (!state || state.connections === 0) return 'offline';
    if (state.callId) return 'busy';
    return state.available ? 'available' : 'away';
  }

  profile(expertId: string, fallbackName: string): ExpertProfile {
    const stored = this.stored(expertId);
    return {
      id: expertId,
      name: stored?.name ?? fallbackName,
      skills: stored?.skills.length ? stored.skills : ['style'],
      available: this.live.get(expertId)?.available ?? false,
      presence: this.presence(expertId),
    };
  }

  update(expertId: string, skills: ExpertSkill[], available: boolean): void {
    this.db
      .prepare(
        `INSERT INTO expert_profiles (expert_id, skills, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (expert_id) DO UPDATE SET skills = excluded.skills, updated_at = excluded.updated_at`,
      )
      .run(expertId, JSON.stringify([...new Set(skills)]), new Date().toISOString());
    this.state(expertId).available = available;
    this.changed();
  }

  /** An expert who let a call ring out is set away until they say otherwise. */
  setAvailable(expertId: string, available: boolean): void {
    this.state(expertId).available = available;
    this.changed();
  }

  connect(expertId: string): () => void {
    this.state(expertId).connections++;
    this.changed();
    return () => {
      this.state(expertId).connections--;
      this.changed();
    };
  }

  setCall(expertId: string, callId: string | null): void {
    this.state(expertId).callId = callId;
    this.changed();
  }

  /** Experts free now with this skill, longest-idle order not tracked: by id. */
  availableFor(skill: ExpertSkill): string[] {
    return [...this.live.keys()]
      .filter((id) => this.presence(id) === 'available' && this.stored(id)?.skills.includes(skill))
      .sort();
  }

  availability(): SkillAvailability {
    const result = Object.fromEntries(
      EXPERT_SKILLS.map((skill) => [skill, { available: 0, online: 0 }]),
    ) as SkillAvailability;
    for (const id of this.live.keys()) {
      const presence = this.presence(id);
      if (presence === 'offline') continue;
      for (const skill of this.stored(id)?.skills ?? []) {
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
