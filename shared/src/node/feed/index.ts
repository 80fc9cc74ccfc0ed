// The catalogue feeds as both servers read them (the store's import, head office's chain
// catalogue): the readers (CSV, TSV, XML, gzip), checked line by line, and the scratch SQLite
// file an import stages them in.
export { FeedError } from './feed-error';
export { openFeed } from './open-feed';
export { readFeed, type FeedBatch } from './read-feed';
export { sniffFeed } from './sniff';
export { stageFeed } from './stage-feed';
export { Staging, type BuiltDoc, type StagedCounts } from './staging';
