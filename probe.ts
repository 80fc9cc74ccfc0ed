import { startTestServer } from './e2e/support/test-server';
const server = await startTestServer({ demoScale: 20 });
const s = server.demoDevices!.get('signage')!;
for (const body of [new Uint8Array([0x89, 0x50]), new Uint8Array([])]) {
  const r = await fetch(`${server.url}/api/v1/fleet/screenshot`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${s.deviceId}.${s.secret}` }, body });
  console.log(r.status, await r.text());
}
await server.close();
