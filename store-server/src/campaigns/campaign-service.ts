// A campaign's life at head office: an editor drafts and submits, a publisher
// approves, which signs it; the store side verifies the signature before the
// campaign enters the synced documents that players pull. Editing a published
// campaign makes a new draft while the signed revision keeps playing; the
// revision on screens can always be withdrawn: a signed tombstone at the next
// revision (also how an emergency is cleared). Head office keeps the revision
// counter; the store side (signed-intake.ts) refuses a revision not newer.
import { z } from 'zod';
import type { Campaign, CampaignRecord, CampaignStatus } from '@vitrine/shared/core';
import {
  CampaignDraftInput,
  campaignMedia,
  campaignProblems,
  parseUnknown,
} from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError, type HeadOfficeKey } from '@vitrine/shared/node';
import type { ApprovalRecord } from '@vitrine/shared/core';
import type { ApprovalPolicy } from './approval-policy';
import type { MediaStore } from './media-store';
import type { SignedIntake } from './signed-intake';

type Row = {
  id: string;
  body: string;
  status: CampaignStatus;
  revision: number;
  created_by: string;
  updated_at: string;
  approved_by: string | null;
  published_at: string | null;
  live_revision: number | null;
  editors: string;
  submitted_by: string | null;
};

const toRecord = (row: Row, approvals: ApprovalRecord[]): CampaignRecord => ({
  id: row.id,
  status: row.status,
  revision: row.revision,
  body: JSON.parse(row.body) as CampaignDraftInput,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  approvedBy: row.approved_by,
  publishedAt: row.published_at,
  liveRevision: row.live_revision,
  editors: z.array(z.string()).parse(JSON.parse(row.editors)),
  submittedBy: row.submitted_by,
  approvals,
});

export class CampaignService {
  constructor(
    private readonly db: Db,
    private readonly media: MediaStore,
    private readonly key: HeadOfficeKey,
    private readonly intake: SignedIntake,
    private readonly policy: ApprovalPolicy,
  ) {}

  /** Parses and checks a draft; the error says exactly what is wrong. */
  validate(input: unknown): CampaignDraftInput {
    const parsed = parseUnknown(CampaignDraftInput, input);
    if (!parsed.ok) throw new HttpError(400, 'invalid_campaign', parsed.error);
    const problems = campaignProblems({ ...parsed.value, v: 1, revision: 1 });
    const missing = campaignMedia({ ...parsed.value, v: 1, revision: 1 }).filter(
      (ref) => this.media.get(ref.sha256)?.size !== ref.size,
    );
    problems.push(...missing.map((ref) => `media ${ref.sha256.slice(0, 12)}… was never uploaded`));
    if (problems.length > 0) throw new HttpError(400, 'invalid_campaign', problems.join('; '));
    return parsed.value;
  }

  saveDraft(input: unknown, userId: string): CampaignRecord {
    const body = this.validate(input);
    const existing = this.get(body.id);
    if (existing && existing.status === 'submitted') {
      throw new HttpError(
        409,
        'campaign_submitted',
        'this campaign awaits approval: a publisher must approve or reject it first',
      );
    }
    // A published campaign keeps playing its signed revision (in sync_docs)
    // until this draft is approved: only the working copy changes here.
    const editors = [...new Set([...(existing?.editors ?? []), userId])];
    this.db
      .prepare(
        `INSERT INTO campaigns (id, body, status, created_by, updated_at, editors) VALUES (?, ?, 'draft', ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, status = 'draft',
           updated_at = excluded.updated_at, editors = excluded.editors, submitted_by = NULL`,
      )
      .run(
        body.id,
        JSON.stringify(body),
        userId,
        new Date().toISOString(),
        JSON.stringify(editors),
      );
    return this.require(body.id);
  }

  submit(id: string, userId: string): CampaignRecord {
    const campaign = this.require(id);
    if (campaign.status !== 'draft')
      throw new HttpError(409, 'not_a_draft', `campaign ${id} is ${campaign.status}`);
    this.setStatus(id, 'submitted');
    this.db.prepare('UPDATE campaigns SET submitted_by = ? WHERE id = ?').run(userId, id);
    return this.require(id);
  }

  reject(id: string): CampaignRecord {
    const campaign = this.require(id);
    if (campaign.status !== 'submitted')
      throw new HttpError(409, 'not_submitted', `campaign ${id} is ${campaign.status}`);
    this.setStatus(id, 'draft');
    return this.require(id);
  }

