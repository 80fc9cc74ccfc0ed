// The brands' size charts, fetched from the store server when a session
// starts (they are small). Offline, the mirror says it cannot advise.
import type { DeviceHandle } from '@vitrine/shared/client';
import type { SizeChart } from '@vitrine/shared/core';
import { deviceApi } from '@vitrine/shared/ui';

export async function fetchSizeCharts(device: DeviceHandle): Promise<SizeChart[] | undefined> {
  try {
    const { api } = await deviceApi(device);
    return (await api.sizing.charts()).charts;
  } catch {
    return undefined;
  }
}
