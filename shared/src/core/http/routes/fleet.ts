// Fleet: screens' heartbeats, clock samples and screenshots (devices), and the
// fleet view, targeting profiles, reloads and screenshots on demand (head office).
import { z } from 'zod';
import { ScreenHeartbeat, ServerTime } from '../../campaign/fleet';
import { ScreenProfileDoc } from '../../campaign/screen-profile';
import { RejectedEventsReport } from '../../dead-letters';
import { anyone, device, route, staff } from '../route';
import { idParam } from './ids';

/** Each signage screen as head office sees it. */
export const ScreenView = z.object({
  deviceId: z.string(),
  name: z.string(),
  online: z.boolean(),
  since: z.string().nullable(),
  lastHeartbeat: z.string().nullable(),
  heartbeat: ScreenHeartbeat.nullable(),
  profile: ScreenProfileDoc.nullable(),
  /** Offline (or silent) for longer than the threshold. */
  alert: z.boolean(),
});
export type ScreenView = z.infer<typeof ScreenView>;

/** A name people read in the fleet view: trimmed, 1-60 characters, no control characters. */
export const ScreenNameInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a name cannot be empty')
    .max(60, 'a name is at most 60 characters')
    .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'a name cannot hold control characters'),
});
export const ScreenProfileInput = ScreenProfileDoc.omit({
  id: true,
  storeId: true,
  timeZone: true,
});
export type ScreenProfileInput = z.infer<typeof ScreenProfileInput>;
const CommandSent = z.object({ sent: z.enum(['reload', 'screenshot']) });
/** A fleet screenshot: a PNG of the screen. */
export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;
const screen = idParam('device');
const headOffice = staff('manager', 'publisher');
const viewers = staff('manager', 'editor', 'publisher');

export const fleetRoutes = {
  /** NTP-style sample: the device notes when it asked and when the answer came. */
  time: route({
    method: 'GET',
    path: '/fleet/time',
    summary: "The server's clock, for a screen's offset estimate",
    auth: anyone,
    response: ServerTime,
  }),
  heartbeat: route({
    method: 'POST',
    path: '/fleet/heartbeat',
    summary: 'A signage screen says what it shows and what its cache holds',
    auth: device(),
    body: ScreenHeartbeat,
    response: 'empty',
  }),
  uploadScreenshot: route({
    method: 'POST',
    path: '/fleet/screenshot',
    summary: 'A screen sends the screenshot head office asked for (PNG)',
    auth: device(),
    body: { upload: { limit: MAX_SCREENSHOT_BYTES, types: ['image/png'] } },
    response: 'empty',
  }),
  list: route({
    method: 'GET',
    path: '/fleet',
    summary: "The store's signage screens: presence, last heartbeat, profile, alert",
    auth: viewers,
    query: z.object({ offlineAlertMin: z.coerce.number().min(1).max(1_440).default(5) }),
    response: z.object({ screens: z.array(ScreenView), timeZone: z.string() }),
  }),
  rejectedEvents: route({
    method: 'GET',
    path: '/fleet/rejected-events',
    summary: 'Device events the store refused (dead letters), by device and reason',
    auth: viewers,
    response: RejectedEventsReport,
  }),
  setProfile: route({
    method: 'PUT',
    path: '/fleet/:id/profile',
    summary: "Sets a screen's targeting profile; the server adds store and time zone",
    auth: headOffice,
    params: screen,
    body: ScreenProfileInput,
    response: ScreenProfileDoc,
  }),
  rename: route({
    method: 'PUT',
    path: '/fleet/:id/name',
    summary: 'Renames a screen in the fleet view',
    auth: headOffice,
    params: screen,
    body: ScreenNameInput,
    response: z.object({ deviceId: z.string(), name: z.string() }),
  }),
  reload: route({
    method: 'POST',
    path: '/fleet/:id/reload',
    summary: 'Asks a screen to reload',
    auth: headOffice,
    params: screen,
    response: CommandSent,
    status: 202,
  }),
  requestScreenshot: route({
    method: 'POST',
    path: '/fleet/:id/screenshot',
    summary: 'Asks a screen for a screenshot',
    auth: viewers,
    params: screen,
    response: CommandSent,
    status: 202,
  }),
  screenshot: route({
    method: 'GET',
    path: '/fleet/:id/screenshot',
    summary: "A screen's last screenshot (PNG), 404 when there is none",
    auth: viewers,
    params: screen,
    response: { raw: 'image/png' },
  }),
} as const;
