// Store server configuration from flags and environment, validated once at
// start so a typo fails loudly with the field's name instead of later.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_STORE_ID } from './demo/locations';
import {
  apiRoutes,
  assertTopicSegment,
  BrandTheme,
  CurrencyCode,
  DEFAULT_LOOK_TTL_HOURS,
  IceServers,
  routeUrl,
  StaffPinHash,
} from '@vitrine/shared/core';
import { readThemeFile, ThemeFileError } from './settings/theme-file';

const Port = z.coerce.number().int().min(0).max(65535);

/** An IANA time zone this runtime knows (Europe/Paris, America/Montreal…). */
const TimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Paris');

/** A JSON text holding a list of STUN/TURN servers. */
const IceServersJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. [{"urls":"stun:host:3478"}]' });
      return z.NEVER;
    }
  })
  .pipe(IceServers);

/** Comma-separated turn: / turns: URLs. */
const TurnUrls = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^turns?:[^\s]+$/, 'turn:host:port or turns:host:port'))
      .min(1)
      .max(4),
  );

/** "pbkdf2-sha256$<iterations>$<salt>$<hash>", as printed by `npm run hash-staff-pin`. */
const StaffPinHashText = z
  .string()
  .transform((text) => {
    const [algorithm, iterations, salt, hash] = text.split('$');
    return { algorithm, iterations: Number(iterations), salt, hash };
  })
  .pipe(StaffPinHash);

/** Comma-separated SHA-256 hex digests of staff badge codes. */
const BadgeHashes = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((hash) => hash.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 hex digests')).max(1_000));

/** Comma-separated host names or IP addresses. */
const TlsHosts = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((host) => host.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, 'a host name or an IP address'))
      .min(1)
      .max(20),
  );

/** on / off. */
const OnOff = z.enum(['on', 'off'], { error: 'on or off' }).transform((value) => value === 'on');

