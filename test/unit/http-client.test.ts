// src/http itself, against the emulator's Runtype routes: retries, Retry-After, cancellation, keep-alive, limits.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { HttpClient, type HttpOptions, type HttpResponse, type RetryEvent } from '../../src/http/client';
import { RequestCancelledError, ResponseTooLargeError } from '../../src/http/errors';
import { backoffDelay, type RetryPolicy } from '../../src/http/retry';
import type { Fault } from '../emulator/faults';
import type { Emulator } from '../emulator/server';
import { useEmulator } from './emulator-fixture';

const POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 3_000 };
const PATH = '/v1/api-keys/analytics';

describe('HttpClient', () => {
  const fixture = useEmulator(Date.parse('2025-01-01T00:00:00Z'));
  let emulator: Emulator;
  const clients: HttpClient[] = [];
  const makeClient = (options: Partial<HttpOptions> = {}): HttpClient => {
    const client = new HttpClient({ headersTimeoutMs: 2_000, retry: POLICY, ...options });
    clients.push(client);
    return client;
  };
  const send = (client: HttpClient, path = PATH, init: { token?: string; signal?: AbortSignal; origin?: string } = {}): Promise<HttpResponse> =>
    client.send({
      context: { vendor: 'runtype', endpoint: 'test' },
      method: 'GET',
      url: new URL(`${init.origin ?? emulator.config.runtype.baseUrl}${path}`),
      headers: { authorization: `Bearer ${init.token ?? emulator.runtype.token}` },
      ...(init.signal ? { signal: init.signal } : {}),
    });
  const inject = (fault: Fault, times?: number): void =>
    emulator.faults.add({ vendor: 'runtype', path: PATH, fault, ...(times === undefined ? {} : { times }) });
  const attempts = (): number => emulator.requests.count({ vendor: 'runtype' });

  before(async () => {
    emulator = fixture.emulator;
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.requests.clear();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  describe('retries', () => {
    it('makes at most maxRetries retries, then returns the last response', async () => {
      inject({ kind: 'status', status: 503 });
      for (const maxRetries of [0, 1, 3]) {
        emulator.requests.clear();
        const response = await send(makeClient({ retry: { ...POLICY, maxRetries } }));
        assert.equal(response.status, 503);
        assert.equal(response.retries, maxRetries);
        assert.equal(attempts(), maxRetries + 1);
      }
    });

    it('recovers when the fault passes, and counts the retries it needed', async () => {
      inject({ kind: 'status', status: 502 }, 2);
      const response = await send(makeClient());
      assert.equal(response.status, 200);
      assert.equal(response.retries, 2);
      assert.equal((JSON.parse(response.text) as { analytics: { totalKeys: number } }).analytics.totalKeys, emulator.runtype.keys.length);
    });

    it('does not retry 400, 401, 404 or 500', async () => {
      const client = makeClient();
      const cases: [number, () => Promise<HttpResponse>][] = [
        [400, () => send(client, '/v1/api-keys/not-a-uuid/analytics')],
        [401, () => send(client, PATH, { token: 'rt_live_wrong' })],
        [404, () => send(client, '/v1/api-keys/00000000-0000-4000-8000-000000000000/analytics')],
        [
          500,
          () => {
            inject({ kind: 'status', status: 500 });
            return send(client);
          },
        ],
      ];
      for (const [status, call] of cases) {
        emulator.requests.clear();
        const response = await call();
        assert.equal(response.status, status);
        assert.equal(response.retries, 0);
        assert.equal(attempts(), 1, `HTTP ${status} sent once`);
      }
    });

    it('waits a jittered backoff within [0, min(maxDelayMs, baseDelayMs * 2^retry)]', async () => {
      const policy: RetryPolicy = { maxRetries: 4, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 1_000 };
      const events: RetryEvent[] = [];
      inject({ kind: 'status', status: 503 }, 4);
      const started = Date.now();
      const response = await send(makeClient({ retry: policy, onRetry: (event) => events.push(event) }));
      const elapsed = Date.now() - started;
      assert.equal(response.status, 200);
      assert.deepEqual(events.map((event) => event.attempt), [1, 2, 3, 4]);
      events.forEach((event, retry) => {
        assert.equal(event.reason, 'HTTP 503');
        assert.ok(event.delayMs >= 0 && event.delayMs <= Math.min(50, 10 * 2 ** retry), `retry ${retry}: ${event.delayMs} ms`);
      });
      assert.ok(elapsed >= events.reduce((sum, event) => sum + event.delayMs, 0) - 5, 'the delays were actually waited');
    });

    it('spreads backoff delays over the whole range (full jitter) and caps them at maxDelayMs', () => {
      const policy: RetryPolicy = { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 1_000 };
      assert.equal(backoffDelay(2, policy, () => 0), 0);
      assert.equal(backoffDelay(2, policy, () => 0.999_999), 400);
      assert.equal(backoffDelay(8, policy, () => 0.999_999), 1_000);
      const samples = Array.from({ length: 200 }, () => backoffDelay(3, policy));
      assert.ok(samples.every((delay) => delay >= 0 && delay <= 800));
      assert.ok(Math.min(...samples) < 200 && Math.max(...samples) > 600, 'jitter covers the range');
    });

    it('honours Retry-After in seconds', async () => {
      const events: RetryEvent[] = [];
      inject({ kind: 'status', status: 429, retryAfter: '1' }, 1);
      const started = Date.now();
      const response = await send(makeClient({ onRetry: (event) => events.push(event) }));
      const elapsed = Date.now() - started;
      assert.equal(response.status, 200);
      assert.equal(events[0]?.delayMs, 1_000);
      assert.ok(elapsed >= 990, `waited ${elapsed} ms`);
    });

    it('honours Retry-After as an HTTP date', async () => {
      const events: RetryEvent[] = [];
      // HTTP dates have whole seconds: aim at the second boundary 1-2 s ahead.
      const until = Math.ceil((Date.now() + 1_000) / 1_000) * 1_000;
      inject({ kind: 'status', status: 503, retryAfter: new Date(until).toUTCString() }, 1);
      const started = Date.now();
      const response = await send(makeClient({ onRetry: (event) => events.push(event) }));
      const elapsed = Date.now() - started;
      assert.equal(response.status, 200);
      const delay = events[0]?.delayMs ?? -1;
      assert.ok(delay > until - started - 500 && delay <= until - started, `delay ${delay} ms`);
      assert.ok(elapsed >= until - started - 20, `waited ${elapsed} ms`);
    });

    it('does not wait for a Retry-After beyond maxRetryAfterMs: the response comes back at once', async () => {
      for (const retryAfter of ['120', new Date(Date.now() + 3_600_000).toUTCString()]) {
        emulator.faults.clear();
        emulator.requests.clear();
        inject({ kind: 'status', status: 429, retryAfter });
        const response = await send(makeClient());
        assert.equal(response.status, 429);
        assert.equal(response.retries, 0);
        assert.equal(response.headers['retry-after'], retryAfter);
        assert.equal(attempts(), 1);
      }
    });

    it('cancels promptly when aborted during a retry sleep', async () => {
      inject({ kind: 'status', status: 503, retryAfter: '2' });
      const controller = new AbortController();
      const client = makeClient({ onRetry: () => setTimeout(() => controller.abort(), 20) });
      await assert.rejects(send(client, PATH, { signal: controller.signal }), RequestCancelledError);
      assert.equal(attempts(), 1, 'did not sit out the 2 s Retry-After to send again');
    });

    it('does not send at all when already aborted', async () => {
      await assert.rejects(send(makeClient(), PATH, { signal: AbortSignal.abort() }), RequestCancelledError);
      assert.equal(attempts(), 0);
    });
  });

  describe('connections and limits', () => {
    let counter: Server;
    let counterOrigin: string;
    let connections = 0;

    before(async () => {
      // Serves the emulator's Runtype routes itself, so it can count TCP connections.
      counter = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://counter');
        void Promise.resolve(
          emulator.runtype.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: '' }),
        ).then((response) => {
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(response.body));
        });
      });
      counter.keepAliveTimeout = 5_000;
      counter.on('connection', () => (connections += 1));
      await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
      counterOrigin = `http://127.0.0.1:${(counter.address() as AddressInfo).port}`;
    });
    after(async () => {
      counter.closeAllConnections();
      await new Promise<void>((resolve) => counter.close(() => resolve()));
    });

    it('reuses one keep-alive connection for sequential requests', async () => {
      connections = 0;
      const client = makeClient();
      for (let i = 0; i < 5; i++) {
        assert.equal((await send(client, PATH, { origin: counterOrigin })).status, 200);
        // undici hands a socket back one event-loop turn after a response ends (see the next test).
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.equal(connections, 1);
      // A second client has a pool of its own: the count is real, not stuck at one.
      assert.equal((await send(makeClient(), PATH, { origin: counterOrigin })).status, 200);
      assert.equal(connections, 2);
    });

    it('keeps back-to-back requests on at most two connections, not one per request', async () => {
      connections = 0;
      const client = makeClient();
      for (let i = 0; i < 10; i++) assert.equal((await send(client, PATH, { origin: counterOrigin })).status, 200);
      assert.ok(connections >= 1 && connections <= 2, `${connections} connections for 10 requests`);
    });

    it('refuses a 20 MB body with ResponseTooLargeError, and stays usable', async () => {
      const client = makeClient({ headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 });
      inject({ kind: 'hugeBody', bytes: 20 * 1024 * 1024 }, 1);
      await assert.rejects(send(client), (error: unknown) => {
        assert.ok(error instanceof ResponseTooLargeError);
        assert.match(error.message, new RegExp(`larger than ${16 * 1024 * 1024} bytes`));
        return true;
      });
      assert.equal((await send(client)).status, 200);
    });
  });
});
