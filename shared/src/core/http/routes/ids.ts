// Path parameters several route groups share.
import { z } from 'zod';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A device, campaign or call id in a path: 1-64 of A-Z a-z 0-9 _ -. */
export const idParam = (what: string) =>
  z.object({ id: z.string().regex(SAFE_ID, `a ${what} id`) });
