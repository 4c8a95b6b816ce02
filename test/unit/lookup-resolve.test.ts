// "Look Up Key Usage…" resolution against the emulator: totals, devices and dates from the vendor's
// data, and the vendor's own message for a key that does not exist.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { resolveLookup, type LookupResult, type ResolvableTarget } from '../../src/lookup/resolve';
import type { KeyFacts } from '../../src/usage/key-facts';
import { NoTokenError } from '../../src/usage/no-token-error';
import { EXAMPLE_KEY, EXAMPLE_KEY_ID, EXAMPLE_PRODUCT_ID } from '../emulator/cryptolens/examples';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

function found(result: LookupResult): KeyFacts[] {
  assert.ok('found' in result, `expected a result, got: ${JSON.stringify(result)}`);
  return result.found;
}

function notFound(result: LookupResult): string {
  assert.ok('notFound' in result, `expected "not found", got: ${JSON.stringify(result)}`);
  return result.notFound;
}

describe('lookup: asking the vendor', () => {
  let harness: UsageHarness;
  const lookup = (target: ResolvableTarget): Promise<LookupResult> => resolveLookup(harness.usage, harness.config, target, TEST_NOW);

  before(async () => {
    harness = await startUsageHarness();
  });
  after(() => harness.close());
  beforeEach(() => {
    harness.usage = harness.freshUsage();
    harness.tokens.cryptolens = harness.emulator.cryptolens.token;
    harness.emulator.requests.clear();
  });

  it("finds the seed page's example key in its product: totals, every device, first and last seen", async () => {
    const [facts, ...rest] = found(await lookup({ vendor: 'cryptolens', kind: 'key', key: EXAMPLE_KEY, productId: EXAMPLE_PRODUCT_ID }));
    assert.equal(rest.length, 0);
    const devices = harness.emulator.cryptolens.data.devices.filter((device) => device.keyId === EXAMPLE_KEY_ID).length;
    assert.deepEqual(
      { totals: facts?.totals, devices: facts?.devices, firstSeen: facts?.firstSeen, lastSeen: facts?.lastSeen },
      { totals: { total: 320, successful: 300, failed: 20, period: 'lifetime' }, devices: { count: devices, more: false }, firstSeen: 1748131200_000, lastSeen: 1748217600_000 },
    );
    // The definitive answer comes from the Key filter, not from scanning the account.
    assert.equal(harness.requests('cryptolens', 'GetKeyUsageSummaries'), 1);
  });

  it('counts every device of the busiest key', async () => {
    const { data } = harness.emulator.cryptolens;
    const counts = new Map<number, number>();
    for (const device of data.devices) counts.set(device.keyId, (counts.get(device.keyId) ?? 0) + 1);
    const [keyId, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    const [facts] = found(await lookup({ vendor: 'cryptolens', kind: 'key-id', keyId }));
    assert.deepEqual(facts?.devices, { count, more: false });
  });

  it('gives Cryptolens\'s own "Could not find the key." for a key that does not exist or is in another product', async () => {
    assert.equal(notFound(await lookup({ vendor: 'cryptolens', kind: 'key', key: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ', productId: EXAMPLE_PRODUCT_ID })), 'Cryptolens: Could not find the key.');
    const other = harness.emulator.cryptolens.data.products.find((product) => product.id !== EXAMPLE_PRODUCT_ID);
    assert.ok(other);
    assert.equal(notFound(await lookup({ vendor: 'cryptolens', kind: 'key', key: EXAMPLE_KEY, productId: other.id })), 'Cryptolens: Could not find the key.');
    assert.equal(notFound(await lookup({ vendor: 'cryptolens', kind: 'key-id', keyId: 2_000_000_000 })), 'Cryptolens: Could not find the key.');
    assert.equal(notFound(await lookup({ vendor: 'cryptolens', kind: 'key', key: EXAMPLE_KEY, productId: 1 })), 'Cryptolens: Could not find the product.');
  });

  it('tells a key that exists but was never used from one that does not exist', async () => {
    const { data } = harness.emulator.cryptolens;
    const withSummary = new Set(data.summaries.map((row) => row.keyId));
    const unused = data.keys.find((key) => !key.deleted && !withSummary.has(key.id));
    assert.ok(unused);
    const [facts] = found(await lookup({ vendor: 'cryptolens', kind: 'key', key: unused.key, productId: unused.productId }));
    assert.equal(facts?.totals?.total, 0);
    assert.match(facts?.note ?? '', /No usage recorded/);
  });

  it('finds a deleted key by its id, labelled as deleted', async () => {
    const deleted = harness.emulator.cryptolens.data.summaries.find((row) => row.key === '');
    assert.ok(deleted, 'the seed has deleted keys');
    const [facts] = found(await lookup({ vendor: 'cryptolens', kind: 'key-id', keyId: deleted.keyId }));
    assert.equal(facts?.title, `Key #${deleted.keyId} (deleted)`);
    assert.equal(facts?.totals?.total, deleted.totalRequests);
  });

  it('finds the devices with a machine code, typed in any case, and says so when there are none', async () => {
    const device = harness.emulator.cryptolens.data.devices.find((row) => /^[0-9A-F]{64}$/.test(row.machineCode));
    assert.ok(device);
    const expected = harness.emulator.cryptolens.data.devices.filter((row) => row.machineCode === device.machineCode);
    const facts = found(await lookup({ vendor: 'cryptolens', kind: 'machine-code', machineCode: `  ${device.machineCode.toLowerCase()} ` }));
    assert.deepEqual(
      facts.map((row) => [row.title, row.reference.keyId, row.totals?.total, row.lastSeen]),
      expected.map((row) => [row.machineCode, String(row.keyId), row.totalRequests, row.lastSeenUtc * 1000]),
    );
    assert.match(notFound(await lookup({ vendor: 'cryptolens', kind: 'machine-code', machineCode: 'NO-SUCH-MACHINE' })), /no device with this machine code/);
  });

  it('finds Runtype keys by id and by prefix, and says when the account has no such key', async () => {
    const [key] = harness.emulator.runtype.keys;
    assert.ok(key);
    assert.deepEqual(found(await lookup({ vendor: 'runtype', kind: 'key-id', keyId: key.id })).map((facts) => facts.reference.keyId), [key.id]);
    assert.ok(found(await lookup({ vendor: 'runtype', kind: 'prefix', prefix: key.keyPrefix })).some((facts) => facts.reference.keyId === key.id));
    assert.equal(notFound(await lookup({ vendor: 'runtype', kind: 'key-id', keyId: '0f8fad5b-d9cb-469f-a165-70867728950e' })), 'Runtype: no API key with this id in the account.');
  });

  it('finds an Unkey key: its API, name, 30-day outcomes and last verification', async () => {
    const [apiId] = harness.config.unkeyApiIds;
    assert.ok(apiId);
    const totals = await harness.usage.unkeyTotalsByKey(apiId);
    const [keyId, outcomes] = [...totals.entries()].sort((a, b) => b[1].total - a[1].total)[0] ?? [];
    assert.ok(keyId && outcomes, 'the busiest key of the first API');
    const [facts] = found(await lookup({ vendor: 'unkey', kind: 'key-id', keyId }));
    assert.equal(facts?.reference.scopeId, apiId);
    assert.deepEqual(facts?.totals?.outcomes, outcomes);
    assert.ok(facts?.lastSeen !== undefined && facts.lastSeen <= TEST_NOW && facts.lastSeen > TEST_NOW - 30 * 86_400_000);
    assert.match(notFound(await lookup({ vendor: 'unkey', kind: 'key-id', keyId: 'key_DoesNotExist123' })), /^Unkey: no key key_DoesNotExist123 in the configured APIs/);
  });

  it('rejects with NoTokenError (the UI offers "Set Access Token") for a vendor without a token', async () => {
    delete harness.tokens.cryptolens;
    await assert.rejects(lookup({ vendor: 'cryptolens', kind: 'key-id', keyId: EXAMPLE_KEY_ID }), NoTokenError);
    assert.equal(harness.emulator.requests.count(), 0);
  });
});
