// `.chain/endpoints.json`: what `npm run chain` started and where, written once everything is
// up. Scripts and tests parse it with this schema; the ports in it are the truth (the runner
// falls back to free ports when the preferred ones are taken).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { parseJson } from '@vitrine/shared/core';

const HttpUrl = z.url({ protocol: /^https?$/ });
const Port = z.number().int().min(1).max(65535);

export const ChainStoreEndpoints = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  pid: z.number().int().positive(),
  dataDir: z.string().min(1),
  base: HttpUrl,
  kiosk: HttpUrl,
  signage: HttpUrl,
  mirror: HttpUrl,
  consoles: HttpUrl,
  health: HttpUrl,
  /** Demo users of the store's consoles (staff, manager, editor, publisher…), one password. */
  demoUsers: z.array(z.string().min(1)).min(1),
  demoPassword: z.string().min(1),
  ports: z.object({ http: Port, mqtt: Port, https: Port, mqtts: Port }),
});
export type ChainStoreEndpoints = z.infer<typeof ChainStoreEndpoints>;

export const ChainEndpoints = z.object({
  v: z.literal(1),
  /** The runner's own pid: SIGTERM (or Ctrl-C) stops the whole chain. */
  pid: z.number().int().positive(),
  dir: z.string().min(1),
  startedAt: z.iso.datetime(),
  headOffice: z.object({
    url: HttpUrl,
    /** Head office's console (sign in as `user`, or with the admin token). */
    console: HttpUrl,
    health: HttpUrl,
    adminToken: z.string().min(16),
    /** The demo's head-office user (an admin). */
    user: z.object({ id: z.string(), password: z.string() }),
    pid: z.number().int().positive(),
  }),
  stores: z.array(ChainStoreEndpoints).min(1),
  nats: z.array(
    z.object({
      name: z.string(),
      clientUrl: z.string().regex(/^nats:\/\/\S+$/),
      clientPort: Port,
      monitorUrl: HttpUrl,
      monitorPort: Port,
    }),
  ),
  postgres: z.object({ url: z.string().regex(/^postgres:\/\//), port: Port }),
  campaign: z.object({ id: z.string(), revision: z.number().int().positive(), text: z.string() }),
});
export type ChainEndpoints = z.infer<typeof ChainEndpoints>;

export function writeEndpoints(file: string, endpoints: ChainEndpoints): void {
  // Written aside then renamed: a reader never sees half a file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(ChainEndpoints.parse(endpoints), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

export function readEndpoints(file: string): ChainEndpoints {
  const parsed = parseJson(ChainEndpoints, readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return parsed.value;
}