export const StoreServerConfig = z
  .object({
    storeId: z
      .string({ error: 'required: --store <id>, the store this server serves' })
      .refine((id) => {
        try {
          assertTopicSegment(id, 'store id');
          return true;
        } catch {
          return false;
        }
      }, 'store id must be 1-64 of A-Z a-z 0-9 _ -'),
    httpHost: z.string().min(1),
    httpPort: Port,
    mqttPort: Port,
    dataDir: z.string().min(1),
    /** External broker URL (mqtt://user:pass@host:1883); when set, no embedded broker runs. */
    brokerUrl: z.url().optional(),
    /** The broker URL devices should use (external broker); default: this server's /mqtt. */
    deviceBrokerUrl: z.url().optional(),
    /** With an external Mosquitto: where to write its password_file and acl_file. */
    mosquittoAuthDir: z.string().min(1).optional(),
    /** Shell command run after those files change, e.g. `systemctl reload mosquitto`. */
    brokerReloadCommand: z.string().min(1).optional(),
    demo: z.boolean(),
    demoScale: z.coerce.number().int().min(10).max(200_000),
    /** In the demo, publish a campaign of the promoted products (tests turn it off). */
    demoCampaign: z.boolean().optional(),
    /** In the demo, seed people counters, receipts and a staffing plan (tests turn it off). */
    demoInsights: z.boolean().optional(),
    /** Bearer token for staff/admin API calls until staff sign-in exists. */
    adminToken: z.string().min(16).optional(),
    /** Bearer token that only reads the metrics route (metrics.scrape), for a Prometheus scraper. */
    metricsToken: z.string().min(16).optional(),
    /** Directory with built renderers (kiosk/dist …); defaults to the repository. */
    appsDir: z.string().min(1),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    /** The store's time zone, for signage schedules. */
    timeZone: TimeZone.default('Europe/Paris'),
    /** The currency the store's prices are in and its screens show (ISO 4217); unset: EUR. */
    currency: CurrencyCode.optional(),
    /** STUN/TURN servers handed to both ends of an expert call (none: same LAN). */
    iceServers: IceServersJson.optional(),
    /** How long a shared look's link lives. */
    lookTtlHours: z.coerce.number().min(0.01).max(720).default(DEFAULT_LOOK_TTL_HOURS),
    /** How long counts and receipts are kept (insights; unset: 400 days); the DPO's setting. */
    insightsRetentionDays: z.coerce.number().int().min(7).max(3_650).optional(),
    /** The origin phones use to open shared looks (default: the request's host). */
    lookPublicUrl: z
      .url({ protocol: /^https?$/ })
      .transform((url) => new URL(url).origin)
      .optional(),
    /** The store's TURN server, for credentials minted per call (with turnSecret). */
    turnUrls: TurnUrls.optional(),
    /** coturn's `static-auth-secret`: the server mints time-limited TURN credentials with it. */
    turnSecret: z.string().min(16).optional(),
    /** How long a minted TURN credential works; longer than any call. */
    turnTtlMinutes: z.coerce.number().int().min(5).max(1440).default(240),
    /** The brand on the store's screens (from --theme <file>); the demo has its own. */
    theme: BrandTheme.optional(),
    /** Opens the screens' staff overlay; checked on the device (store-settings/staff-access.ts). */
    staffPinHash: StaffPinHashText.optional(),
    staffBadgeHashes: BadgeHashes.optional(),
    /** Wrong passwords for one account from one client address before it waits (sign-in-limiter.ts). */
    signInFailures: z.coerce.number().int().min(3).max(100).optional(),
    /** Wrong passwords from one client address, any accounts, before it waits. */
    signInClientFailures: z.coerce.number().int().min(5).max(1000).optional(),
    /** Below this much free disk the server stops taking writes (docs/operations.md). */
    storageFloorMb: z.coerce.number().min(0).max(1_048_576).default(32),
    // The three MQTT limits default to DEFAULT_MQTT_LIMITS (broker/connection-limits.ts).
    /** Largest MQTT packet accepted (TCP and WebSocket), refused as its length is read. */
    mqttMaxPacketBytes: z.coerce
      .number()
      .int()
      .min(4 * 1024)
      .max(268_435_460)
      .optional(),
    /** A new MQTT connection that has not sent CONNECT by then is closed. */
    mqttConnectTimeoutSeconds: z.coerce.number().min(1).max(120).optional(),
    /** MQTT connections one address may hold before CONNACK. */
    mqttMaxPendingPerAddress: z.coerce.number().int().min(1).max(10_000).optional(),
    /** HTTPS port (also MQTT over WSS at /mqtt); unset: no TLS listeners (in-process tests). */
    httpsPort: Port.optional(),
    /** The embedded broker's MQTT over TLS port; with httpsPort. */
    mqttsPort: Port.optional(),
    /** Plain HTTP and MQTT/TCP listeners (default: on in the demo only); unset means on. */
    plainPorts: z.boolean().optional(),
    /** Names and addresses the server certificate covers, besides loopback. */
    tlsHosts: TlsHosts.optional(),
    /** Life of a server certificate; renewed automatically 30 days before its end. */
    tlsCertDays: z.coerce.number().int().min(31).max(825).optional(),
    /** Hosts (or host:port) on private addresses that product images may be fetched from. */
    imageHosts: TlsHosts.optional(),
    /** A store of a chain: its link to head office (hq-link/link-file.ts), from enrolment. */
    hqLinkFile: z.string().min(1).optional(),
    /** A chain store re-confirms its unchanged stock this often (neighbours' screens age it). */
    hqStockReconfirmSeconds: z.coerce.number().int().min(1).max(3_600).optional(),
  })
  .refine((config) => config.plainPorts !== false || config.httpsPort !== undefined, {
    message: 'with plain ports off, an HTTPS port is needed (--https-port)',
    path: ['plainPorts'],
  })
  .refine((config) => (config.turnUrls === undefined) === (config.turnSecret === undefined), {
    message: '--turn-urls and --turn-secret go together',
    path: ['turnSecret'],
  });
export type StoreServerConfigInput = z.input<typeof StoreServerConfig>;
export type StoreServerConfig = z.infer<typeof StoreServerConfig>;

