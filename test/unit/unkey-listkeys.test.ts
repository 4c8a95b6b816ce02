// Listing an API's keys through both versions (GET /v1/apis.listKeys, POST /v2/apis.listKeys):
// every seeded key exactly once, the requests it takes, the v1 trailing-empty-page quirk, the
// mapping to ApiKey, argument checks and the permissions each version needs.
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { AuthenticationError, InvalidRequestError, NotFoundError } from '../../src/http/errors';
import type { ApiKey } from '../../src/vendors/model';
import { listKeysV2 } from '../../src/vendors/unkey/list-keys-v2';
import type { ListKeysQuery } from '../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import type { Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import type { ApiRecord, KeyRecord } from '../emulator/unkey/model';
import { rawGet, rawPost } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);

function expectedKey(key: KeyRecord): ApiKey {
  return {
    vendor: 'unkey',
    keyId: key.id,
    scopeId: key.apiId,
    enabled: key.enabled,
    createdAt: key.createdAt,
    start: key.start,
    ...(key.name === undefined ? {} : { name: key.name }),
    ...(key.expires === undefined ? {} : { expiresAt: key.expires }),
    ...(key.identity ? { identity: { id: key.identity.id, externalId: key.identity.externalId } } : {}),
    ...(key.remaining === undefined ? {} : { credits: { remaining: key.remaining, ...(key.refill ? { refill: { ...key.refill } } : {}) } }),
  };
}

type Lister = (query: ListKeysQuery) => Promise<{ items: ApiKey[]; nextCursor?: string }>;

