// Head office's media library: upload a file (its type read from its bytes, never from the
// upload's headers), kept in the link's media bucket by SHA-256; list the library.
import { z } from 'zod';
import { MAX_MEDIA_BYTES, MEDIA_TYPES, MediaRef, Sha256Hex } from '../../../campaign/campaign';
import { route } from '../../route';
import { hqPublisher, hqReader } from './roles';

const PAGE = 100;

export const HqMedia = MediaRef.extend({ name: z.string(), uploadedAt: z.iso.datetime() });
export type HqMedia = z.infer<typeof HqMedia>;

export const hqMediaRoutes = {
  upload: route({
    method: 'POST',
    path: '/media',
    summary: 'Upload a media file (its type is read from its bytes), kept by SHA-256',
    auth: hqPublisher,
    query: z.object({ name: z.string().min(1).max(200).default('upload') }),
    body: { upload: { limit: MAX_MEDIA_BYTES, types: MEDIA_TYPES } },
    response: HqMedia,
    status: 201,
  }),
  list: route({
    method: 'GET',
    path: '/media',
    summary: `The media library by SHA-256, ${PAGE} a page: pass the last one as "after"`,
    auth: hqReader,
    query: z.object({ after: Sha256Hex.optional() }),
    response: z.object({ media: z.array(HqMedia), next: z.string().nullable() }),
  }),
} as const;

export const HQ_MEDIA_PAGE = PAGE;