  /** Approves a submitted campaign: signs it (head office) and publishes it (store). */
  async approve(id: string, publisherId: string): Promise<CampaignRecord> {
    const record = this.require(id);
    if (record.status !== 'submitted') {
      throw new HttpError(
        409,
        'not_submitted',
        `campaign ${id} is ${record.status}: an editor must submit it first`,
      );
    }
    const selfApproved = this.policy.check(publisherId, record.editors, record.submittedBy);
    const body = this.validate(record.body);
    const campaign: Campaign = { ...body, v: 1, revision: this.nextRevision(id) };
    await this.intake.accept(this.key.sign(campaign));
    const at = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE campaigns SET status = 'published', revision = ?, live_revision = ?, approved_by = ?,
             published_at = ?, updated_at = ?, editors = '[]', submitted_by = NULL WHERE id = ?`,
        )
        .run(campaign.revision, campaign.revision, publisherId, at, at, id);
      this.policy.record({
        campaignId: id,
        revision: campaign.revision,
        editors: record.editors,
        submittedBy: record.submittedBy,
        approvedBy: publisherId,
        selfApproved,
        at,
      });
    })();
    return this.require(id);
  }

  /**
   * An emergency skips the second pair of eyes: authorised by the caller's role
   * (checked by the route), signed and published at once, and recorded as an
   * approval that used the exception.
   */
  async publishEmergency(input: unknown, userId: string): Promise<CampaignRecord> {
    const body = this.validate(input);
    if (!body.emergency)
      throw new HttpError(400, 'not_emergency', 'only emergencies skip approval');
    const campaign: Campaign = { ...body, v: 1, revision: this.nextRevision(body.id) };
    await this.intake.accept(this.key.sign(campaign));
    const at = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO campaigns (id, body, status, revision, live_revision, created_by, updated_at, approved_by, published_at)
           VALUES (?, ?, 'published', ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body, status = 'published',
             revision = excluded.revision, live_revision = excluded.live_revision,
             updated_at = excluded.updated_at, approved_by = excluded.approved_by,
             published_at = excluded.published_at, editors = '[]', submitted_by = NULL`,
        )
        .run(
          body.id,
          JSON.stringify(body),
          campaign.revision,
          campaign.revision,
          userId,
          at,
          userId,
          at,
        );
      this.policy.record({
        campaignId: body.id,
        revision: campaign.revision,
        editors: [userId],
        submittedBy: userId,
        approvedBy: userId,
        selfApproved: true,
        at,
      });
    })();
    return this.require(body.id);
  }

  /**
   * Takes the revision on screens off them with a signed tombstone at the next
   * revision, which players keep; a draft in progress stays a draft.
   */
  async withdraw(id: string): Promise<CampaignRecord> {
    const record = this.require(id);
    if (record.liveRevision === null)
      throw new HttpError(409, 'not_published', `campaign ${id} is not on any screen`);
    const revision = this.nextRevision(id);
    await this.intake.accept(this.key.sign({ v: 1, id, revision, withdrawn: true }));
    this.markWithdrawn(id, revision);
    return this.require(id);
  }

  /**
   * Campaigns withdrawn before tombstones existed left a deleted synced row,
   * which a player forgets: sign their tombstone now (once, at start).
   */
  withdrawLegacyDeletes(): number {
    const legacy = this.db
      .prepare(
        `SELECT c.id AS id FROM campaigns c JOIN sync_docs d ON d.collection = 'campaigns' AND d.id = c.id
         WHERE d.deleted = 1 AND c.revision > 0`,
      )
      .pluck()
      .all() as string[];
    for (const id of legacy) {
      const revision = this.nextRevision(id);
      const envelope = this.key.sign({ v: 1, id, revision, withdrawn: true });
      this.intake.hold({ v: 1, id, revision, withdrawn: true }, envelope);
      this.markWithdrawn(id, revision);
    }
    return legacy.length;
  }

  get(id: string): CampaignRecord | undefined {
    const row = this.db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row, this.policy.history(id)) : undefined;
  }

  list(): CampaignRecord[] {
    return (this.db.prepare('SELECT * FROM campaigns ORDER BY updated_at DESC').all() as Row[]).map(
      (row) => toRecord(row, this.policy.history(row.id)),
    );
  }

  /** Head office's counter: one more than anything it signed or this store holds. */
  private nextRevision(id: string): number {
    const signed = this.get(id)?.revision ?? 0;
    return Math.max(signed, this.intake.heldRevision(id)) + 1;
  }

  private markWithdrawn(id: string, revision: number): void {
    this.db
      .prepare(
        `UPDATE campaigns SET revision = ?, live_revision = NULL, updated_at = ?,
           status = CASE status WHEN 'published' THEN 'withdrawn' ELSE status END WHERE id = ?`,
      )
      .run(revision, new Date().toISOString(), id);
  }

  private require(id: string): CampaignRecord {
    const record = this.get(id);
    if (!record) throw new HttpError(404, 'not_found', `no campaign ${id}`);
    return record;
  }

  private setStatus(id: string, status: CampaignStatus): void {
    this.db
      .prepare('UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?')
      .run(status, new Date().toISOString(), id);
  }
}
