// Measurements a measuring device sends this mirror (MQTT, relayed live by the
// store server; docs/protocol.md). They replace what was typed, for this
// session only: the feed closes with the session.
import { useEffect } from 'react';
import type { DeviceHandle } from '@vitrine/shared/client';
import {
  apiRoutes,
  MeasurementsMessage,
  parseJson,
  routeUrl,
  type BodyMeasurements,
} from '@vitrine/shared/core';
import { deviceApi, openSseFeed } from '@vitrine/shared/ui';

export type Measured = { values: BodyMeasurements; source?: string; at?: string };

export function useMeasurementFeed(device: DeviceHandle, onMeasured: (m: Measured) => void) {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void deviceApi(device)
      .then(({ baseUrl, authorization }) => {
        if (stopped) return;
        const feed = routeUrl(baseUrl, apiRoutes.sizing.measurements, {});
        stop = openSseFeed(feed, { authorization }, (message) => {
          const parsed = parseJson(MeasurementsMessage, message.data);
          if (!parsed.ok) return;
          const { measurements, source, at } = parsed.value;
          onMeasured({ values: measurements, source, at });
        });
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      stop?.();
    };
  }, [device, onMeasured]);
}
