// RuntypeClient through the real HttpClient while the emulator misbehaves: what recovers, what fails, and how.
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import {
  HttpStatusError,
  NetworkError,
  RateLimitedError,
  RequestCancelledError,
  ResponseFormatError,
  TimeoutError,
  VendorError,
} from '../../src/http/errors';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { DOCS_EXAMPLE_NOW } from '../emulator/runtype/docs-account';
import type { Fault } from '../emulator/faults';
import type { Emulator } from '../emulator/server';
import { useEmulator } from './emulator-fixture';

const MAX_RETRIES = 2;
const ANALYTICS = '/v1/api-keys/analytics';

describe('RuntypeClient under faults', () => {
  const fixture = useEmulator(DOCS_EXAMPLE_NOW, {
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    retry: { maxRetries: MAX_RETRIES, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000 },
  });
  let emulator: Emulator;
  let http: HttpClient;
  let runtype: RuntypeClient;
  const inject = (fault: Fault, times?: number): void =>
    emulator.faults.add({ vendor: 'runtype', path: ANALYTICS, fault, ...(times === undefined ? {} : { times }) });
  const attempts = (): number => emulator.requests.count({ vendor: 'runtype', path: ANALYTICS });
  const expectRecovered = async (fault: Fault, times: number): Promise<void> => {
    emulator.faults.clear();
    emulator.requests.clear();
    inject(fault, times);
    const summary = await runtype.getAnalytics();
    assert.equal(summary.totalKeys, emulator.runtype.keys.length, `${fault.kind} recovered`);
    assert.equal(attempts(), times + 1, `${fault.kind}: one attempt per fault plus the good one`);
  };
  /** Asserts the error's type and that the token appears nowhere in it. */
  const expectFailure = async (type: new (...args: never[]) => Error, check?: (error: Error) => void): Promise<void> => {
    await assert.rejects(runtype.getAnalytics(), (error: unknown) => {
      assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
      assert.ok(error.message.startsWith(`Runtype GET ${ANALYTICS}: `), error.message);
      assert.ok(!error.message.includes(emulator.runtype.token));
      check?.(error);
      return true;
    });
  };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    runtype = new RuntypeClient({ baseUrl: emulator.config.runtype.baseUrl, token: emulator.runtype.token, http });
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.requests.clear();
  });

  it('recovers from 429 with and without Retry-After', async () => {
    await expectRecovered({ kind: 'status', status: 429, retryAfter: '0' }, 1);
    await expectRecovered({ kind: 'status', status: 429 }, MAX_RETRIES);
  });

  it('gives up on a lasting 429 after the allowed retries with RateLimitedError', async () => {
    inject({ kind: 'status', status: 429, retryAfter: '0' });
    await expectFailure(RateLimitedError, (error) => {
      assert.equal((error as RateLimitedError).vendorMessage, 'Too many requests');
      assert.equal((error as RateLimitedError).retryAfterMs, 0);
    });
    assert.equal(attempts(), MAX_RETRIES + 1);
  });

  it('does not wait for a Retry-After beyond the limit', async () => {
    inject({ kind: 'status', status: 429, retryAfter: '3600' });
    await expectFailure(RateLimitedError, (error) => assert.equal((error as RateLimitedError).retryAfterMs, 3_600_000));
    // One attempt: it gave up instead of waiting an hour.
    assert.equal(attempts(), 1);
  });

  it('recovers from 502, 503 and 504', async () => {
    await expectRecovered({ kind: 'status', status: 502 }, 1);
    await expectRecovered({ kind: 'status', status: 503, retryAfter: '0' }, MAX_RETRIES);
    await expectRecovered({ kind: 'status', status: 504 }, 1);
  });

  it('reports a lasting 503 with the vendor message and status after the retries', async () => {
    inject({ kind: 'status', status: 503 });
    await expectFailure(VendorError, (error) => {
      assert.equal((error as VendorError).status, 503);
      assert.equal((error as VendorError).vendorMessage, 'Service temporarily unavailable');
    });
    assert.equal(attempts(), MAX_RETRIES + 1);
  });

  it('does not retry a 500', async () => {
    inject({ kind: 'status', status: 500 });
    await expectFailure(VendorError, (error) => assert.equal((error as VendorError).status, 500));
    assert.equal(attempts(), 1);
  });

  it('recovers from a connection reset, before or in the middle of the body', async () => {
    await expectRecovered({ kind: 'reset' }, 1);
    await expectRecovered({ kind: 'resetMidBody' }, 1);
  });

  it('reports lasting resets as a NetworkError after the retries', async () => {
    inject({ kind: 'reset' });
    await expectFailure(NetworkError);
    assert.equal(attempts(), MAX_RETRIES + 1);
  });

  it('reports truncated JSON as a ResponseFormatError, without retrying', async () => {
    inject({ kind: 'truncate' });
    await expectFailure(ResponseFormatError, (error) => assert.match(error.message, /HTTP 200 response is not valid JSON/));
    assert.equal(attempts(), 1);
  });

  it('reports JSON of the wrong shape as a ResponseFormatError naming the field', async () => {
    inject({ kind: 'wrongShape' });
    await expectFailure(ResponseFormatError, (error) => assert.match(error.message, /field analytics: /));
    emulator.faults.add({ vendor: 'runtype', path: '/v1/api-keys', fault: { kind: 'wrongShape' } });
    await assert.rejects(runtype.listKeys(), /Runtype GET \/v1\/api-keys: unexpected response: field apiKeys: /);
  });

  it('reports an HTML error page clearly, with its status', async () => {
    inject({ kind: 'html', status: 502 });
    await expectFailure(HttpStatusError, (error) => {
      assert.equal((error as HttpStatusError).status, 502);
      assert.match(error.message, /HTTP 502 \(an HTML page, not a Runtype answer\)/);
    });
    assert.equal(attempts(), MAX_RETRIES + 1);
    emulator.faults.clear();
    inject({ kind: 'html', status: 200 });
    await expectFailure(ResponseFormatError, (error) => assert.match(error.message, /HTTP 200 response is an HTML or XML page/));
  });

  it('ends a hanging request with a TimeoutError', async () => {
    inject({ kind: 'hang' });
    await expectFailure(TimeoutError, (error) => assert.equal((error as TimeoutError).phase, 'headers'));
  });

  it('stops at once when the caller aborts', async () => {
    inject({ kind: 'latency', ms: 1_500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    // Cancelled, not answered: the emulator would have answered after 1.5 s.
    await assert.rejects(runtype.getAnalytics(controller.signal), RequestCancelledError);
    await assert.rejects(runtype.listKeys(AbortSignal.abort()), RequestCancelledError);
  });
});
