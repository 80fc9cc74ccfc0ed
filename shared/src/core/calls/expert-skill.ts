// Who can help with what: the experts' skills, and which skill each of a
// store's departments calls for (a store setting, since departments are the
// catalogue's own). Apart from call-messages.ts so store settings can name
// skills without reaching the call protocol.
import { z } from 'zod';
import { Slug } from '../product-facts';

export const ExpertSkill = z.enum(['wine', 'nutrition', 'style', 'tech']);
export type ExpertSkill = z.infer<typeof ExpertSkill>;
export const EXPERT_SKILLS = ExpertSkill.options;

/** Department slug → the skill that helps with its products (StoreSettings.skillsByDepartment). */
export const SkillsByDepartment = z.record(Slug, ExpertSkill);
export type SkillsByDepartment = z.infer<typeof SkillsByDepartment>;

/** The skill for a product's department; none when the store names none (no expert to call). */
export function skillForProduct(
  product: { department: string },
  skills: SkillsByDepartment | undefined,
): ExpertSkill | undefined {
  return skills && Object.hasOwn(skills, product.department)
    ? skills[product.department]
    : undefined;
}
