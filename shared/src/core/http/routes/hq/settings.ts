// The screens' settings authored at head office (theme, staff access, currency, expert skills
// per department): the chain's, sent to every store, and one store's own, sent to it only. A
// store merges the two (its own win) into its settings document; local configuration no longer
// writes it once the store belongs to a chain.
import { z } from 'zod';
import { StoreId } from '../../../link/messages';
import { StoreSettings } from '../../../store-settings';
import { route } from '../../route';
import { hqPublisher, hqReader } from './roles';

export const HqSettings = StoreSettings.omit({ id: true });
export type HqSettings = z.infer<typeof HqSettings>;

export const HqSettingsReply = z.object({
  /** `chain`, or the store's id. */
  scope: z.string(),
  settings: HqSettings,
  /** null: never set (empty settings). */
  updatedAt: z.iso.datetime().nullable(),
});
export type HqSettingsReply = z.infer<typeof HqSettingsReply>;

const StoreParams = z.object({ id: StoreId });

export const hqSettingsRoutes = {
  getChain: route({
    method: 'GET',
    path: '/settings',
    summary: "The chain's settings for every store's screens",
    auth: hqReader,
    response: HqSettingsReply,
  }),
  putChain: route({
    method: 'PUT',
    path: '/settings',
    summary: "Replace the chain's settings: sent to every store on the link",
    auth: hqPublisher,
    body: HqSettings,
    response: HqSettingsReply,
  }),
  getStore: route({
    method: 'GET',
    path: '/stores/:id/settings',
    summary: "One store's own settings (they win over the chain's)",
    auth: hqReader,
    params: StoreParams,
    response: HqSettingsReply,
  }),
  putStore: route({
    method: 'PUT',
    path: '/stores/:id/settings',
    summary: "Replace one store's own settings: sent to that store only",
    auth: hqPublisher,
    params: StoreParams,
    body: HqSettings,
    response: HqSettingsReply,
  }),
} as const;
