// The link's streams and head office's shared durables, made to match their declaration
// (core/link/subjects.ts): created when missing, updated when their configuration differs,
// left alone otherwise. Every head-office process runs this at connection; two at once both
// succeed, since creating an identical stream or consumer is a no-op for the server and a
// lost race ends in a re-read and a comparison.
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import {
  hqConsumers,
  linkStreams,
  type LinkConsumerConfig,
  type LinkStreamConfig,
  type LinkStreamOptions,
} from '@vitrine/shared/core';
import type { Logger } from '@vitrine/shared/node';

export type EnsureResult = 'created' | 'updated' | 'unchanged';

const notFound = (error: unknown, code: number) =>
  error instanceof JetStreamApiError && error.code === code;

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

/** The declared fields that differ in the server's configuration (only what we declare counts). */
function differingFields(
  declared: Record<string, unknown>,
  actual: Record<string, unknown>,
): string[] {
  return Object.entries(declared)
    .filter(([key, value]) =>
      Array.isArray(value)
        ? !sameList(value as string[], actual[key] as string[] | undefined)
        : actual[key] !== value,
    )
    .map(([key]) => key);
}

async function ensureStream(
  jsm: JetStreamManager,
  declared: LinkStreamConfig,
): Promise<EnsureResult> {
  const config = declared as unknown as Partial<StreamConfig> & { name: string };
  let actual: StreamConfig | undefined;
  try {
    actual = (await jsm.streams.info(declared.name)).config;
  } catch (error) {
    if (!notFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
  }
  if (!actual) {
    try {
      await jsm.streams.add(config);
      return 'created';
    } catch {
      // Another process created it first with other settings, or the add failed: read it again.
      actual = (await jsm.streams.info(declared.name)).config;
    }
  }
  const differs = differingFields(declared, actual);
  if (differs.length === 0) return 'unchanged';
  await jsm.streams.update(declared.name, config);
  return 'updated';
}

async function ensureConsumer(
  jsm: JetStreamManager,
  declared: LinkConsumerConfig,
): Promise<EnsureResult> {
  const config = declared.config as unknown as Partial<ConsumerConfig>;
  const name = declared.config.durable_name;
  let actual: ConsumerConfig | undefined;
  try {
    actual = (await jsm.consumers.info(declared.stream, name)).config;
  } catch (error) {
    if (!notFound(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
  }
  if (!actual) {
    try {
      await jsm.consumers.add(declared.stream, config);
      return 'created';
    } catch {
      actual = (await jsm.consumers.info(declared.stream, name)).config;
    }
  }
  const differs = differingFields(declared.config, actual);
  if (differs.length === 0) return 'unchanged';
  await jsm.consumers.update(declared.stream, name, config);
  return 'updated';
}

/** Brings every stream of the link and head office's durables to their declared configuration. */
export async function ensureLinkStreams(
  jsm: JetStreamManager,
  options: LinkStreamOptions,
  log: Logger,
): Promise<Record<string, EnsureResult>> {
  const results: Record<string, EnsureResult> = {};
  for (const stream of linkStreams(options)) {
    results[stream.name] = await ensureStream(jsm, stream);
  }
  for (const consumer of hqConsumers()) {
    results[`${consumer.stream}/${consumer.config.durable_name}`] = await ensureConsumer(
      jsm,
      consumer,
    );
  }
  const changed = Object.entries(results).filter(([, result]) => result !== 'unchanged');
  if (changed.length > 0) log.info({ changed: Object.fromEntries(changed) }, 'link streams set');
  return results;
}
