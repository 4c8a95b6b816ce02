// What every Cryptolens test file starts: the emulator fixture, its HttpClient (retries recorded),
// and a client pointed at the emulator. Also raw requests, for checking the emulation itself.
import type { HttpClient, HttpOptions, RetryEvent } from '../../src/http/client';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import type { CryptolensEmulator } from '../emulator/cryptolens/emulator';
import type { Emulator } from '../emulator/server';
import { startEmulatorFixture } from './emulator-fixture';

/** A fixed "now" after the seed pages' example dates (May 2025). */
export const TEST_NOW = Date.UTC(2025, 8, 1, 12);

export interface CryptolensHarness {
  emulator: Emulator;
  cryptolens: CryptolensEmulator;
  http: HttpClient;
  client: CryptolensClient;
  baseUrl: string;
  retries: RetryEvent[];
  /** Another client on the same emulator, e.g. with another token or HttpClient. */
  clientWith(options: { token?: string; http?: HttpClient }): CryptolensClient;
  /** A raw request to the emulation: method path after /cryptolens, form body or query. */
  raw(method: 'GET' | 'POST', path: string, params: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Requests the emulator received for Cryptolens so far. */
  requestCount(): number;
  close(): Promise<void>;
}

export async function startCryptolensHarness(http: Partial<HttpOptions> = {}): Promise<CryptolensHarness> {
  const retries: RetryEvent[] = [];
  const fixture = await startEmulatorFixture(TEST_NOW, {
    // One retry more, and longer Retry-After waits, than the other vendors' tests: the fault tests count them.
    connectTimeoutMs: 2_000,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 },
    onRetry: (event) => retries.push(event),
    ...http,
  });
  const { emulator } = fixture;
  const client = fixture.http;
  const baseUrl = emulator.config.cryptolens.baseUrl;
  const clientWith = (options: { token?: string; http?: HttpClient }): CryptolensClient =>
    new CryptolensClient({ baseUrl, token: options.token ?? emulator.cryptolens.token, http: options.http ?? client });
  return {
    emulator,
    cryptolens: emulator.cryptolens,
    http: client,
    client: clientWith({}),
    baseUrl,
    retries,
    clientWith,
    async raw(method, path, params) {
      const query = new URLSearchParams(params).toString();
      const url = `${emulator.origin}/cryptolens${path}${method === 'GET' && query ? `?${query}` : ''}`;
      const response = await fetch(url, {
        method,
        ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query } : {}),
      });
      return { status: response.status, text: await response.text() };
    },
    requestCount: () => emulator.requests.count({ vendor: 'cryptolens' }),
    close: () => fixture.close(),
  };
}
