// KeyIndex (what a hover shows for an id) against the emulator: the facts come from the vendor's
// data, unknown ids show nothing, and a document's ids cost a handful of requests, not one each.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { findIds } from '../../src/vendors/key-ids';
import { KeyIndex } from '../../src/usage/key-index';
import { KEY_LIST_CAVEAT } from '../../src/health/cryptolens-health';
import { HOVER_FEW_LICENSES } from '../../src/usage/cryptolens-usage';
import { candidate, startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

describe('hover: resolving ids through the usage service', () => {
  let harness: UsageHarness;
  let index: KeyIndex;

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());
  beforeEach(() => {
    const usage = harness.freshUsage();
    harness.usage = usage;
    index = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
    harness.emulator.requests.clear();
    harness.tokens.cryptolens = harness.emulator.cryptolens.token;
  });

  it('shows a Cryptolens key with its lifetime totals, devices and dates, as the vendor has them', async () => {
    const { data } = harness.emulator.cryptolens;
    const used = data.summaries.filter((row) => row.key !== '').slice(0, 20);
    for (const row of used) {
      const [facts, ...more] = await index.resolve(candidate('cryptolens-key', row.key));
      assert.equal(more.length, 0);
      assert.ok(facts, row.key);
      const devices = data.devices.filter((device) => device.keyId === row.keyId).length;
      assert.deepEqual(
        { title: facts.title, totals: facts.totals, devices: facts.devices, firstSeen: facts.firstSeen, lastSeen: facts.lastSeen, reference: facts.reference },
        {
          title: row.key,
          totals: { total: row.totalRequests, successful: row.totalSuccessful, failed: row.totalFailed, period: 'lifetime' },
          devices: { count: Math.min(devices, 100), more: devices > 100 },
          firstSeen: row.firstSeenUtc * 1000,
          lastSeen: row.lastSeenUtc * 1000,
          reference: { vendor: 'cryptolens', scopeId: String(row.productId), keyId: String(row.keyId), key: row.key },
        },
      );
    }
  });

  it('shows nothing for a key string the account does not have, or a key never used', async () => {
    const { data } = harness.emulator.cryptolens;
    const withSummary = new Set(data.summaries.map((row) => row.keyId));
    const unused = data.keys.find((key) => !key.deleted && !withSummary.has(key.id));
    assert.ok(unused, 'the seed has never-used keys');
    assert.deepEqual(await index.resolve(candidate('cryptolens-key', unused.key)), []);
    assert.deepEqual(await index.resolve(candidate('cryptolens-key', 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ')), []);
  });

  it('asks Cryptolens for the summaries once for any number of keys, and never again while cached', async () => {
    const keys = harness.emulator.cryptolens.data.summaries.filter((row) => row.key !== '').slice(0, 100).map((row) => row.key);
    const answers = (await Promise.all(keys.map((key) => index.resolve(candidate('cryptolens-key', key))))).flat();
    // Past a product's first keys, health comes from its key list and says so (as tree rows do).
    const listed = answers.filter((facts) => facts.health?.caveat === KEY_LIST_CAVEAT).length;
    assert.ok(listed > 0 && answers.every((facts) => facts.health), `${listed} of ${answers.length} from the key list`);
    const summaryPages = Math.ceil(harness.emulator.cryptolens.data.summaries.length / 1000);
    assert.equal(harness.requests('cryptolens', 'GetKeyUsageSummaries'), summaryPages);
    // Device counts and health cost no request per key: one key of each product is read alone, then
    // the product's device pages (1000 a page) and key list (99 a page) answer the rest.
    const products = new Set(harness.emulator.cryptolens.data.summaries.map((row) => row.productId)).size;
    const devicePages = products * Math.ceil(harness.emulator.cryptolens.data.devices.length / products / 1000 + 1);
    assert.ok(harness.requests('cryptolens', 'GetKeyDevices') <= products + devicePages, `GetKeyDevices ×${harness.requests('cryptolens', 'GetKeyDevices')} for ${keys.length} keys`);
    const licensePages = products * Math.ceil(harness.emulator.cryptolens.data.keys.length / products / 99 + 1);
    // Health: key/GetKey for a product's first HOVER_FEW_LICENSES keys, then its key list (99 a page).
    const getKey = harness.requests('cryptolens', 'key/GetKey');
    const getKeys = harness.requests('cryptolens', 'product/GetKeys');
    assert.ok(getKeys <= licensePages, `product/GetKeys ×${getKeys}`);
    assert.ok(getKey <= products * HOVER_FEW_LICENSES, `key/GetKey ×${getKey} for ${keys.length} keys`);
    harness.emulator.requests.clear();
    await Promise.all(keys.map((key) => index.resolve(candidate('cryptolens-key', key))));
    assert.equal(harness.requests('cryptolens'), 0, 'warm hovers cost nothing');
  });

  it('shows Runtype keys by id (any case) and by prefix or full key, with state and last use', async () => {
    for (const key of harness.emulator.runtype.keys) {
      const byId = await index.resolve(candidate('runtype-id', key.id.toUpperCase()));
      assert.deepEqual(byId.map((facts) => facts.reference.keyId), [key.id]);
      const expired = key.expiresAt !== null && key.expiresAt <= TEST_NOW;
      assert.equal(byId[0]?.state, key.enabled && !expired ? 'active' : expired ? 'expired' : 'inactive');
      assert.equal(byId[0]?.lastSeen, key.lastUsedAt ?? undefined);
      const byPrefix = await index.resolve(candidate('runtype-prefix', `${key.keyPrefix}Zq9xW2`));
      assert.ok(byPrefix.some((facts) => facts.reference.keyId === key.id), key.keyPrefix);
    }
    assert.equal(harness.requests('runtype'), 1, 'one key-list call answers every id');
  });

  it('shows nothing for a UUID that is not a Runtype key (request ids, GUIDs in code)', async () => {
    const line = 'traceparent 0f8fad5b-d9cb-469f-a165-70867728950e; guid {6B29FC40-CA47-1067-B31D-00DD010662DA}';
    for (const found of findIds(line)) assert.deepEqual(await index.resolve(found), [], found.text);
  });

  it('costs no request for a vendor without a token', async () => {
    delete harness.tokens.cryptolens;
    assert.deepEqual(await index.resolve(candidate('cryptolens-key', 'AAAA-BBBB-CCCC-DDDD')), []);
    assert.equal(harness.emulator.requests.count(), 0);
  });

  it('answers 200 Unkey key ids with one query for all configured APIs (and bounded health reads), and the warm ones with none', async () => {
    const keys = await allUnkeyKeyIds(harness);
    assert.ok(keys.length >= 100, `the seed has enough Unkey keys (${keys.length})`);
    const ids = Array.from({ length: 200 }, (_, i) => keys[i % keys.length] as string).map((id, i) => (i < keys.length ? id : `key_Unknown${i}x7Q`));
    harness.emulator.requests.clear();
    const results = await Promise.all(ids.map((id) => index.resolve(candidate('unkey-key', id))));
    assert.equal(harness.requests('unkey', 'analytics.getVerifications'), 1, 'one query answers every API, its last 24 hours included');
    // Health (issue 13): keys.getKey for each API's first id, then the API's key list (100 a page).
    const budget = 1 + harness.emulator.unkey.apiIds.length + Math.ceil(keys.length / 100) + harness.emulator.unkey.apiIds.length;
    const cold = harness.requests('unkey');
    assert.ok(cold <= budget, `cold: ${cold} requests for 200 ids, budget ${budget}`);
    assert.ok(results.some((facts) => facts.length > 0), 'keys with traffic show');
    for (const [i, id] of ids.entries()) if (id.startsWith('key_Unknown')) assert.deepEqual(results[i], []);
    harness.emulator.requests.clear();
    await Promise.all(ids.map((id) => index.resolve(candidate('unkey-key', id))));
    assert.equal(harness.requests('unkey'), 0, 'warm');
  });

  it('answers key ids of two APIs from one query, each under its own API with the same counts as a query of its API alone', async () => {
    const [first, second] = harness.emulator.unkey.apiIds;
    assert.ok(first && second);
    const totalsAlone = async (apiId: string): Promise<ReadonlyMap<string, { total: number }>> => {
      const rows = await harness.usage.unkeyVerifications({ apiId, start: TEST_NOW - 30 * 86_400_000, end: TEST_NOW, groupBy: ['key'] });
      return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
    };
    const [aloneFirst, aloneSecond] = [await totalsAlone(first), await totalsAlone(second)];
    const keyOf = (byKey: ReadonlyMap<string, unknown>): string => [...byKey.keys()][0] as string;
    harness.emulator.requests.clear();
    const [ofFirst, ofSecond] = await Promise.all([index.resolve(candidate('unkey-key', keyOf(aloneFirst))), index.resolve(candidate('unkey-key', keyOf(aloneSecond)))]);
    assert.equal(harness.requests('unkey', 'analytics.getVerifications'), 1);
    assert.deepEqual(ofFirst?.map((facts) => [facts.reference.scopeId, facts.totals?.total]), [[first, aloneFirst.get(keyOf(aloneFirst))?.total]]);
    assert.deepEqual(ofSecond?.map((facts) => [facts.reference.scopeId, facts.totals?.total]), [[second, aloneSecond.get(keyOf(aloneSecond))?.total]]);
  });

  it('leaves out a configured API Unkey does not know (one more query) and still answers the others', async () => {
    const [apiId] = harness.emulator.unkey.apiIds;
    assert.ok(apiId);
    const keyId = [...(await harness.usage.unkeyTotalsByKey(apiId)).keys()][0] as string;
    const saved = harness.config.unkeyApiIds;
    harness.config.unkeyApiIds = ['api_DoesNotExist1', ...saved];
    try {
      const usage = harness.freshUsage();
      const fresh = new KeyIndex(usage, () => harness.config, () => TEST_NOW);
      harness.emulator.requests.clear();
      const [facts] = await fresh.resolve(candidate('unkey-key', keyId));
      assert.equal(facts?.reference.scopeId, apiId);
      assert.equal(harness.requests('unkey', 'analytics.getVerifications'), 2, 'refused once for the unknown API, then answered without it');
      await assert.rejects(usage.unkeyTotalsByKey('api_DoesNotExist1'), /API api_DoesNotExist1 not found/);
      assert.equal(harness.requests('unkey', 'analytics.getVerifications'), 2, 'the refusal is remembered with the answer');
    } finally {
      harness.config.unkeyApiIds = saved;
    }
  });

  it('on Unkey v1 asks one query per configured API (v1 has no query over several), with the same answer', async () => {
    const [apiId] = harness.emulator.unkey.apiIds;
    assert.ok(apiId);
    const keyId = [...(await harness.usage.unkeyTotalsByKey(apiId)).keys()][0] as string;
    const [v2] = await index.resolve(candidate('unkey-key', keyId));
    const saved = { version: harness.config.unkeyApiVersion, urls: harness.config.baseUrls };
    harness.config.unkeyApiVersion = 'v1';
    harness.config.baseUrls = { ...saved.urls, unkey: harness.emulator.config.unkey.v1BaseUrl };
    try {
      const v1Index = new KeyIndex(harness.freshUsage(), () => harness.config, () => TEST_NOW);
      harness.emulator.requests.clear();
      const [v1] = await v1Index.resolve(candidate('unkey-key', keyId));
      assert.deepEqual(v1?.totals, v2?.totals);
      assert.equal(v1?.health?.status, v2?.health?.status);
      // 30 days for every API, and 24 hours for the key's own API (health).
      assert.equal(harness.requests('unkey', 'analytics.getVerifications'), harness.emulator.unkey.apiIds.length + 1);
    } finally {
      harness.config.unkeyApiVersion = saved.version;
      harness.config.baseUrls = saved.urls;
    }
  });

  it('shows only the configured Unkey APIs, with totals summed over their keys', async () => {
    const [apiId] = harness.emulator.unkey.apiIds;
    assert.ok(apiId);
    const [facts] = await index.resolve(candidate('unkey-api', apiId));
    const byKey = await harness.usage.unkeyTotalsByKey(apiId);
    assert.equal(facts?.totals?.total, [...byKey.values()].reduce((sum, outcomes) => sum + outcomes.total, 0));
    harness.emulator.requests.clear();
    assert.deepEqual(await index.resolve(candidate('unkey-api', 'api_NotConfigured1')), []);
    assert.equal(harness.emulator.requests.count(), 0, 'an api_… string that is not configured costs nothing');
  });
});

/** Every key id of every configured API, through the listing (test setup, not counted). */
async function allUnkeyKeyIds(harness: UsageHarness): Promise<string[]> {
  const ids: string[] = [];
  for (const apiId of harness.emulator.unkey.apiIds) {
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await harness.usage.unkeyKeysPage(apiId, cursor);
      ids.push(...result.items.map((key) => key.keyId));
      if (!result.nextCursor || result.items.length === 0) break;
      cursor = result.nextCursor;
    }
  }
  return ids;
}
