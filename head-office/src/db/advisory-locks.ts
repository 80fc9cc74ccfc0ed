// PostgreSQL advisory locks are keyed by two int4s: the first names our use, so the migration
// lock and the role locks (and anything else sharing this database) can never collide.
export const LOCK_SPACE = {
  /** pg_advisory_xact_lock(migrations, 0): one migrator at a time, for one transaction. */
  migrations: 0x5654_0001,
  /** pg_try_advisory_lock(roles, hashtext(<role name>)): a background role's holder. */
  roles: 0x5654_0002,
  /** pg_advisory_xact_lock(outboxHeads, hashtext(<head>)): one writer per link head at a time. */
  outboxHeads: 0x5654_0003,
} as const;
