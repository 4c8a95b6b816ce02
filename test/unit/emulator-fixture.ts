// What a unit test that talks to the vendors starts: the emulator at a fixed "now", and a test
// HttpClient (made on first use); both closed together.
import { after, before } from 'node:test';
import type { HttpClient, HttpOptions } from '../../src/http/client';
import { SMALL_SCALE } from '../emulator/scale';
import { startEmulator, type Emulator } from '../emulator/server';
import { testHttp } from './test-http';

export interface EmulatorFixture {
  readonly emulator: Emulator;
  readonly http: HttpClient;
  close(): Promise<void>;
}

export async function startEmulatorFixture(now: number, http: Partial<HttpOptions> = {}): Promise<EmulatorFixture> {
  const emulator = await startEmulator({ scale: SMALL_SCALE, now });
  let client: HttpClient | undefined;
  return {
    emulator,
    get http() {
      client ??= testHttp(http);
      return client;
    },
    async close() {
      await client?.close();
      await emulator.close();
    },
  };
}

/** The fixture for one describe block: started before its tests, closed after them. Read it in hooks and tests. */
export function useEmulator(now: number, http: Partial<HttpOptions> = {}): Omit<EmulatorFixture, 'close'> {
  let fixture: EmulatorFixture | undefined;
  before(async () => {
    fixture = await startEmulatorFixture(now, http);
  });
  after(() => fixture?.close());
  const started = (): EmulatorFixture => {
    if (!fixture) throw new Error('the emulator starts in before(): read the fixture in a hook or a test');
    return fixture;
  };
  return {
    get emulator() {
      return started().emulator;
    },
    get http() {
      return started().http;
    },
  };
}
