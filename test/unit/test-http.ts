// The HttpClient every unit test talks to the emulator (or a stub server) with: short timeouts and
// tiny retry delays, so fault tests stay fast. A test overrides only what it is about.
import { HttpClient, type HttpOptions } from '../../src/http/client';

export function testHttpOptions(overrides: Partial<HttpOptions> = {}): Partial<HttpOptions> {
  return {
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 3_000,
    bodyTimeoutMs: 3_000,
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_500 },
    ...overrides,
  };
}

export function testHttp(overrides: Partial<HttpOptions> = {}): HttpClient {
  return new HttpClient(testHttpOptions(overrides));
}
