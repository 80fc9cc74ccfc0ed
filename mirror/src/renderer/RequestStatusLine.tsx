import type { StoredProduct } from '@vitrine/shared/client';
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
  const m = useMirrorText();
  const { request } = props;
  const label = variantLabel(props.product, request.variantGtin);
  return (
    <li
      data-testid="request-status"
      data-status={request.status ?? 'pending'}
      className={`request request--${request.status ?? 'pending'}`}
    >
      {label && <strong>{label} : </strong>}
      {request.status
        ? m.requestStatus[request.status]
        : props.offline
          ? m.pendingDelivery
          : m.requestStatus.new}
    </li>
  );
}
