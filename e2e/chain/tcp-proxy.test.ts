// What the chaos runs rely on from the TCP proxy, checked with plain sockets against an
// echo-and-record server: what passes, what a cut holds back, what a heal delivers.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

type Target = { server: Server; port: number; received: () => string; sockets: Socket[] };

async function startTarget(): Promise<Target> {
  let received = '';
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      socket.write(`echo:${chunk.toString()}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, port, received: () => received, sockets };
}

type Client = { socket: Socket; text: () => string; error: () => string | undefined };

async function connectTo(port: number): Promise<Client> {
  const socket = createConnection({ host: '127.0.0.1', port });
  let text = '';
  let error: string | undefined;
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code));
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return { socket, text: () => text, error: () => error };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ target: Target; proxy: TcpProxy }> {
  const target = await startTarget();
  cleanups.push(
    () => new Promise((resolve) => target.server.close(resolve)),
    () => target.sockets.forEach((socket) => socket.destroy()),
  );
  const proxy = await startTcpProxy({ targetPort: target.port });
  cleanups.push(() => proxy.close());
  return { target, proxy };
}

describe('tcp proxy', () => {
  it('passes bytes both ways', async () => {
    const { proxy } = await setUp();
    const client = await connectTo(proxy.port);
    cleanups.push(() => client.socket.destroy());
    client.socket.write('hello');
    await expect.poll(client.text).toBe('echo:hello');
    expect(proxy.mode()).toBe('pass');
  });

  it('holds everything back in a blackhole and delivers it, in order, when the line heals', async () => {
    const { target, proxy } = await setUp();
    const open = await connectTo(proxy.port);
    cleanups.push(() => open.socket.destroy());
    open.socket.write('a');
    await expect.poll(open.text).toBe('echo:a');

    proxy.setMode('blackhole');
    open.socket.write('b');
    const late = await connectTo(proxy.port); // accepted by the proxy, joined to nothing
    cleanups.push(() => late.socket.destroy());
    late.socket.write('c');
    await sleep(300);
    expect(target.received()).toBe('a');
    expect(open.text()).toBe('echo:a');
    expect(target.sockets).toHaveLength(1);

    proxy.setMode('pass');
    await expect.poll(open.text).toBe('echo:aecho:b');
    await expect.poll(late.text).toBe('echo:c');
    expect(target.sockets).toHaveLength(2);
  });

  it('lets a close made during a blackhole reach the other side only when the line heals', async () => {
    const { target, proxy } = await setUp();
    const client = await connectTo(proxy.port);
    client.socket.write('x');
    await expect.poll(target.received).toBe('x');
    const serverSide = target.sockets[0]!;
    let serverSawClose = false;
    serverSide.on('close', () => (serverSawClose = true));

    proxy.setMode('blackhole');
    client.socket.destroy();
    await sleep(300);
    expect(serverSawClose).toBe(false);
    proxy.setMode('pass');
    await expect.poll(() => serverSawClose).toBe(true);
  });

  it('resets open connections and every new one in reset mode', async () => {
    const { proxy } = await setUp();
    const open = await connectTo(proxy.port);
    cleanups.push(() => open.socket.destroy());
    proxy.setMode('reset');
    await expect.poll(open.error).toBe('ECONNRESET');

    const fresh = createConnection({ host: '127.0.0.1', port: proxy.port });
    cleanups.push(() => fresh.destroy());
    const failure = await new Promise<string | undefined>((resolve) => {
      fresh.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
      fresh.on('close', () => resolve('closed without error'));
    });
    expect(failure).toBe('ECONNRESET');

    proxy.setMode('pass');
    const after = await connectTo(proxy.port);
    cleanups.push(() => after.socket.destroy());
    after.socket.write('back');
    await expect.poll(after.text).toBe('echo:back');
  });
});
