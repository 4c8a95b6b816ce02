// The v2 client under a flaky network and a misbehaving server, through the real HttpClient,
// and where its root key may and may not go.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { NotFoundError, RequestCancelledError, ResponseFormatError, TimeoutError } from '../../src/http/errors';
import type { VerificationSlice } from '../../src/vendors/model';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import type { Fault } from '../emulator/faults';
import type { Emulator } from '../emulator/server';
import { DAY } from './unkey-harness';
import { testHttp } from './test-http';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 2, 10, 12);
const PATH = '/v2/analytics.getVerifications';

describe('Unkey v2 client under faults', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let client: UnkeyV2Client;
  let query: VerificationQuery;
  let clean: VerificationSlice[];
  const inject = (fault: Fault, times = 1): void => emulator.faults.add({ vendor: 'unkey', path: PATH, fault, times });
  const attempts = async (call: () => Promise<unknown>): Promise<number> => {
    const before = emulator.requests.count({ vendor: 'unkey', path: PATH });
    await call();
    return emulator.requests.count({ vendor: 'unkey', path: PATH }) - before;
  };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    client = new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token: emulator.unkey.token, http });
    query = { apiId: emulator.unkey.apiIds[0] ?? '', start: NOW - 3 * DAY, end: NOW, groupBy: ['day', 'key'] };
    clean = await client.getVerifications(query);
    assert.ok(clean.length > 0);
  });
  after(() => emulator.faults.clear());

  it('429 with Retry-After, then success: the same answer, one retry', async () => {
    inject({ kind: 'status', status: 429, retryAfter: '0' });
    let answer: VerificationSlice[] = [];
    assert.equal(await attempts(async () => (answer = await client.getVerifications(query))), 2);
    assert.deepEqual(answer, clean);
  });

  it('503 once, then success: recovered', async () => {
    inject({ kind: 'status', status: 503 });
    let answer: VerificationSlice[] = [];
    assert.equal(await attempts(async () => (answer = await client.getVerifications(query))), 2);
    assert.deepEqual(answer, clean);
  });

  it('a connection reset, before or halfway through the body, then success: recovered', async () => {
    for (const kind of ['reset', 'resetMidBody'] as const) {
      inject({ kind });
      assert.deepEqual(await client.getVerifications(query), clean, kind);
    }
  });

  it('a truncated body: ResponseFormatError, not a crash or a half answer', async () => {
    inject({ kind: 'truncate' });
    await assert.rejects(client.getVerifications(query), (error: unknown) => {
      assert.ok(error instanceof ResponseFormatError);
      assert.match(error.message, /not valid JSON/);
      return true;
    });
  });

  it('JSON of the wrong shape: ResponseFormatError naming the field', async () => {
    inject({ kind: 'wrongShape' });
    await assert.rejects(client.getVerifications(query), (error: unknown) => {
      assert.ok(error instanceof ResponseFormatError);
      assert.match(error.message, /field data/);
      return true;
    });
  });

  it('a server that never answers: TimeoutError within the configured time', async () => {
    const impatient = testHttp({ headersTimeoutMs: 300, retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000 } });
    try {
      inject({ kind: 'hang' });
      const slow = new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token: emulator.unkey.token, http: impatient });
      await assert.rejects(slow.getVerifications(query), TimeoutError);
    } finally {
      await impatient.close();
    }
  });

  it('an aborted call: RequestCancelledError', async () => {
    inject({ kind: 'latency', ms: 500 });
    const controller = new AbortController();
    const call = client.getVerifications(query, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(call, RequestCancelledError);
    emulator.faults.clear();
  });

  it('a root key pasted where the API id goes is redacted from Unkey\'s echo of it', async () => {
    const token = emulator.unkey.token;
    await assert.rejects(client.getVerifications({ ...query, apiId: token }), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.ok(!error.message.includes(token) && !error.vendorMessage.includes(token));
      assert.match(error.message, /\[redacted\]/);
      return true;
    });
  });

  it('the root key travels only in the Authorization header: not in the URL, not in the body', async () => {
    const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ meta: { requestId: 'req_1' }, data: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const token = 'unkey_3ZdSecretRootKeyValue9';
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/unkey`;
      const spy = new UnkeyV2Client({ baseUrl: base, token, http });
      assert.deepEqual(await spy.getVerifications(query), []);
      assert.equal(seen.length, 1);
      const [request] = seen;
      assert.equal(request?.url, '/unkey/v2/analytics.getVerifications');
      assert.equal(request?.headers.authorization, `Bearer ${token}`);
      assert.ok(!request?.body.includes(token));
      assert.equal(typeof (JSON.parse(request?.body ?? '{}') as { query?: unknown }).query, 'string');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
