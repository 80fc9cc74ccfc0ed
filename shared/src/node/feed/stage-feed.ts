// Reads one feed file into the import's staging database, batch by batch,
// telling the caller how far it got (bytes, for a progress bar).
import type { FeedContext, FeedKind } from '@vitrine/shared/core';
import type { FeedProgress } from './open-feed';
import { readFeed } from './read-feed';
import type { Staging } from './staging';

export async function stageFeed(
  staging: Staging,
  path: string,
  kind: FeedKind,
  context: FeedContext,
  onProgress: (progress: FeedProgress) => void = () => {},
): Promise<void> {
  for await (const batch of readFeed(path, kind, { context })) {
    staging.stage(context.file, kind, batch);
    onProgress(batch.progress);
  }
}