describe('Unkey listKeys (v1 and v2)', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let big: ApiRecord;
  let small: ApiRecord;
  const v1 = (token = emulator.unkey.token): Lister => {
    const client = new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token, http });
    return (query) => client.listKeys(query);
  };
  const v2 = (token = emulator.unkey.token): Lister => (query) => listKeysV2(http, emulator.config.unkey.v2BaseUrl, token, query);
  const listAll = async (list: Lister, apiId: string, limit: number): Promise<ApiKey[]> => {
    const keys: ApiKey[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const result = await list({ apiId, limit, ...(cursor === undefined ? {} : { cursor }) });
      keys.push(...result.items);
      if (result.nextCursor === undefined) return keys;
      assert.ok(result.items.length > 0, 'a page with a next cursor has keys');
      cursor = result.nextCursor;
    }
    throw new Error('paging did not end');
  };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    [big, small] = emulator.unkey.workspace.apis as [ApiRecord, ApiRecord];
    assert.equal(big.keys.length, SMALL_SCALE.unkeyKeys);
    assert.ok(small.keys.length < big.keys.length && small.keys.length > 0);
  });
  beforeEach(() => emulator.requests.clear());

  for (const [version, path] of [['v1', '/v1/apis.listKeys'], ['v2', '/v2/apis.listKeys']] as const) {
    const lister = (): Lister => (version === 'v1' ? v1() : v2());

    it(`${version}: pages over every key once, in id order, mapped to ApiKey`, async () => {
      const keys = await listAll(lister(), big.id, 25);
      assert.deepEqual(keys, big.keys.map(expectedKey));
      assert.equal(new Set(keys.map((key) => key.keyId)).size, big.keys.length, 'no repeats');
      assert.equal(emulator.requests.count({ vendor: 'unkey', path }), Math.ceil(big.keys.length / 25), 'no trailing empty page');
    });

    it(`${version}: a last page that is exactly full costs no extra request`, async () => {
      const limit = big.keys.length / 3;
      assert.ok(Number.isInteger(limit) && limit <= 100);
      const keys = await listAll(lister(), big.id, limit);
      assert.equal(keys.length, big.keys.length);
      assert.equal(emulator.requests.count({ vendor: 'unkey', path }), 3);
    });

    it(`${version}: a small API fits in one page of the default size`, async () => {
      const page = await lister()({ apiId: small.id });
      assert.deepEqual(page.items, small.keys.map(expectedKey));
      assert.equal(page.nextCursor, undefined);
    });

    it(`${version}: checks limit, apiId and cursor before sending`, async () => {
      for (const query of [{ apiId: big.id, limit: 0 }, { apiId: big.id, limit: 101 }, { apiId: big.id, limit: 2.5 }, { apiId: '' }, { apiId: big.id, cursor: '' }]) {
        await assert.rejects(lister()(query), InvalidRequestError, JSON.stringify(query));
      }
      assert.equal(emulator.requests.count({ vendor: 'unkey' }), 0);
    });

    it(`${version}: an unknown API is a NotFoundError`, async () => {
      await assert.rejects(lister()({ apiId: 'api_missing' }), NotFoundError);
    });
  }

  it('v1 on the wire: the last page still carries a cursor and the next call returns no keys', async () => {
    const first = await rawGet(emulator, '/v1/apis.listKeys', `apiId=${small.id}&limit=100`, emulator.unkey.token);
    const body = first.body as { keys: { id: string }[]; cursor?: string; total: number };
    assert.equal(body.keys.length, small.keys.length);
    assert.equal(body.total, small.keys.length);
    assert.equal(body.cursor, small.keys.at(-1)?.id);
    const next = await rawGet(emulator, '/v1/apis.listKeys', `apiId=${small.id}&limit=100&cursor=${body.cursor ?? ''}`, emulator.unkey.token);
    assert.deepEqual(next.body, { keys: [], total: small.keys.length });
  });

  it('v1 given a bare Unkey cursor: continues from it and ends on the empty page without a nextCursor', async () => {
    const cursor = big.keys.at(-3)?.id ?? '';
    const list = v1();
    const page = await list({ apiId: big.id, limit: 2, cursor });
    assert.deepEqual(page.items.map((key) => key.keyId), big.keys.slice(-2).map((key) => key.id));
    assert.ok(page.nextCursor !== undefined, 'without the count of keys before it, a full page may not be the last');
    const end = await list({ apiId: big.id, limit: 2, cursor: page.nextCursor });
    assert.deepEqual(end, { items: [] });
  });

  it('v2 on the wire: hasMore and a cursor only while there is more', async () => {
    const first = await rawPost(emulator, '/v2/apis.listKeys', { apiId: small.id, limit: small.keys.length - 1 }, emulator.unkey.token);
    const body = first.body as { meta: { requestId: string }; data: { keyId: string }[]; pagination: { cursor?: string; hasMore: boolean } };
    assert.match(body.meta.requestId, /^req_/);
    assert.deepEqual(body.pagination, { cursor: small.keys.at(-2)?.id, hasMore: true });
    const last = await rawPost(emulator, '/v2/apis.listKeys', { apiId: small.id, limit: 100, cursor: body.pagination.cursor }, emulator.unkey.token);
    assert.deepEqual((last.body as { pagination: unknown }).pagination, { hasMore: false });
    const tooMany = await rawPost(emulator, '/v2/apis.listKeys', { apiId: small.id, limit: 101 }, emulator.unkey.token);
    assert.equal(tooMany.status, 400);
    assert.equal((tooMany.body as { error: { errors: { location: string }[] } }).error.errors[0]?.location, 'body.limit');
  });

  it('v1 needs read_key and read_api; the error names the one missing', async () => {
    const onlyApi = emulator.unkey.mintToken(['api.*.read_api']);
    const onlyKey = emulator.unkey.mintToken(['api.*.read_key']);
    const both = emulator.unkey.mintToken([`api.${small.id}.read_key`, `api.${small.id}.read_api`]);
    await assert.rejects(v1(onlyApi)({ apiId: small.id }), (error: unknown) => error instanceof AuthenticationError && /read_key/.test(error.message));
    await assert.rejects(v1(onlyKey)({ apiId: small.id }), (error: unknown) => error instanceof AuthenticationError && /read_api/.test(error.message));
    assert.equal((await v1(both)({ apiId: small.id })).items.length, small.keys.length);
    await assert.rejects(v1(both)({ apiId: big.id }), AuthenticationError);
  });

  it('v2 needs read_key: 403 names it, a wrong root key is a 401 AuthenticationError', async () => {
    const analyticsOnly = emulator.unkey.mintToken(['api.*.read_analytics']);
    const error = await v2(analyticsOnly)({ apiId: small.id }).catch((caught: unknown) => caught);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 403);
    assert.match(error.message, /lacks the permission api\.\*\.read_key or api\.api_\w+\.read_key/);
    const wrong = await v2('unkey_wrong')({ apiId: small.id }).catch((caught: unknown) => caught);
    assert.ok(wrong instanceof AuthenticationError);
    assert.equal(wrong.status, 401);
    const perApi = emulator.unkey.mintToken([`api.${small.id}.read_key`]);
    assert.equal((await v2(perApi)({ apiId: small.id })).items.length, small.keys.length);
  });

  it('both versions list the same keys the same way', async () => {
    assert.deepEqual(await listAll(v1(), big.id, 100), await listAll(v2(), big.id, 100));
  });
});
