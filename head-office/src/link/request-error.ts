/** A request HQ will not do, with the words the store's log shows (a LinkErrorReply). */
export class LinkRequestError extends Error {
  override name = 'LinkRequestError';
}
