// Finding 1 over HTTP: a media upload (campaigns.uploadMedia) declaring and sending 64 MiB without
// credentials. The server used to read the whole body before answering 401.
import { apiRoutes, routeUrl } from '@vitrine/shared/core';
import { rawHttpRequest } from '../../support/raw-http';
import { watchRssGrowth, type Attack } from '../attack';

const MIB = 1024 * 1024;
const upload = apiRoutes.campaigns.uploadMedia;

export const attacks: Attack[] = [
  {
    finding: '1 memory',
    name: `${upload.method} ${routeUrl('', upload, {})} 64 MiB without credentials`,
    run: async ({ server, smoke }) => {
      const requests = smoke ? 4 : 16;
      const rss = watchRssGrowth(server.pid);
      const outcomes = await Promise.all(
        Array.from({ length: requests }, () =>
          rawHttpRequest({
            port: server.httpPort,
            method: 'POST',
            path: routeUrl('', upload, { query: { name: 'attack.mp4' } }),
            headers: { 'content-type': 'video/mp4' },
            declaredLength: 64 * MIB,
            sendBytes: 64 * MIB,
            giveUpMs: 60_000,
          }),
        ),
      );
      const grew = rss.stop();
      const refused = outcomes.filter((outcome) => outcome.status === 401).length;
      const slowest = Math.max(...outcomes.map((outcome) => outcome.statusAfterMs ?? Infinity));
      const sent = Math.max(...outcomes.map((outcome) => outcome.bodyBytesWritten)) / MIB;
      return {
        result:
          `${refused}/${requests} answered 401, the last after ${(slowest / 1000).toFixed(2)} s; ` +
          `at most ${sent.toFixed(0)} MiB sent before the close; RSS peak +${grew} MB`,
        pass: refused === requests && slowest <= 2_000 && grew <= 50,
        dataLost: 0,
      };
    },
  },
];
