// The head-office calls to the store server's API (docs/protocol.md, "Signage").
// Campaign bodies are parsed with the shared schema: a record the console
// cannot read is shown as such instead of breaking the page.
import {
  ApiError,
  CampaignBody,
  PreviewCards,
  parseUnknown,
  type PreviewCard,
  type MediaRef,
} from '@vitrine/shared/core';
import { api, ApiCallError, client, session } from '../common/api';

export const DraftSchema = CampaignBody.omit({ v: true, revision: true });
export type Draft = ReturnType<typeof DraftSchema.parse>;

export type CampaignStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';
export type CampaignRecord = {
  id: string;
  status: CampaignStatus;
  revision: number;
  body: Draft;
  createdBy: string;
  updatedAt: string;
  approvedBy: string | null;
  publishedAt: string | null;
  /** The signed revision on screens, even while an edit of it is a draft. */
  liveRevision: number | null;
  approvals: { revision: number; approvedBy: string; selfApproved: boolean }[];
};
export type Refusal = {
  campaignId: string | null;
  reason: string;
  at: string;
  /** A replay: the revision offered and the newer (or same) one the store holds. */
  revision?: number | null;
  heldRevision?: number | null;
};
export type MediaRow = MediaRef & { name: string; uploadedAt: string };
export type PlayRow = {
  campaignId: string;
  storeId: string;
  deviceId: string;
  hour: string;
  plays: number;
  /** Plays cut short (reload, crash), not counted in `plays`. */
  interrupted: number;
  playedMs: number;
};
export type ReportFilter = { from?: string; to?: string; campaignId?: string };

export async function listCampaigns(): Promise<{
  campaigns: CampaignRecord[];
  refusals: Refusal[];
}> {
  const answer = await api<{ campaigns: unknown[]; refusals: Refusal[] }>('/campaigns');
  const campaigns = answer.campaigns.flatMap((raw) => {
    const record = raw as CampaignRecord;
    const body = parseUnknown(DraftSchema, record.body);
    return body.ok ? [{ ...record, body: body.value }] : [];
  });
  return { campaigns, refusals: answer.refusals };
}

export const saveDraft = (draft: Draft) =>
  api<CampaignRecord>(`/campaigns/${encodeURIComponent(draft.id)}`, {
    method: 'PUT',
    body: draft,
  });

export type CampaignAction = 'submit' | 'approve' | 'reject' | 'withdraw';
export const campaignAction = (id: string, action: CampaignAction) =>
  api<CampaignRecord>(`/campaigns/${encodeURIComponent(id)}/${action}`, { method: 'POST' });

export const listMedia = () => api<{ media: MediaRow[] }>('/media').then((r) => r.media);

/** Raw upload: the server reads the type from the bytes and refuses anything else. */
export async function uploadMedia(file: File): Promise<MediaRow> {
  const response = await authorized(`/media?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  return (await response.json()) as MediaRow;
}

export const mediaUrl = (sha256: string) => `/api/v1/media/${sha256}`;

/** The last screenshot and when it was written, or null when there is none. */
export async function fetchScreenshot(
  id: string,
): Promise<{ blob: Blob; modified: string } | null> {
  try {
    const response = await client.fleet.screenshot({ params: { id } });
    return { blob: await response.blob(), modified: response.headers.get('last-modified') ?? '' };
  } catch (error) {
    if (error instanceof ApiCallError && error.status === 404) return null;
    throw error;
  }
}

export const reportQuery = (filter: ReportFilter) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, String(value));
  return query.toString();
};

export const fetchReport = (filter: ReportFilter) =>
  api<{ rows: PlayRow[]; unfinished: number }>(`/proof-of-play/report?${reportQuery(filter)}`);

export async function fetchReportCsv(filter: ReportFilter): Promise<Blob> {
  const response = await authorized(`/proof-of-play/report.csv?${reportQuery(filter)}`);
  return response.blob();
}

/** A non-JSON call (uploads, images, CSV) with the session and the server's refusal message. */
export async function authorized(path: string, init: RequestInit = {}): Promise<Response> {
  const token = session.token();
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const error = parseUnknown(ApiError, await response.json().catch(() => null));
    throw new ApiCallError(
      response.status,
      error.ok ? error.value.error.code : 'http_error',
      error.ok ? error.value.error.message : `HTTP ${response.status}`,
    );
  }
  return response;
}

/** Product cards with this store's live price, promotion and stock, for the preview. */
export async function previewCards(ids: readonly string[]): Promise<Map<string, PreviewCard>> {
  if (ids.length === 0) return new Map();
  const query = encodeURIComponent(ids.join(','));
  const parsed = parseUnknown(PreviewCards, await api(`/campaigns/preview/products?ids=${query}`));
  if (!parsed.ok) throw new ApiCallError(500, 'bad_answer', parsed.error);
  return new Map(parsed.value.cards.map((card) => [card.id, card]));
}
