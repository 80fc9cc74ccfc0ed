// What a device does with a live sync message, given its checkpoint.
import type { SyncMessage } from './protocol';

export type SyncDecision = 'apply' | 'ignore' | 'pull';

export function decideSync(checkpoint: number, message: SyncMessage): SyncDecision {
  if (message.type === 'poke') return message.rev > checkpoint ? 'pull' : 'ignore';
  if (message.toRev <= checkpoint) return 'ignore'; // already have it (a pull overtook it)
  if (message.fromRev === checkpoint) return 'apply';
  return 'pull'; // a gap: something was missed
}
