import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import type { Fault } from '../emulator/faults';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';
import { testHttp } from './test-http';

describe('Cryptolens token secrecy', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  function assertHidden(error: unknown, secret: string, what: string): void {
    assert.ok(error instanceof Error, `${what}: an Error`);
    for (const text of [error.message, error.stack ?? '', String(error), JSON.stringify(error), inspect(error, { depth: 5 })]) {
      assert.equal(text.includes(secret), false, `${what}: the token appears in ${text.slice(0, 200)}`);
    }
  }

  async function failure(call: () => Promise<unknown>): Promise<unknown> {
    try {
      await call();
    } catch (error) {
      return error;
    }
    assert.fail('expected the call to fail');
  }

  it('never puts the token in a thrown error', async () => {
    const wrong = 'WyJ-a-wrong-but-secret-token-1234567890';
    assertHidden(await failure(() => h.clientWith({ token: wrong }).getKeyUsageSummaries()), wrong, 'wrong token');
    const weak = h.cryptolens.tokenWithoutPermission;
    assertHidden(await failure(() => h.clientWith({ token: weak }).getKeyDevices()), weak, 'no permission');

    const token = h.cryptolens.token;
    assertHidden(await failure(() => h.client.getKeyUsageSummaries({ productId: 1 })), token, 'not found');
    assertHidden(await failure(() => h.client.getKeyUsageSummaries({ limit: 5000 })), token, 'invalid limit');
    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429, retryAfter: '3600' },
      { kind: 'html', status: 404 },
      { kind: 'truncate' },
      { kind: 'wrongShape' },
      { kind: 'reset' },
    ];
    for (const fault of faults) {
      h.emulator.faults.clear();
      h.emulator.faults.add({ vendor: 'cryptolens', fault });
      assertHidden(await failure(() => h.client.getKeyDevices()), token, fault.kind);
    }
    h.emulator.faults.clear();

    const quick = testHttp({ headersTimeoutMs: 100, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 } });
    try {
      h.emulator.faults.add({ vendor: 'cryptolens', fault: { kind: 'hang' }, times: 1 });
      assertHidden(await failure(() => h.clientWith({ http: quick }).getKeyDevices()), token, 'timeout');
      const nowhere = new CryptolensClient({ baseUrl: 'http://127.0.0.1:9/api/', token, http: quick });
      assertHidden(await failure(() => nowhere.getKeyDevices()), token, 'connection refused');
    } finally {
      await quick.close();
    }
  });

  it('never puts the token in a URL: it travels in the POST body only', async () => {
    h.cryptolens.clearCalls();
    await h.client.getKeyUsageSummaries({ limit: 2 });
    await h.client.getKeyDevices({ limit: 2, productId: 3349 });
    for (const entry of h.emulator.requests.all()) assert.equal(entry.path.includes(h.cryptolens.token), false, entry.path);
    assert.equal(h.cryptolens.calls.length, 2);
    for (const call of h.cryptolens.calls) {
      assert.equal(call.method, 'POST');
      assert.deepEqual(call.queryNames, []);
      assert.ok(call.bodyNames.includes('token'));
      assert.equal(JSON.stringify(call.params).includes(h.cryptolens.token), false);
    }
  });

  it('the client object does not show its token', () => {
    const token = h.cryptolens.token;
    assert.equal(inspect(h.client, { depth: 5, showHidden: true }).includes(token), false);
    assert.equal(JSON.stringify(h.client).includes(token), false);
    assert.equal(Object.values({ ...h.client }).some((value) => value === token), false);
  });

  it('refuses an empty token or a malformed base URL without echoing them', () => {
    const http = h.http;
    assert.throws(() => new CryptolensClient({ baseUrl: h.baseUrl, token: '   ', http }), /Cryptolens configuration: the access token is empty/);
    assert.throws(() => new CryptolensClient({ baseUrl: 'not a url secret-ish', token: 't0ken', http }), (error: unknown) => error instanceof Error && !error.message.includes('secret-ish'));
    assert.throws(() => new CryptolensClient({ baseUrl: 'ftp://example.com/api/', token: 't0ken', http }), /must be http or https/);
  });
});
