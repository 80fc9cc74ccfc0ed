import type { Migration } from '../db/migrations';

export const campaignMigrations: Migration[] = [
  {
    id: '400-campaigns-media',
    sql: `
    -- Head-office campaigns through their life: draft → submitted → published
    -- (→ withdrawn). The signed form of a published one lives in sync_docs.
    CREATE TABLE campaigns (
      id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
      revision INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      approved_by TEXT,
      published_at TEXT
    ) WITHOUT ROWID;

    -- Uploaded media, stored by content hash under <data>/media/.
    CREATE TABLE media (
      sha256 TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      size INTEGER NOT NULL,
      name TEXT NOT NULL,
      uploaded_by TEXT NOT NULL,
      uploaded_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Signed content this store refused (bad signature, invalid), for the console.
    CREATE TABLE campaign_refusals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      campaign_id TEXT,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    );
    `,
  },
  {
    id: '401-screen-state',
    sql: `
    -- The last heartbeat of each signage screen: what it shows, its cache, its version.
    CREATE TABLE screen_state (
      device_id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX events_pop_by_at ON events (at) WHERE kind = 'proof-of-play';
    `,
  },
  {
    id: '402-campaign-revisions-approvals',
    sql: `
    -- The revision on screens, apart from the working copy: editing a published
    -- campaign makes a new draft while the signed revision keeps playing.
    ALTER TABLE campaigns ADD COLUMN live_revision INTEGER;
    UPDATE campaigns SET live_revision = revision WHERE status = 'published';
    -- Who edited the working copy since its last publication, and who submitted it.
    ALTER TABLE campaigns ADD COLUMN editors TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE campaigns ADD COLUMN submitted_by TEXT;

    -- Separation of duties, recorded: each approval with its editors, its
    -- approver and whether the chain's self-approval exception was used.
    CREATE TABLE campaign_approvals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      campaign_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      editors TEXT NOT NULL,
      submitted_by TEXT,
      approved_by TEXT NOT NULL,
      self_approved INTEGER NOT NULL CHECK (self_approved IN (0, 1)),
      at TEXT NOT NULL
    );
    CREATE INDEX campaign_approvals_by_campaign ON campaign_approvals (campaign_id, revision);

    -- Chain-wide campaign settings (one row per key, JSON value).
    CREATE TABLE campaign_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    id: '403-screen-names',
    sql: `
    -- A screen's name as the fleet renamed it (the device registry keeps the enrolment name).
    CREATE TABLE screen_names (
      device_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      renamed_by TEXT NOT NULL,
      renamed_at TEXT NOT NULL
    ) WITHOUT ROWID;
    `,
  },
  {
    id: '404-campaign-held-revisions',
    sql: `
    -- The highest signed revision this store accepted per campaign, withdrawals
    -- included: an envelope that is not newer is a replay and is refused (409).
    CREATE TABLE campaign_held_revisions (
      campaign_id TEXT PRIMARY KEY,
      revision INTEGER NOT NULL,
      signature TEXT,
      withdrawn INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
      accepted_at TEXT NOT NULL
    ) WITHOUT ROWID;
    -- Campaigns on screens now hold the revision inside their signed payload.
    INSERT INTO campaign_held_revisions (campaign_id, revision, signature, withdrawn, accepted_at)
      SELECT id, json_extract(json_extract(body, '$.payload'), '$.revision'),
        json_extract(body, '$.signature'), 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM sync_docs
      WHERE collection = 'campaigns' AND deleted = 0 AND json_valid(body)
        AND json_valid(json_extract(body, '$.payload'))
        AND json_type(json_extract(body, '$.payload'), '$.revision') = 'integer';
    -- Withdrawn before tombstones existed (the synced row was deleted): hold
    -- head office's last signed revision, so no envelope up to it comes back.
    -- The server then signs the missing tombstone at start (withdrawLegacyDeletes).
    INSERT OR IGNORE INTO campaign_held_revisions (campaign_id, revision, signature, withdrawn, accepted_at)
      SELECT c.id, c.revision, NULL, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM campaigns c JOIN sync_docs d ON d.collection = 'campaigns' AND d.id = c.id
      WHERE d.deleted = 1 AND c.revision > 0;
    -- A replay refused: the revision offered and the one held, for the console to say in words.
    ALTER TABLE campaign_refusals ADD COLUMN revision INTEGER;
    ALTER TABLE campaign_refusals ADD COLUMN held_revision INTEGER;
    `,
  },
];
