// keys.getKey through both versions (POST /v2/keys.getKey, GET /v1/keys.getKey), real clients over
// real HTTP against the emulator: what it returns (the same ApiKey listKeys gives, credits included),
// the id checks made before sending, 404s, the read_key permission as MissingPermissionError, a wrong
// root key, and malformed answers. Then the emulator itself against the handlers' documented order.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { AuthenticationError, HttpStatusError, InvalidRequestError, NotFoundError, ResponseFormatError } from '../../src/http/errors';
import { MissingPermissionError } from '../../src/http/missing-permission-error';
import type { ApiKey } from '../../src/vendors/model';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import type { UnkeyApiVersion, UnkeyClient } from '../../src/vendors/unkey/types';
import { startEmulator, type Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import type { ApiRecord, KeyRecord } from '../emulator/unkey/model';
import { rawGet, rawPost } from './unkey-harness';
import { testHttp } from './test-http';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

describe('Unkey keys.getKey (v1 and v2)', () => {
  let emulator: Emulator;
  let http: HttpClient;
  let api: ApiRecord;
  const client = (version: UnkeyApiVersion, token = emulator.unkey.token): UnkeyClient =>
    createUnkeyClient({ version, baseUrl: version === 'v1' ? emulator.config.unkey.v1BaseUrl : emulator.config.unkey.v2BaseUrl, token, http });
  const path = (version: UnkeyApiVersion): string => `/${version}/keys.getKey`;
  const sent = (version: UnkeyApiVersion): number => emulator.requests.count({ vendor: 'unkey', path: path(version) });
  const keyWhere = (test: (key: KeyRecord) => boolean): KeyRecord => {
    const key = api.keys.find(test);
    assert.ok(key, 'the seed has such a key');
    return key;
  };

  before(async () => {
    emulator = await startEmulator({ scale: SMALL_SCALE, now: NOW });
    http = testHttp();
    api = emulator.unkey.workspace.apis[0] as ApiRecord;
  });
  after(async () => {
    await http.close();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.requests.clear();
    emulator.faults.clear();
  });

  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: returns what listKeys says of the key, credits and refill included, in one request`, async () => {
      const listed = new Map<string, ApiKey>();
      let cursor: string | undefined;
      do {
        const page = await client(version).listKeys({ apiId: api.id, ...(cursor ? { cursor } : {}) });
        for (const key of page.items) listed.set(key.keyId, key);
        cursor = page.nextCursor;
      } while (cursor);
      const samples = [
        keyWhere((key) => key.refill?.interval === 'monthly'),
        keyWhere((key) => key.refill?.interval === 'daily'),
        keyWhere((key) => key.remaining !== undefined && key.refill === undefined),
        keyWhere((key) => key.remaining === undefined),
        keyWhere((key) => !key.enabled),
        keyWhere((key) => key.expires !== undefined),
      ];
      emulator.requests.clear();
      for (const record of samples) {
        const key = await client(version).getKey(record.id);
        const expected = { ...listed.get(record.id) } as ApiKey;
        // v2's KeyResponseData does not name the API; v1's getKey does.
        if (version === 'v2') delete expected.scopeId;
        assert.deepEqual(key, expected, record.id);
      }
      assert.equal(sent(version), samples.length);
      const monthly = await client(version).getKey(samples[0]?.id ?? '');
      assert.equal(monthly.credits?.refill?.interval, 'monthly');
      assert.equal(typeof monthly.credits?.refill?.refillDay, 'number');
      assert.equal((await client(version).getKey(samples[1]?.id ?? '')).credits?.refill?.refillDay, undefined, 'no refill day for daily refills');
      assert.equal((await client(version).getKey(samples[3]?.id ?? '')).credits, undefined, 'unlimited: no credits');
    });

    it(`${version}: a malformed key id is refused before anything is sent, without echoing it`, async () => {
      for (const bad of ['', 'ab', 'key with spaces', 'key_ünïcode', `key_${'x'.repeat(252)}`, 'key_1/../../v2/apis.listKeys']) {
        await assert.rejects(client(version).getKey(bad), (error: unknown) => {
          assert.ok(error instanceof InvalidRequestError, String(error));
          if (bad.length > 3) assert.ok(!error.message.includes(bad), 'the value is not echoed');
          return true;
        });
      }
      await assert.rejects(client(version).getKey(42 as unknown as string), InvalidRequestError);
      assert.equal(sent(version), 0);
    });

    it(`${version}: an unknown key and another workspace's key are NotFoundErrors in Unkey's words`, async () => {
      await assert.rejects(client(version).getKey('key_NotAKeyAtAll42'), (error: unknown) => {
        assert.ok(error instanceof NotFoundError);
        assert.equal(error.status, 404);
        assert.equal(error.vendorMessage, version === 'v2' ? 'We could not find the requested key.' : 'key key_NotAKeyAtAll42 not found');
        return true;
      });
      // The seed page 004 workspaces are other workspaces of the same emulated Unkey.
      const elsewhere = emulator.unkey.fixtures.hourly.workspace.apis[0]?.keys[0]?.id ?? '';
      await assert.rejects(client(version).getKey(elsewhere), (error: unknown) => {
        assert.ok(error instanceof NotFoundError);
        assert.equal(error.vendorMessage, version === 'v2' ? 'The specified key was not found.' : `key ${elsewhere} not found`);
        return true;
      });
    });

    it(`${version}: a root key without read_key gets MissingPermissionError naming the permission`, async () => {
      const record = api.keys[0] as KeyRecord;
      const other = emulator.unkey.workspace.apis[1] as ApiRecord;
      for (const permissions of [[], ['api.*.read_api', 'api.*.read_analytics'], [`api.${other.id}.read_key`]]) {
        const token = emulator.unkey.mintToken(permissions);
        await assert.rejects(client(version, token).getKey(record.id), (error: unknown) => {
          assert.ok(error instanceof MissingPermissionError, String(error));
          assert.ok(error instanceof AuthenticationError, 'still an authentication problem to older callers');
          assert.equal(error.status, 403);
          assert.equal(error.permission, `api.*.read_key or api.${api.id}.read_key`);
          assert.match(error.message, /lacks the api\.\*\.read_key or api\.\w+\.read_key permission/);
          assert.ok(!error.message.includes(token));
          return true;
        });
      }
      const scoped = emulator.unkey.mintToken([`api.${api.id}.read_key`]);
      assert.equal((await client(version, scoped).getKey(record.id)).keyId, record.id, 'api.<apiId>.read_key is enough for that API');
    });

    it(`${version}: a wrong root key is an AuthenticationError, not a missing permission`, async () => {
      const record = api.keys[0] as KeyRecord;
      await assert.rejects(client(version, 'unkey_NotARootKey123456').getKey(record.id), (error: unknown) => {
        assert.ok(error instanceof AuthenticationError && !(error instanceof MissingPermissionError), String(error));
        assert.equal(error.status, version === 'v2' ? 401 : 403);
        return true;
      });
    });

    it(`${version}: malformed answers are named, never taken for a key`, async () => {
      const record = api.keys[0] as KeyRecord;
      const inject = (fault: Parameters<Emulator['faults']['add']>[0]['fault']): void =>
        emulator.faults.add({ vendor: 'unkey', path: path(version), fault, times: 1 });
      inject({ kind: 'wrongShape' });
      await assert.rejects(client(version).getKey(record.id), (error: unknown) => error instanceof ResponseFormatError && /unexpected response/.test(error.message));
      inject({ kind: 'truncate' });
      await assert.rejects(client(version).getKey(record.id), ResponseFormatError);
      inject({ kind: 'html', status: 404 });
      await assert.rejects(client(version).getKey(record.id), HttpStatusError);
    });
  }

  it('v2 emulation: the body is keyId (3–255 of [a-zA-Z0-9_]) and decrypt only; 400 names the field', async () => {
    const token = emulator.unkey.token;
    const record = api.keys[0] as KeyRecord;
    const location = async (body: unknown): Promise<string | undefined> => {
      const answer = await rawPost(emulator, '/v2/keys.getKey', body, token);
      assert.equal(answer.status, 400, JSON.stringify(body));
      return (answer.body as { error: { errors: Array<{ location: string }> } }).error.errors[0]?.location;
    };
    // The spec's own example sends `key`, which additionalProperties:false forbids.
    assert.equal(await location({ key: 'sk_1234' }), 'body.key');
    assert.equal(await location({ keyId: record.id, key: 'sk_1234' }), 'body.key');
    assert.equal(await location({}), 'body.keyId');
    assert.equal(await location({ keyId: 'ab' }), 'body.keyId');
    assert.equal(await location({ keyId: 'key-with-dash' }), 'body.keyId');
    assert.equal(await location({ keyId: record.id, decrypt: 'yes' }), 'body.decrypt');
    assert.equal(await location('[]'), 'body');
    const ok = await rawPost(emulator, '/v2/keys.getKey', { keyId: record.id, decrypt: false }, token);
    assert.equal(ok.status, 200);
    assert.deepEqual(Object.keys(ok.body as object), ['meta', 'data']);
  });

  it('v2 emulation: 404 type key_not_found; decrypt needs decrypt_key, then 412 (no key encryption)', async () => {
    const missing = await rawPost(emulator, '/v2/keys.getKey', { keyId: 'key_Missing000' }, emulator.unkey.token);
    assert.equal(missing.status, 404);
    assert.deepEqual((missing.body as { error: { type: string; detail: string } }).error.type, 'https://unkey.com/docs/errors/unkey/data/key_not_found');
    const record = api.keys[0] as KeyRecord;
    const noDecrypt = await rawPost(emulator, '/v2/keys.getKey', { keyId: record.id, decrypt: true }, emulator.unkey.token);
    assert.equal(noDecrypt.status, 403);
    const withDecrypt = emulator.unkey.mintToken(['api.*.read_key', 'api.*.decrypt_key']);
    const precondition = await rawPost(emulator, '/v2/keys.getKey', { keyId: record.id, decrypt: true }, withDecrypt);
    assert.equal(precondition.status, 412);
    assert.equal((precondition.body as { error: { detail: string } }).error.detail, 'The API for this key does not support key encryption.');
    const unauthenticated = await rawPost(emulator, '/v2/keys.getKey', { keyId: 'x' });
    assert.equal(unauthenticated.status, 401, 'authentication comes before validation');
  });

  it('v1 emulation: 400 without keyId, 404 for an unknown key before authenticating, refill days null for daily', async () => {
    const noId = await rawGet(emulator, '/v1/keys.getKey', '', emulator.unkey.token);
    assert.equal(noId.status, 400);
    assert.equal((noId.body as { error: { code: string } }).error.code, 'BAD_REQUEST');
    const unknown = await rawGet(emulator, '/v1/keys.getKey', 'keyId=key_Missing000');
    assert.equal(unknown.status, 404, 'v1 looked the key up before the root key');
    const record = api.keys[0] as KeyRecord;
    const anonymous = await rawGet(emulator, '/v1/keys.getKey', `keyId=${record.id}`);
    assert.equal(anonymous.status, 403);
    assert.equal((anonymous.body as { error: { code: string } }).error.code, 'UNAUTHORIZED');
    const star = emulator.unkey.mintToken(['*']);
    const daily = keyWhere((key) => key.refill?.interval === 'daily');
    const answer = await rawGet(emulator, '/v1/keys.getKey', `keyId=${daily.id}`, star);
    assert.equal(answer.status, 200, '"*" holds read_key');
    const body = answer.body as { apiId: string; refill: { refillDay: unknown }; roles: unknown; permissions: unknown };
    assert.equal(body.apiId, api.id);
    assert.equal(body.refill.refillDay, null);
    assert.deepEqual([body.roles, body.permissions], [[], []]);
  });
});