export const HELP = `vitrine-store-server — one store's server: HTTP API, MQTT broker, SQLite.

Usage: vitrine-store-server [options]

Options (environment variable in brackets):
  --store <id>          the store this server serves, e.g. paris-rivoli  [VITRINE_STORE]
                        required, except with --demo (default: the demo's own store, paris-rivoli)
  --host <addr>         HTTP listen address                     [VITRINE_HOST]       default: 0.0.0.0
  --port <n>            HTTP port (also MQTT over WebSocket at /mqtt) [VITRINE_PORT] default: 8080
  --mqtt-port <n>       embedded broker's MQTT/TCP port, 0 = any [VITRINE_MQTT_PORT] default: 1883
  --data <dir>          data directory (SQLite database)        [VITRINE_DATA]       default: ./.data
  --broker <url>        use an external broker (Mosquitto…) instead of the embedded one
                        e.g. mqtt://store-server:secret@127.0.0.1:1883  [VITRINE_BROKER_URL]
  --device-broker-url <url>   the broker URL screens use with an external broker,
                        e.g. wss://broker.store.lan:8081        [VITRINE_DEVICE_BROKER_URL]
  --mosquitto-auth-dir <dir>  write Mosquitto password_file (passwd) and acl_file (acl) there
                        from the device registry                [VITRINE_MOSQUITTO_AUTH_DIR]
  --broker-reload-cmd <cmd>   run after those files change, e.g. "systemctl reload mosquitto"
                                                                [VITRINE_BROKER_RELOAD_CMD]
  --demo                seed the demo store and pre-enrol demo devices   [VITRINE_DEMO=1]
  --scale <n>           products in the demo catalogue          [VITRINE_DEMO_SCALE] default: 2000
  --admin-token <t>     bearer token for staff/admin API (≥16 chars)    [VITRINE_ADMIN_TOKEN]
  --metrics-token <t>   bearer token that only reads ${routeUrl('', apiRoutes.metrics.scrape, {})} (≥16 chars)
                                                                [VITRINE_METRICS_TOKEN]
  --apps <dir>          folder holding kiosk/ signage/ mirror/ builds   [VITRINE_APPS_DIR]
  --log-level <level>   fatal|error|warn|info|debug|trace|silent [VITRINE_LOG_LEVEL] default: info
  --time-zone <zone>    the store's IANA time zone, for signage schedules
                                                                [VITRINE_TIME_ZONE]  default: Europe/Paris
  --currency <code>     the ISO 4217 currency prices are shown in (EUR, CHF, GBP…)
                                                                [VITRINE_CURRENCY]   default: EUR
  --ice-servers <json>  STUN/TURN servers for expert calls, e.g.
                        '[{"urls":"turn:turn.store.lan:3478","username":"u","credential":"p"}]'
                                                                [VITRINE_ICE_SERVERS]
  --turn-urls <urls>    the store's TURN server, comma-separated turn:/turns: URLs;
                        with --turn-secret, each call gets its own credential [VITRINE_TURN_URLS]
  --turn-secret <s>     coturn's static-auth-secret (≥16 chars)         [VITRINE_TURN_SECRET]
  --turn-ttl-minutes <m>  life of a minted TURN credential, 5-1440 [VITRINE_TURN_TTL_MINUTES] default: 240
  --look-ttl-hours <h>  how long a shared look's link lives, 0.01-720 [VITRINE_LOOK_TTL_HOURS] default: 24
  --insights-retention-days <d>  how long people counts and till receipts are kept, 7-3650
                        [VITRINE_INSIGHTS_RETENTION_DAYS] default: 400
  --look-public-url <url>  the address phones use to open shared looks (default: the request host)
                                                                [VITRINE_LOOK_PUBLIC_URL]
  --theme <file>        the brand on the kiosks: a JSON file (name, logo file, colours,
                        font), see docs/operations.md; refused if unreadable [VITRINE_THEME]
  --staff-pin-hash <h>  opens the screens' staff overlay; from npm run hash-staff-pin
                        --workspace store-server                [VITRINE_STAFF_PIN_HASH]
  --staff-badges <h,…>  SHA-256 hex of staff badge codes that open it too [VITRINE_STAFF_BADGES]
  --sign-in-failures <n>  wrong passwords for one account from one device before that
                        device waits for it (1 min, doubling to 15) [VITRINE_SIGN_IN_FAILURES] default: 5
  --sign-in-client-failures <n>  wrong passwords from one device, any accounts, before it
                        waits                           [VITRINE_SIGN_IN_CLIENT_FAILURES] default: 20
  --storage-floor-mb <n>  below this much free disk under --data the server turns read-only
                        (health 503, writes 507) until space returns [VITRINE_STORAGE_FLOOR_MB] default: 32
  --mqtt-max-packet <bytes>  largest MQTT packet (TCP and /mqtt), refused as soon as its
                        length is read                          [VITRINE_MQTT_MAX_PACKET] default: 262144
  --mqtt-connect-timeout <s>  close an MQTT connection that has not sent CONNECT by then
                                                                [VITRINE_MQTT_CONNECT_TIMEOUT] default: 5
  --mqtt-max-pending <n>  MQTT connections one address may hold before it is accepted
                                                                [VITRINE_MQTT_MAX_PENDING] default: 32
  --https-port <n>      HTTPS port (also MQTT over WSS at /mqtt)  [VITRINE_HTTPS_PORT] default: 8443
  --mqtts-port <n>      embedded broker's MQTT over TLS port     [VITRINE_MQTTS_PORT] default: 8883
                        The store's own certificate authority is made on first start in
                        <data>/tls/; screens pin it at enrolment (docs/operations.md, "TLS in the store").
  --plain on|off        also serve plain HTTP (--port) and MQTT/TCP (--mqtt-port); secrets then
                        cross the LAN in clear text     [VITRINE_PLAIN] default: on with --demo, else off
  --tls-hosts <h,…>     names and IP addresses the server certificate covers, besides localhost
                        and 127.0.0.1                    [VITRINE_TLS_HOSTS] default: this machine's
                        host name and LAN addresses
  --tls-cert-days <n>   life of the server certificate, 31-825; renewed 30 days before its end
                                                                [VITRINE_TLS_CERT_DAYS] default: 397
  --image-hosts <h,…>   hosts (or host:port) on the store's network product images may come
                        from; other private, loopback and link-local addresses are refused
                                                                [VITRINE_IMAGE_HOSTS]
  --hq-link <file>      a store of a chain: the hq-link.json its enrolment at head office
                        wrote (docs/operations.md, "A chain of stores") [VITRINE_HQ_LINK]
  --hq-stock-reconfirm <s>  how often a chain store re-confirms its unchanged stock to its
                        neighbours, 1-3600 s     [VITRINE_HQ_STOCK_RECONFIRM] default: 900
  --help                show this help
`;

