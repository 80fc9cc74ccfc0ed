// A file that is not a usable feed: refused as a whole, before anything changes.
export class FeedError extends Error {
  constructor(
    message: string,
    /** The line the reader had reached, when it had one. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'FeedError';
  }
}
