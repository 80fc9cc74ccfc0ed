// Follows the status of this device's staff requests (another size, help…)
// live. Each change is delivered once: versions older than the one shown are
// ignored, and a reconnect's snapshot only reports what is new.
import { useEffect, useState } from 'react';
import {
  apiRoutes,
  applyRequestStatus,
  DeviceRequestMessage,
  parseJson,
  type DeviceRequestStatus,
} from '../../core';
import type { DeviceHandle } from '../../client';
import type { DeviceEnvironment } from '../device-environment';
import { deviceHttp } from './device-http';

export function watchRequestStatus(
  device: DeviceHandle,
  onStatus: (request: DeviceRequestStatus) => void,
  environment?: DeviceEnvironment,
): () => void {
  const known = new Map<string, DeviceRequestStatus>();
  let stop: (() => void) | undefined;
  let stopped = false;
  void deviceHttp(device, environment).then((http) => {
    if (stopped) return;
    stop = http.feed(apiRoutes.requests.mineStream, {}, (message) => {
      const parsed = parseJson(DeviceRequestMessage, message.data);
      if (!parsed.ok) return;
      const list =
        parsed.value.type === 'snapshot' ? parsed.value.requests : [parsed.value.request];
      for (const request of list) if (applyRequestStatus(known, request)) onStatus(request);
    });
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The device's requests with their latest status, for a React screen. */
export function useRequestStatus(device: DeviceHandle): DeviceRequestStatus[] {
  const [requests, setRequests] = useState<DeviceRequestStatus[]>([]);
  useEffect(
    () =>
      watchRequestStatus(device, (request) =>
        setRequests((current) => [...current.filter((r) => r.id !== request.id), request]),
      ),
    [device],
  );
  return requests;
}
