import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  HttpStatusError,
  RateLimitedError,
  RequestCancelledError,
  ResponseFormatError,
  ResponseTooLargeError,
  TimeoutError,
} from '../../src/http/errors';
import type { Fault } from '../emulator/faults';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';
import { testHttp } from './test-http';

const PATH = 'ai/GetKeyUsageSummaries';

describe('Cryptolens through the real HttpClient under faults', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());
  beforeEach(() => {
    h.emulator.faults.clear();
    h.retries.length = 0;
  });

  const inject = (fault: Fault, times?: number): void => h.emulator.faults.add({ vendor: 'cryptolens', path: PATH, fault, ...(times ? { times } : {}) });
  const expectedFirstPage = (): number[] => h.cryptolens.data.summaries.slice(0, 5).map((row) => row.id);

  async function recovers(fault: Fault, retries: number): Promise<void> {
    inject(fault, retries);
    const before = h.requestCount();
    const page = await h.client.getKeyUsageSummaries({ limit: 5 });
    assert.deepEqual(page.items.map((row) => row.summaryId), expectedFirstPage());
    assert.equal(h.retries.length, retries, 'retries counted');
    assert.equal(h.requestCount() - before, retries + 1, 'requests the emulator saw');
  }

  it('429 without Retry-After is retried with backoff and recovers', async () => {
    await recovers({ kind: 'status', status: 429 }, 2);
    assert.deepEqual(h.retries.map((event) => event.reason), ['HTTP 429', 'HTTP 429']);
  });

  it('429 with Retry-After waits as asked, then recovers', async () => {
    const started = Date.now();
    await recovers({ kind: 'status', status: 429, retryAfter: '1' }, 1);
    assert.equal(h.retries[0]?.delayMs, 1000);
    assert.ok(Date.now() - started >= 950, 'waited about a second');
  });

  it('429 that never ends becomes RateLimitedError after the allowed retries', async () => {
    inject({ kind: 'status', status: 429 });
    const before = h.requestCount();
    await assert.rejects(h.client.getKeyUsageSummaries(), (error: unknown) => error instanceof RateLimitedError && error.status === 429);
    assert.equal(h.requestCount() - before, 4);
  });

  for (const status of [502, 503, 504]) {
    it(`${status} is retried and recovers`, async () => {
      await recovers({ kind: 'status', status }, 1);
    });
  }

  it('500 is not retried and reads as a clear error with the server message', async () => {
    inject({ kind: 'status', status: 500 }, 1);
    const before = h.requestCount();
    await assert.rejects(
      h.client.getKeyUsageSummaries(),
      (error: unknown) =>
        error instanceof HttpStatusError && error.status === 500 && error.message === 'Cryptolens ai/GetKeyUsageSummaries: HTTP 500 An error has occurred.',
    );
    assert.equal(h.requestCount() - before, 1);
  });

  it('a connection reset before the answer is retried and recovers', async () => {
    await recovers({ kind: 'reset' }, 1);
  });

  it('a connection reset in the middle of the body is retried and recovers', async () => {
    await recovers({ kind: 'resetMidBody' }, 1);
  });

  it('truncated JSON is a ResponseFormatError', async () => {
    inject({ kind: 'truncate' }, 1);
    await assert.rejects(h.client.getKeyUsageSummaries(), (error: unknown) => error instanceof ResponseFormatError && /HTTP 200 response is not valid JSON/.test(error.message));
  });

  it('JSON of the wrong shape is a ResponseFormatError naming the field', async () => {
    inject({ kind: 'wrongShape' }, 1);
    await assert.rejects(h.client.getKeyUsageSummaries(), (error: unknown) => error instanceof ResponseFormatError && /unexpected response: field result:/.test(error.message));
    h.emulator.faults.add({ vendor: 'cryptolens', path: 'ai/GetKeyDevices', fault: { kind: 'wrongShape' }, times: 1 });
    await assert.rejects(h.client.getKeyDevices(), (error: unknown) => error instanceof ResponseFormatError && /Cryptolens ai\/GetKeyDevices: unexpected response: field result:/.test(error.message));
  });

  it('an HTML error page is an error naming the status', async () => {
    inject({ kind: 'html', status: 500 }, 1);
    await assert.rejects(h.client.getKeyUsageSummaries(), (error: unknown) => error instanceof HttpStatusError && error.status === 500 && /HTTP 500 with an HTML page/.test(error.message));
    inject({ kind: 'html', status: 502 });
    await assert.rejects(h.client.getKeyUsageSummaries(), (error: unknown) => error instanceof HttpStatusError && error.status === 502 && /HTTP 502 with an HTML page/.test(error.message));
    assert.equal(h.retries.length, 3, 'a 502 page is retried first');
  });

  it('a 20 MB body is refused as ResponseTooLargeError', async () => {
    inject({ kind: 'hugeBody', bytes: 20 * 1024 * 1024 }, 1);
    await assert.rejects(h.client.getKeyUsageSummaries(), ResponseTooLargeError);
  });

  it('a server that never answers ends in TimeoutError', async () => {
    const http = testHttp({ headersTimeoutMs: 150, retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 5, maxRetryAfterMs: 0 } });
    try {
      inject({ kind: 'hang' }, 1);
      await assert.rejects(h.clientWith({ http }).getKeyUsageSummaries(), (error: unknown) => error instanceof TimeoutError && error.phase === 'headers');
    } finally {
      await http.close();
    }
  });

  it('an aborted call ends in RequestCancelledError', async () => {
    inject({ kind: 'hang' }, 1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(h.client.getKeyUsageSummaries({}, controller.signal), RequestCancelledError);
    await assert.rejects(h.client.getKeyDevices({}, controller.signal), RequestCancelledError, 'an already aborted signal sends nothing');
  });

  it('an abort while paging stops the iteration', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const page of h.client.devicePages({ limit: 50 }, controller.signal)) {
        seen.push(page.items.length);
        if (seen.length === 2) controller.abort();
      }
    }, RequestCancelledError);
    assert.deepEqual(seen, [50, 50]);
  });
});
