// Staff requests made in this session, with their live status. The device's
// feed lists every request of the last day; a session shows only its own.
import { useCallback, useEffect, useState } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import type { DeviceRequestStatus, NewDeviceEvent, RequestStatus } from '@vitrine/shared/core';
import { watchRequestStatus } from '@vitrine/shared/ui';

export type SessionRequest = {
  id: string;
  productId?: string;
  variantId?: string;
  type: string;
  /** undefined until the store server has the request (the outbox delivers it). */
  status: RequestStatus | undefined;
};

export type SessionRequests = {
  list: SessionRequest[];
  send: (event: Extract<NewDeviceEvent, { kind: 'request' }>) => Promise<void>;
};

export function useSessionRequests(device: DeviceHandle): SessionRequests {
  const [mine, setMine] = useState<SessionRequest[]>([]);
  const [statuses, setStatuses] = useState<ReadonlyMap<string, DeviceRequestStatus>>(new Map());
  useEffect(
    () =>
      watchRequestStatus(device, (request) =>
        setStatuses((current) => new Map(current).set(request.id, request)),
      ),
    [device],
  );
  const send = useCallback<SessionRequests['send']>(
    async (event) => {
      // A local copy that cannot be written (quota, broken IndexedDB) is being
      // rebuilt by the device layer; the shopper can ask again.
      const stored = await device.outbox.record(event).catch(() => undefined);
      if (!stored) return;
      setMine((current) => [
        ...current,
        {
          id: stored.id,
          type: event.payload.type,
          productId: event.payload.productId,
          variantId: event.payload.variantId,
          status: undefined,
        },
      ]);
    },
    [device],
  );
  return { list: mine.map((r) => ({ ...r, status: statuses.get(r.id)?.status })), send };
}
