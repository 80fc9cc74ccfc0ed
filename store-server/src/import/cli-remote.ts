// The import CLI against a running store server: the files are streamed to
// the import routes (never read whole), the job run, and followed to its end.
import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  apiClient,
  apiRoutes,
  type FeedKind,
  type ImportJob,
  type ImportOptions,
} from '@vitrine/shared/core';
import { megabytes, statusLine } from './cli-progress';

export type RemoteTarget = { url: string; token?: string; user?: string; password?: string };

/** A client of the store's API with the target's credentials (the export CLI's too). */
export async function signedInClient(target: RemoteTarget) {
  let token = target.token;
  const client = apiClient(apiRoutes, {
    baseUrl: target.url.replace(/\/+$/, ''),
    authorization: () => (token ? `Bearer ${token}` : undefined),
  });
  if (!token && target.user && target.password) {
    token = (await client.auth.login({ body: { userId: target.user, password: target.password } }))
      .token;
  }
  return client;
}

/** The target's credentials from the environment, as the CLIs take them. */
export function remoteTarget(url: string, user: string | undefined): RemoteTarget {
  return { url, token: process.env.VITRINE_TOKEN, user, password: process.env.VITRINE_PASSWORD };
}

/**
 * A look at the job, asked again when the connection drops: a server busy
 * applying a large import may close an idle kept-alive connection just as the
 * next look goes out (ECONNRESET); the job itself is unaffected.
 */
async function pollAgain<T>(look: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await look();
    } catch (error) {
      const dropped = error instanceof TypeError && error.message === 'fetch failed';
      if (!dropped || attempt >= attempts) throw error;
      await sleep(500 * attempt);
    }
  }
}

export async function importRemote(
  target: RemoteTarget,
  files: Partial<Record<FeedKind, string>>,
  options: ImportOptions,
): Promise<ImportJob> {
  const client = await signedInClient(target);
  const status = statusLine();
  const job = await client.imports.createImport({ body: options });
  for (const [kind, path] of Object.entries(files) as [FeedKind, string][]) {
    const total = statSync(path).size;
    let sent = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        status.show(`uploading ${kind}`, sent, total, megabytes(sent));
        done(null, chunk);
      },
    });
    const body = Readable.toWeb(createReadStream(path).pipe(counted)) as ReadableStream;
    await client.imports.uploadFeed(
      { params: { id: job.id, kind }, query: { name: path.split(/[\\/]/).at(-1)! }, body },
      // Node's fetch streams a body only when told it is half-duplex.
      { duplex: 'half' } as unknown as RequestInit,
    );
    status.end();
  }
  let current = await client.imports.runImport({ params: { id: job.id } });
  while (current.state === 'running') {
    const { progress } = current;
    if (progress.phase === 'reading' && progress.kind)
      status.show(`reading ${progress.kind ?? ''}`, progress.bytesRead ?? 0, progress.totalBytes);
    else
      status.show(progress.phase, 0, undefined, progress.done ? `${progress.done} products` : '');
    await sleep(500);
    current = await pollAgain(() => client.imports.import({ params: { id: job.id } }));
  }
  status.end();
  return current;
}
