// What a user sees when Unkey v2 says no: each status as the typed error the UI explains.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import {
  AuthenticationError,
  HttpStatusError,
  NotFoundError,
  RateLimitedError,
  VendorError,
} from '../../src/http/errors';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import type { Emulator } from '../emulator/server';
import { DAY, HOUR } from './unkey-harness';
import { testHttp } from './test-http';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 2, 10, 12);
const PATH = '/v2/analytics.getVerifications';

describe('Unkey v2 error mapping', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let query: VerificationQuery;
  const client = (token = emulator.unkey.token, through: HttpClient = http): UnkeyV2Client =>
    new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token, http: through });
  /** The error a call fails with, checked to name the endpoint and never to hold the token. */
  const failure = async (call: Promise<unknown>, token = emulator.unkey.token): Promise<Error> => {
    const error = await call.then(
      () => assert.fail('expected the call to fail'),
      (reason: unknown) => reason as Error,
    );
    assert.ok(error instanceof Error);
    assert.match(error.message, /^Unkey v2\/analytics\.getVerifications: /);
    assert.ok(!error.message.includes(token) && !JSON.stringify(error).includes(token), 'no token in the error');
    return error;
  };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    query = { apiId: emulator.unkey.apiIds[0] ?? '', start: NOW - 2 * DAY, end: NOW, groupBy: ['day'] };
  });

  it('401 for a root key Unkey does not know: AuthenticationError', async () => {
    const token = 'unkey_3ZgNotARealRootKey42';
    const error = await failure(client(token).getVerifications(query), token);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 401);
    assert.match(error.message, /root key was rejected/);
  });

  it('403 without api.*.read_analytics: AuthenticationError naming the permission to add', async () => {
    const token = emulator.unkey.mintToken(['api.*.read_api', 'api.*.read_key']);
    const error = await failure(client(token).getVerifications(query), token);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 403);
    assert.match(error.message, /lacks the permission api\.\*\.read_analytics/);
  });

  it('an unknown API: NotFoundError naming it, as v1 answers (Unkey v2 says 400 "not found")', async () => {
    const error = await failure(client().getVerifications({ ...query, apiId: 'api_4NoSuchApi' }));
    assert.ok(error instanceof NotFoundError);
    assert.match(error.message, /api_4NoSuchApi/);
  });

  it('an unknown externalId: NotFoundError', async () => {
    const error = await failure(client().getVerifications({ ...query, externalId: 'user_nobody' }));
    assert.ok(error instanceof NotFoundError);
    assert.match(error.message, /user_nobody/);
  });

  it('400 past the retention window: VendorError with Unkey\'s explanation', async () => {
    const saved = emulator.unkey.settings.retentionDays;
    emulator.unkey.settings.retentionDays = 7;
    try {
      const error = await failure(client().getVerifications({ ...query, start: NOW - 10 * DAY }));
      assert.ok(error instanceof VendorError && !(error instanceof NotFoundError));
      assert.equal(error.status, 400);
      assert.match(error.message, /Cannot query data older than 7 days/);
    } finally {
      emulator.unkey.settings.retentionDays = saved;
    }
  });

  for (const status of [412, 422, 500]) {
    it(`${status} from Unkey: VendorError carrying the status and Unkey's words`, async () => {
      emulator.faults.add({ vendor: 'unkey', path: PATH, fault: { kind: 'status', status }, times: 1 });
      const error = await failure(client().getVerifications(query));
      assert.ok(error instanceof VendorError);
      assert.ok(!(error instanceof AuthenticationError || error instanceof NotFoundError || error instanceof RateLimitedError));
      assert.equal(error.status, status);
      assert.match(error.message, /something unexpected happened/);
    });
  }

  it('429 when the workspace query quota is used up: RateLimitedError with the wait Unkey asks for', async () => {
    const saved = emulator.unkey.settings.analyticsQueriesPerHour;
    emulator.unkey.settings.analyticsQueriesPerHour = 0;
    const noRetries = testHttp({ retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_500 } });
    try {
      const error = await failure(client(emulator.unkey.token, noRetries).getVerifications(query));
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.status, 429);
      assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 0 && error.retryAfterMs <= HOUR);
      assert.match(error.message, /quota/);
    } finally {
      emulator.unkey.settings.analyticsQueriesPerHour = saved;
      await noRetries.close();
    }
  });

  it('429 that outlasts the retries: RateLimitedError after 1 + maxRetries attempts', async () => {
    emulator.faults.add({ vendor: 'unkey', path: PATH, fault: { kind: 'status', status: 429, retryAfter: '0' }, times: 5 });
    const before = emulator.requests.count({ vendor: 'unkey', path: PATH });
    const error = await failure(client().getVerifications(query));
    assert.ok(error instanceof RateLimitedError);
    assert.equal(emulator.requests.count({ vendor: 'unkey', path: PATH }) - before, 1 + http.options.retry.maxRetries);
    emulator.faults.clear();
  });

  it('an HTML 502 page that outlasts the retries: HttpStatusError, not a parse error', async () => {
    emulator.faults.add({ vendor: 'unkey', path: PATH, fault: { kind: 'html', status: 502 }, times: 5 });
    const error = await failure(client().getVerifications(query));
    assert.ok(error instanceof HttpStatusError);
    assert.equal(error.status, 502);
    emulator.faults.clear();
  });
});
