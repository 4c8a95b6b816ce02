// Faults between UnkeyV1Client and the vendor, injected by the emulator, through the real HttpClient:
// each is either recovered by a retry or ends in a clear typed error.
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import {
  HttpStatusError,
  NetworkError,
  RateLimitedError,
  RequestCancelledError,
  ResponseFormatError,
  ResponseTooLargeError,
  TimeoutError,
  VendorError,
} from '../../src/http/errors';
import type { VerificationSlice } from '../../src/vendors/model';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import type { Fault } from '../emulator/faults';
import type { Emulator } from '../emulator/server';
import { DAY } from './unkey-harness';
import { testHttp } from './test-http';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);
const PATH = '/v1/analytics.getVerifications';

describe('Unkey v1 under faults', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let client: UnkeyV1Client;
  let query: VerificationQuery;
  let expected: VerificationSlice[];
  const inject = (fault: Fault, times?: number): void =>
    emulator.faults.add({ vendor: 'unkey', path: 'analytics', fault, ...(times === undefined ? {} : { times }) });
  const requests = (): number => emulator.requests.count({ vendor: 'unkey', path: PATH });

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    client = new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.token, http });
    query = { apiId: emulator.unkey.apiIds[0] ?? '', start: NOW - 2 * DAY, end: NOW, groupBy: ['hour'] };
    expected = await client.getVerifications(query);
    assert.ok(expected.length >= 48);
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.requests.clear();
  });

  const recovered: [string, Fault][] = [
    ['429 with Retry-After: 0', { kind: 'status', status: 429, retryAfter: '0' }],
    ['429 without Retry-After', { kind: 'status', status: 429 }],
    ['503', { kind: 'status', status: 503 }],
    ['502 HTML page', { kind: 'html', status: 502 }],
    ['connection reset', { kind: 'reset' }],
    ['reset in the middle of the body', { kind: 'resetMidBody' }],
  ];
  for (const [name, fault] of recovered) {
    it(`recovers from one ${name} by retrying`, async () => {
      inject(fault, 1);
      assert.deepEqual(await client.getVerifications(query), expected);
      assert.equal(requests(), 2);
    });
  }

  it('429 every time: RateLimitedError after the retries, with the Retry-After it was given', async () => {
    const once = testHttp({ retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_500 } });
    inject({ kind: 'status', status: 429, retryAfter: '1' });
    const error = await new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.token, http: once })
      .getVerifications(query)
      .catch((caught: unknown) => caught);
    await once.close();
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfterMs, 1000);
    assert.equal(error.code, 'RATE_LIMITED');
    assert.equal(requests(), 2, 'first attempt and one retry, a second apart');
  });

  it('429 asking for longer than the client waits: RateLimitedError at once', async () => {
    inject({ kind: 'status', status: 429, retryAfter: '3600' });
    const error = await client.getVerifications(query).catch((caught: unknown) => caught);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfterMs, 3_600_000);
    assert.equal(requests(), 1);
  });

  it('503 every time: a VendorError with status and code after the retries', async () => {
    inject({ kind: 'status', status: 503 });
    const error = await client.getVerifications(query).catch((caught: unknown) => caught);
    assert.ok(error instanceof VendorError);
    assert.equal(error.status, 503);
    assert.equal(error.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(requests(), 3);
  });

  it('an HTML 502 every time: HttpStatusError saying it was an HTML page', async () => {
    inject({ kind: 'html', status: 502 });
    const error = await client.getVerifications(query).catch((caught: unknown) => caught);
    assert.ok(error instanceof HttpStatusError);
    assert.equal(error.status, 502);
    assert.match(error.message, /HTML/);
  });

  it('resets every time: NetworkError after the retries', async () => {
    inject({ kind: 'reset' });
    await assert.rejects(client.getVerifications(query), NetworkError);
    assert.equal(requests(), 3);
  });

  it('a truncated body is a ResponseFormatError, not retried', async () => {
    inject({ kind: 'truncate' }, 1);
    const error = await client.getVerifications(query).catch((caught: unknown) => caught);
    assert.ok(error instanceof ResponseFormatError);
    assert.match(error.message, /not valid JSON/);
    assert.equal(requests(), 1);
  });

  it('a body of the wrong shape is a ResponseFormatError', async () => {
    inject({ kind: 'wrongShape' }, 1);
    const error = await client.getVerifications(query).catch((caught: unknown) => caught);
    assert.ok(error instanceof ResponseFormatError);
    assert.match(error.message, /^Unkey v1\/analytics\.getVerifications: unexpected response/);
  });

  it('a body larger than allowed is a ResponseTooLargeError', async () => {
    const small = testHttp({ maxBodyBytes: 64 * 1024 });
    inject({ kind: 'hugeBody', bytes: 1024 * 1024 }, 1);
    const error = await new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.token, http: small })
      .getVerifications(query)
      .catch((caught: unknown) => caught);
    await small.close();
    assert.ok(error instanceof ResponseTooLargeError);
  });

  it('a server that never answers: TimeoutError within the headers timeout', async () => {
    const impatient = testHttp({ headersTimeoutMs: 300, retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 5, maxRetryAfterMs: 0 } });
    inject({ kind: 'hang' }, 1);
    const error = await new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.token, http: impatient })
      .getVerifications(query)
      .catch((caught: unknown) => caught);
    await impatient.close();
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.phase, 'headers');
  });

  it('a slow answer can be cancelled with an AbortSignal', async () => {
    inject({ kind: 'latency', ms: 2_000 }, 1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(client.getVerifications(query, controller.signal), RequestCancelledError);
  });

  for (const fault of [{ kind: 'status', status: 429, retryAfter: '0' }, { kind: 'reset' }] as Fault[]) {
    it(`listKeys recovers from a ${fault.kind === 'reset' ? 'reset' : '429'} the same way`, async () => {
      emulator.faults.add({ vendor: 'unkey', path: 'listKeys', fault, times: 1 });
      const page = await client.listKeys({ apiId: query.apiId, limit: 10 });
      assert.equal(page.items.length, 10);
      assert.equal(emulator.requests.count({ vendor: 'unkey', path: 'listKeys' }), 2);
    });
  }
});
