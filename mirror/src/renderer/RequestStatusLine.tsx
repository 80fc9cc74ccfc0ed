import type { StoredProduct } from '@vitrine/shared/client';
import { useI18n } from '@vitrine/shared/ui';
import { variantLabel } from './GarmentList';
import { useMirrorText } from './mirror-text';
import type { SessionRequest } from './use-session-requests';

/** One request of this session and its status, as staff move it along. */
export function RequestStatusLine(props: {
  request: SessionRequest;
  product: StoredProduct;
  /** The mirror has no link to the store: the request waits in the outbox. */
  offline: boolean;
}) {
  const { t: m } = useMirrorText();
  const { t, lang } = useI18n();
  const { request } = props;
  const label = variantLabel(props.product, request.variantId, lang);
  const status = request.status
    ? m.requestStatus[request.status]
    : props.offline
      ? m.pendingDelivery
      : m.requestStatus.new;
  return (
    <li
      data-testid="request-status"
      data-status={request.status ?? 'pending'}
      className={`request request--${request.status ?? 'pending'}`}
    >
      {/* "W28 · Bordeaux : demande envoyée…", with each language's colon. */}
      {label ? (
        <>
          <strong>{label}</strong>
          {t.labelled('', status)}
        </>
      ) : (
        status
      )}
    </li>
  );
}
