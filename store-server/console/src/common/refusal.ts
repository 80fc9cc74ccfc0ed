// What a console tells the person when a call fails: the server's everyday
// refusals in the console's own words (its dictionary's `refusals`, by error
// code), anything rarer in the server's words, and a network failure as such.
import { ApiCallError } from './api';

export type RefusalWords = {
  networkDown: string;
  refusals: Partial<Record<string, string>>;
};

export function refusal(caught: unknown, words: RefusalWords): string {
  if (!(caught instanceof ApiCallError)) return words.networkDown;
  return words.refusals[caught.code] ?? caught.message;
}
