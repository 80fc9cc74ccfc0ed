// Head office's users and their sessions (a session token is kept as its SHA-256 only: a copy
// of the database opens no session).
import type { Migration } from '../db/migrations';

export const usersMigrations: readonly Migration[] = [
  {
    id: 'users-0001-users-sessions',
    sql: `
      CREATE TABLE hq_users (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
        name text NOT NULL,
        roles jsonb NOT NULL DEFAULT '[]',
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE hq_sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES hq_users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX hq_sessions_user ON hq_sessions (user_id);
      CREATE INDEX hq_sessions_expiry ON hq_sessions (expires_at)`,
  },
];
