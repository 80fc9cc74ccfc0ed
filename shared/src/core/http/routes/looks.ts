// Share-a-look: the mirror uploads the composed photo and gets back the link
// the shopper's phone opens. The phone's pages (`/look/{token}`) are web pages
// outside the API, served by the store server's own router.
import {
  LOOK_UPLOAD_TYPES,
  LookUploadQuery,
  MAX_LOOK_UPLOAD_BYTES,
  SharedLookCreated,
} from '../../looks/shared-look';
import { device, route } from '../route';

export const lookRoutes = {
  share: route({
    method: 'POST',
    path: '/looks/share',
    summary:
      'A mirror shares a photo (JPEG or PNG): re-encoded without metadata, it answers a short-lived link',
    auth: device(),
    query: LookUploadQuery,
    body: { upload: { limit: MAX_LOOK_UPLOAD_BYTES, types: LOOK_UPLOAD_TYPES } },
    response: SharedLookCreated,
    status: 201,
  }),
} as const;
