// What the store server records about staff, expert and head-office sign-ins
// that went wrong, for the manager: failed passwords and the waits they caused.
import { z } from 'zod';

export const SignInAuditEvent = z.enum([
  /** A wrong password, or a user id nobody has. */
  'failure',
  /** This account must wait before it can be tried again from this client address. */
  'account-locked',
  /** This client address must wait before it can try any account again. */
  'client-locked',
]);
export type SignInAuditEvent = z.infer<typeof SignInAuditEvent>;

export const SignInAuditEntry = z.object({
  at: z.string(),
  /** The user id as typed (or the id a typed name belongs to). */
  account: z.string(),
  /** The client's network address as the server saw it. */
  client: z.string(),
  event: SignInAuditEvent,
  /** For a lock: until when (ISO 8601). */
  until: z.string().nullable(),
});
export type SignInAuditEntry = z.infer<typeof SignInAuditEntry>;

/** Route auth.signInAudit (managers): newest first. */
export const SignInAuditList = z.object({ entries: z.array(SignInAuditEntry) });
export type SignInAuditList = z.infer<typeof SignInAuditList>;
