// The brands' size charts, fetched from the store server when a session
// starts (they are small). Offline, the mirror says it cannot advise.
import type { DeviceHandle } from '@vitrine/shared/client';
import { parseUnknown, SizeChartList, type SizeChart } from '@vitrine/shared/core';
import { deviceHttp } from '@vitrine/shared/ui';

export async function fetchSizeCharts(device: DeviceHandle): Promise<SizeChart[] | undefined> {
  try {
    const http = await deviceHttp(device);
    const answer = await http.fetchJson('/sizing/charts');
    if (!answer.ok) return undefined;
    const parsed = parseUnknown(SizeChartList, answer.body);
    return parsed.ok ? parsed.value.charts : undefined;
  } catch {
    return undefined;
  }
}