export type ConfigResult =
  | { kind: 'config'; config: StoreServerConfig }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export function readConfig(
  argv: string[],
  env: Record<string, string | undefined>,
  defaults: { appsDir: string },
): ConfigResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        store: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'mqtt-port': { type: 'string' },
        data: { type: 'string' },
        broker: { type: 'string' },
        'device-broker-url': { type: 'string' },
        'mosquitto-auth-dir': { type: 'string' },
        'broker-reload-cmd': { type: 'string' },
        demo: { type: 'boolean' },
        scale: { type: 'string' },
        'admin-token': { type: 'string' },
        'metrics-token': { type: 'string' },
        apps: { type: 'string' },
        'log-level': { type: 'string' },
        'time-zone': { type: 'string' },
        currency: { type: 'string' },
        'ice-servers': { type: 'string' },
        'look-ttl-hours': { type: 'string' },
        'insights-retention-days': { type: 'string' },
        'look-public-url': { type: 'string' },
        'turn-urls': { type: 'string' },
        'turn-secret': { type: 'string' },
        'turn-ttl-minutes': { type: 'string' },
        theme: { type: 'string' },
        'staff-pin-hash': { type: 'string' },
        'staff-badges': { type: 'string' },
        'sign-in-failures': { type: 'string' },
        'sign-in-client-failures': { type: 'string' },
        'storage-floor-mb': { type: 'string' },
        'mqtt-max-packet': { type: 'string' },
        'mqtt-connect-timeout': { type: 'string' },
        'mqtt-max-pending': { type: 'string' },
        'https-port': { type: 'string' },
        'mqtts-port': { type: 'string' },
        plain: { type: 'string' },
        'tls-hosts': { type: 'string' },
        'tls-cert-days': { type: 'string' },
        'image-hosts': { type: 'string' },
        'hq-link': { type: 'string' },
        'hq-stock-reconfirm': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  const demo = values.demo ?? env.VITRINE_DEMO === '1';
  const themePath = values.theme ?? env.VITRINE_THEME;
  let theme: unknown;
  try {
    theme = themePath ? readThemeFile(themePath) : undefined;
  } catch (error) {
    if (error instanceof ThemeFileError) return { kind: 'error', message: error.message };
    throw error;
  }
  // Plain ports stay on in the demo, so `npm start` opens on http://localhost:8080 as before.
  const plainText = values.plain ?? env.VITRINE_PLAIN ?? (demo ? 'on' : 'off');
  const plain = OnOff.safeParse(plainText);
  if (!plain.success)
    return { kind: 'error', message: `plainPorts: --plain must be on or off, not "${plainText}"` };
  const parsed = StoreServerConfig.safeParse({
    storeId: values.store ?? env.VITRINE_STORE ?? (demo ? DEMO_STORE_ID : undefined),
    httpHost: values.host ?? env.VITRINE_HOST ?? '0.0.0.0',
    httpPort: values.port ?? env.VITRINE_PORT ?? 8080,
    mqttPort: values['mqtt-port'] ?? env.VITRINE_MQTT_PORT ?? 1883,
    dataDir: values.data ?? env.VITRINE_DATA ?? '.data',
    brokerUrl: values.broker ?? env.VITRINE_BROKER_URL,
    deviceBrokerUrl: values['device-broker-url'] ?? env.VITRINE_DEVICE_BROKER_URL,
    mosquittoAuthDir: values['mosquitto-auth-dir'] ?? env.VITRINE_MOSQUITTO_AUTH_DIR,
    brokerReloadCommand: values['broker-reload-cmd'] ?? env.VITRINE_BROKER_RELOAD_CMD,
    demo,
    demoScale: values.scale ?? env.VITRINE_DEMO_SCALE ?? 2000,
    adminToken: values['admin-token'] ?? env.VITRINE_ADMIN_TOKEN,
    metricsToken: values['metrics-token'] ?? env.VITRINE_METRICS_TOKEN,
    appsDir: values.apps ?? env.VITRINE_APPS_DIR ?? defaults.appsDir,
    logLevel: values['log-level'] ?? env.VITRINE_LOG_LEVEL ?? 'info',
    timeZone: values['time-zone'] ?? env.VITRINE_TIME_ZONE,
    currency: values.currency ?? env.VITRINE_CURRENCY,
    iceServers: values['ice-servers'] ?? env.VITRINE_ICE_SERVERS,
    lookTtlHours: values['look-ttl-hours'] ?? env.VITRINE_LOOK_TTL_HOURS,
    lookPublicUrl: values['look-public-url'] ?? env.VITRINE_LOOK_PUBLIC_URL,
    insightsRetentionDays: values['insights-retention-days'] ?? env.VITRINE_INSIGHTS_RETENTION_DAYS,
    turnUrls: values['turn-urls'] ?? env.VITRINE_TURN_URLS,
    turnSecret: values['turn-secret'] ?? env.VITRINE_TURN_SECRET,
    turnTtlMinutes: values['turn-ttl-minutes'] ?? env.VITRINE_TURN_TTL_MINUTES,
    theme,
    staffPinHash: values['staff-pin-hash'] ?? env.VITRINE_STAFF_PIN_HASH,
    staffBadgeHashes: values['staff-badges'] ?? env.VITRINE_STAFF_BADGES,
    signInFailures: values['sign-in-failures'] ?? env.VITRINE_SIGN_IN_FAILURES,
    signInClientFailures: values['sign-in-client-failures'] ?? env.VITRINE_SIGN_IN_CLIENT_FAILURES,
    storageFloorMb: values['storage-floor-mb'] ?? env.VITRINE_STORAGE_FLOOR_MB,
    mqttMaxPacketBytes: values['mqtt-max-packet'] ?? env.VITRINE_MQTT_MAX_PACKET,
    mqttConnectTimeoutSeconds: values['mqtt-connect-timeout'] ?? env.VITRINE_MQTT_CONNECT_TIMEOUT,
    mqttMaxPendingPerAddress: values['mqtt-max-pending'] ?? env.VITRINE_MQTT_MAX_PENDING,
    httpsPort: values['https-port'] ?? env.VITRINE_HTTPS_PORT ?? 8443,
    mqttsPort: values['mqtts-port'] ?? env.VITRINE_MQTTS_PORT ?? 8883,
    plainPorts: plain.data,
    tlsHosts: values['tls-hosts'] ?? env.VITRINE_TLS_HOSTS,
    tlsCertDays: values['tls-cert-days'] ?? env.VITRINE_TLS_CERT_DAYS ?? 397,
    imageHosts: values['image-hosts'] ?? env.VITRINE_IMAGE_HOSTS,
    hqLinkFile: values['hq-link'] ?? env.VITRINE_HQ_LINK,
    hqStockReconfirmSeconds: values['hq-stock-reconfirm'] ?? env.VITRINE_HQ_STOCK_RECONFIRM,
  });
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    return { kind: 'error', message };
  }
  return { kind: 'config', config: parsed.data };
}
