// Separation of duties for campaigns: who may approve what, the chain's
// setting that allows a publisher to approve their own work, and the record
// of every approval (editors, submitter, approver, exception used or not).
import { z } from 'zod';
import { CampaignSettings, type ApprovalRecord } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError } from '@vitrine/shared/node';

const DEFAULTS: CampaignSettings = { allowSelfApproval: false };

export class ApprovalPolicy {
  constructor(private readonly db: Db) {}

  settings(): CampaignSettings {
    const rows = this.db.prepare('SELECT key, value FROM campaign_settings').all() as {
      key: string;
      value: string;
    }[];
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
    const parsed = CampaignSettings.safeParse({ ...DEFAULTS, ...stored });
    return parsed.success ? parsed.data : DEFAULTS;
  }

  saveSettings(settings: CampaignSettings): CampaignSettings {
    const write = this.db.prepare(
      `INSERT INTO campaign_settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    for (const [key, value] of Object.entries(settings)) write.run(key, JSON.stringify(value));
    return this.settings();
  }

  /**
   * Whether `approver` approving work by `editors`/`submittedBy` is their own
   * (the exception); refuses it with 403 unless the chain's settings allow it.
   */
  check(approver: string, editors: string[], submittedBy: string | null): boolean {
    const own = editors.includes(approver) || submittedBy === approver;
    if (own && !this.settings().allowSelfApproval) {
      throw new HttpError(
        403,
        'self_approval_forbidden',
        'you edited or submitted this campaign: another publisher must approve it (the chain does not allow self-approval)',
      );
    }
    return own;
  }

  record(approval: ApprovalRecord): void {
    this.db
      .prepare(
        `INSERT INTO campaign_approvals (campaign_id, revision, editors, submitted_by, approved_by, self_approved, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        approval.campaignId,
        approval.revision,
        JSON.stringify(approval.editors),
        approval.submittedBy,
        approval.approvedBy,
        approval.selfApproved ? 1 : 0,
        approval.at,
      );
  }

  history(campaignId: string): ApprovalRecord[] {
    const rows = this.db
      .prepare(
        `SELECT campaign_id, revision, editors, submitted_by, approved_by, self_approved, at
         FROM campaign_approvals WHERE campaign_id = ? ORDER BY id`,
      )
      .all(campaignId) as {
      campaign_id: string;
      revision: number;
      editors: string;
      submitted_by: string | null;
      approved_by: string;
      self_approved: number;
      at: string;
    }[];
    return rows.map((row) => ({
      campaignId: row.campaign_id,
      revision: row.revision,
      editors: z.array(z.string()).parse(JSON.parse(row.editors)),
      submittedBy: row.submitted_by,
      approvedBy: row.approved_by,
      selfApproved: row.self_approved === 1,
      at: row.at,
    }));
  }
}
