// A store's settings for its screens, synced as one document per store.
import { z } from 'zod';
import { SkillsByDepartment } from '../calls/expert-skill';
import { CurrencyCode } from '../money';
import { BrandTheme } from './brand-theme';
import { StaffAccess } from './staff-access';

export * from './brand-theme';
export * from './contrast';
export * from './staff-access';

export const StoreSettings = z.object({
  /** The store id. */
  id: z.string().min(1).max(64),
  theme: BrandTheme.optional(),
  staffAccess: StaffAccess.optional(),
  /** The currency prices are shown in (ISO 4217); absent means EUR (DEFAULT_CURRENCY). */
  currency: CurrencyCode.optional(),
  /** Which expert skill each department calls for; a department without one has no expert call. */
  skillsByDepartment: SkillsByDepartment.optional(),
});
export type StoreSettings = z.infer<typeof StoreSettings>;
