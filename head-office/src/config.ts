// Head-office configuration from flags and environment, validated once at start so a typo
// fails with the field's name instead of later.
import { parseArgs } from 'node:util';
import { z } from 'zod';

function isPostgresUrl(text: string): boolean {
  try {
    return /^postgres(ql)?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

const DatabaseUrl = z
  .string({ error: 'required: --database-url or VITRINE_HQ_DATABASE_URL' })
  .refine(isPostgresUrl, 'a URL such as postgres://user:password@host:5432/vitrine_hq');

/** Comma-separated nats:// (or tls://) URLs of the cluster's nodes. */
const NatsUrls = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^(nats|tls):\/\/[^\s,]+$/, 'nats://host:port or tls://host:port'))
      .min(1)
      .max(16),
  );

const HeadOfficeConfig = z
  .object({
    databaseUrl: DatabaseUrl,
    httpHost: z.string().min(1),
    httpPort: z.coerce.number().int().min(0).max(65535),
    natsUrls: NatsUrls.optional(),
    /** HQ's own nkey seed: its public key is the head-office user of the users file. */
    natsSeedFile: z.string().min(1).optional(),
    /** The users file every node includes; this head office rewrites it (role nats-config). */
    natsUsersFile: z.string().min(1).optional(),
    /** The nodes' pid files (on this host): SIGHUP after each rewrite. */
    natsPidFiles: z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((file) => file.trim())
          .filter(Boolean),
      )
      .optional(),
    /** Bearer token for the admin API until HQ sign-in exists. */
    adminToken: z.string().min(16, 'at least 16 characters').optional(),
    dataDir: z.string().min(1),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  })
  .refine((config) => !config.natsUrls || config.natsSeedFile, {
    message: 'required with --nats-urls: --nats-seed-file (head office’s nkey seed)',
    path: ['natsSeedFile'],
  })
  .refine((config) => !config.natsUsersFile || config.natsSeedFile, {
    message: '--nats-users-file needs --nats-seed-file (head office is a user of that file too)',
    path: ['natsSeedFile'],
  });
export type HeadOfficeConfig = z.infer<typeof HeadOfficeConfig>;

export const HELP = `vitrine-head-office — the chain's head office: stores, campaigns, reports.

Usage: vitrine-head-office [options]

Options (environment variable in brackets):
  --database-url <url>  PostgreSQL, e.g. postgres://vitrine@db:5432/vitrine_hq
                        required                            [VITRINE_HQ_DATABASE_URL]
  --host <addr>         HTTP listen address                 [VITRINE_HQ_HOST]      default: 0.0.0.0
  --http-port <n>       HTTP port, 0 = any free one         [VITRINE_HQ_HTTP_PORT] default: 8090
  --nats-urls <urls>    the NATS cluster, comma-separated nats:// URLs  [VITRINE_HQ_NATS_URLS]
  --nats-seed-file <f>  head office's own nkey seed (its public key goes into the users file)
                                                            [VITRINE_HQ_NATS_SEED_FILE]
  --nats-users-file <f> the users file the NATS nodes include; rewritten on every key or
                        neighbour change                    [VITRINE_HQ_NATS_USERS_FILE]
  --nats-pid-files <f>  the nodes' pid files, comma-separated: SIGHUP after each rewrite
                                                            [VITRINE_HQ_NATS_PID_FILES]
  --admin-token <t>     bearer token for the admin API (≥16 chars) [VITRINE_HQ_ADMIN_TOKEN]
  --data-dir <dir>      head office's own files (signing key…) [VITRINE_HQ_DATA_DIR]
                                                            default: ./.data/head-office
  --log-level <level>   fatal|error|warn|info|debug|trace|silent [VITRINE_HQ_LOG_LEVEL] default: info
  --help                show this help

Several processes may share one database: they migrate it once between them, and each
background role runs in exactly one of them at a time.
`;

export type ConfigResult =
  | { kind: 'config'; config: HeadOfficeConfig }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export function readConfig(args: string[], env: Record<string, string | undefined>): ConfigResult {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        'database-url': { type: 'string' },
        host: { type: 'string' },
        'http-port': { type: 'string' },
        'nats-urls': { type: 'string' },
        'nats-seed-file': { type: 'string' },
        'nats-users-file': { type: 'string' },
        'nats-pid-files': { type: 'string' },
        'admin-token': { type: 'string' },
        'data-dir': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const parsed = HeadOfficeConfig.safeParse({
    databaseUrl: values['database-url'] ?? env.VITRINE_HQ_DATABASE_URL,
    httpHost: values.host ?? env.VITRINE_HQ_HOST ?? '0.0.0.0',
    httpPort: values['http-port'] ?? env.VITRINE_HQ_HTTP_PORT ?? 8090,
    natsUrls: values['nats-urls'] ?? env.VITRINE_HQ_NATS_URLS,
    natsSeedFile: values['nats-seed-file'] ?? env.VITRINE_HQ_NATS_SEED_FILE,
    natsUsersFile: values['nats-users-file'] ?? env.VITRINE_HQ_NATS_USERS_FILE,
    natsPidFiles: values['nats-pid-files'] ?? env.VITRINE_HQ_NATS_PID_FILES,
    adminToken: values['admin-token'] ?? env.VITRINE_HQ_ADMIN_TOKEN,
    dataDir: values['data-dir'] ?? env.VITRINE_HQ_DATA_DIR ?? '.data/head-office',
    logLevel: values['log-level'] ?? env.VITRINE_HQ_LOG_LEVEL ?? 'info',
  });
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`)
      .join('\n');
    return { kind: 'error', message };
  }
  return { kind: 'config', config: parsed.data };
}
