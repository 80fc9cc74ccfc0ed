// The head-office calls to the store server's API, through the typed client
// (shared/src/core/http, groups campaigns, reports and fleet). A campaign
// record the console cannot read is left out of the list instead of breaking
// the page (readableCampaigns).
import {
  apiRoutes,
  readableCampaigns,
  routeUrl,
  type CampaignDraftInput,
  type CampaignRecord,
  type CampaignRefusal,
  type MediaRow,
  type PlayReportQuery,
  type PreviewCard,
} from '@vitrine/shared/core';
import { ApiCallError, client } from '../common/api';

export type Draft = CampaignDraftInput;
export type { CampaignRecord, MediaRow, PlayRow } from '@vitrine/shared/core';
export type Refusal = CampaignRefusal;
export type ReportFilter = PlayReportQuery;

export async function listCampaigns(): Promise<{
  campaigns: CampaignRecord[];
  refusals: Refusal[];
}> {
  const answer = await client.campaigns.list();
  return { campaigns: readableCampaigns(answer.campaigns), refusals: answer.refusals };
}

export const saveDraft = (draft: Draft) =>
  client.campaigns.saveDraft({ params: { id: draft.id }, body: draft });

export type CampaignAction = 'submit' | 'approve' | 'reject' | 'withdraw';
export const campaignAction = (id: string, action: CampaignAction) =>
  client.campaigns[action]({ params: { id } });

export const listMedia = () => client.campaigns.listMedia().then((r) => r.media);

/** Raw upload: the server reads the type from the bytes and refuses anything else. */
export const uploadMedia = (file: File): Promise<MediaRow> =>
  client.campaigns.uploadMedia({
    query: { name: file.name },
    body: file,
    contentType: file.type || 'application/octet-stream',
  });

export const mediaUrl = (sha256: string) =>
  routeUrl('', apiRoutes.campaigns.media, { params: { sha256 } });

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

/** Empty fields mean "no filter": they are left out of the query. */
const filterOf = <F extends Record<string, string | undefined>>(filter: F): F =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as F;

export const fetchReport = (filter: ReportFilter) =>
  client.reports.plays({ query: filterOf(filter) });

export const fetchReportCsv = async (filter: ReportFilter): Promise<Blob> =>
  (await client.reports.playsCsv({ query: filterOf(filter) })).blob();

/** Product cards with this store's live price, promotion and stock, for the preview. */
export async function previewCards(ids: readonly string[]): Promise<Map<string, PreviewCard>> {
  if (ids.length === 0) return new Map();
  const { cards } = await client.campaigns.preview({ query: { ids: ids.join(',') } });
  return new Map(cards.map((card) => [card.id, card]));
}
