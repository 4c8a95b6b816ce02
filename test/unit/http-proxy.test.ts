// src/http behind a proxy: VS Code's proxy setting, noProxy, and HTTP_PROXY / NO_PROXY from the environment.
// The proxy is a tiny CONNECT tunnel on loopback, as undici's ProxyAgent tunnels even plain-HTTP targets.
import assert from 'node:assert/strict';
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { HttpClient, type HttpResponse } from '../../src/http/client';
import { NetworkError } from '../../src/http/errors';
import type { ProxySettings } from '../../src/http/proxy';
import type { Emulator } from '../emulator/server';
import { useEmulator } from './emulator-fixture';

interface ConnectProxy {
  url: string;
  /** Each CONNECT: its request head, and the first bytes sent through the tunnel. */
  tunnels: { head: string; target: string; firstBytes: string }[];
  close(): Promise<void>;
}

async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: ConnectProxy['tunnels'] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      client.off('data', onData);
      client.pause();
      const [method = '', target = ''] = head.slice(0, head.indexOf('\r\n')).split(' ');
      if (method !== 'CONNECT') return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      const tunnel = { head, target, firstBytes: '' };
      tunnels.push(tunnel);
      const colon = target.lastIndexOf(':');
      const upstream = connect(Number(target.slice(colon + 1)), target.slice(0, colon), () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        client.once('data', (first: Buffer) => (tunnel.firstBytes = first.toString('latin1')));
        client.pipe(upstream);
        upstream.pipe(client);
      });
      track(upstream);
      upstream.on('close', () => client.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const PROXY_ENV = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'] as const;

describe('HttpClient proxy support', () => {
  const fixture = useEmulator(Date.parse('2025-01-01T00:00:00Z'));
  let emulator: Emulator;
  let proxy: ConnectProxy;
  let savedEnv: Partial<Record<(typeof PROXY_ENV)[number], string>>;
  const clients: HttpClient[] = [];
  const makeClient = (proxySettings?: Partial<ProxySettings>): HttpClient => {
    const client = new HttpClient({
      headersTimeoutMs: 2_000,
      retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 5, maxRetryAfterMs: 10 },
      ...(proxySettings ? { proxy: { proxy: '', strictSSL: true, noProxy: [], ...proxySettings } } : {}),
    });
    clients.push(client);
    return client;
  };
  const send = (client: HttpClient): Promise<HttpResponse> =>
    client.send({
      context: { vendor: 'runtype', endpoint: 'GET /v1/api-keys/analytics' },
      method: 'GET',
      url: new URL(`${emulator.config.runtype.baseUrl}/v1/api-keys/analytics`),
      headers: { authorization: `Bearer ${emulator.runtype.token}` },
    });
  const emulatorHost = (): string => new URL(emulator.origin).host;

  before(async () => {
    emulator = fixture.emulator;
    proxy = await startConnectProxy();
  });
  after(() => proxy.close());
  beforeEach(() => {
    proxy.tunnels.length = 0;
    savedEnv = {};
    for (const name of PROXY_ENV) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    for (const name of PROXY_ENV) {
      const value = savedEnv[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('tunnels through the proxy setting, with the token only inside the tunnel', async () => {
    const response = await send(makeClient({ proxy: proxy.url }));
    assert.equal(response.status, 200);
    assert.equal(proxy.tunnels.length, 1);
    const [tunnel] = proxy.tunnels;
    assert.equal(tunnel?.target, emulatorHost());
    assert.ok(tunnel?.firstBytes.startsWith('GET /runtype/v1/api-keys/analytics HTTP/1.1\r\n'), tunnel?.firstBytes);
    assert.ok(!tunnel?.head.includes(emulator.runtype.token), 'the CONNECT request does not carry the token');
  });

  it('bypasses the proxy for hosts in noProxy, and only for a matching port', async () => {
    assert.equal((await send(makeClient({ proxy: proxy.url, noProxy: ['127.0.0.1'] }))).status, 200);
    assert.equal(proxy.tunnels.length, 0);
    assert.equal((await send(makeClient({ proxy: proxy.url, noProxy: ['127.0.0.1:1'] }))).status, 200);
    assert.equal(proxy.tunnels.length, 1);
  });

  it('uses HTTP_PROXY from the environment when the setting is empty, read when the client is made', async () => {
    process.env.HTTP_PROXY = proxy.url;
    const fromEnv = makeClient();
    delete process.env.HTTP_PROXY;
    const withoutEnv = makeClient();
    assert.equal((await send(fromEnv)).status, 200);
    assert.equal(proxy.tunnels.length, 1);
    assert.equal((await send(withoutEnv)).status, 200);
    assert.equal(proxy.tunnels.length, 1, 'a client made without HTTP_PROXY goes direct');
  });

  it('honours NO_PROXY from the environment', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'localhost,127.0.0.1';
    assert.equal((await send(makeClient())).status, 200);
    assert.equal(proxy.tunnels.length, 0);
  });

  it('prefers the proxy setting over HTTP_PROXY', async () => {
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    assert.equal((await send(makeClient({ proxy: proxy.url }))).status, 200);
    assert.equal(proxy.tunnels.length, 1);
  });

  it('reports an unreachable proxy as a NetworkError (ECONNREFUSED) without the token', async () => {
    await assert.rejects(send(makeClient({ proxy: 'http://127.0.0.1:9' })), (error: unknown) => {
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.code, 'ECONNREFUSED');
      assert.ok(!error.message.includes(emulator.runtype.token));
      return true;
    });
  });
});
