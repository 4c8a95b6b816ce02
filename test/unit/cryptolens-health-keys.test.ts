// The emulator's license keys in every health state, read as the surfaces will: one key by key/GetKey
// (its license status), a product's keys by product/GetKeys in ⌈N/99⌉ requests (no status, so the
// caveat), deleted keys from the usage summaries, and a token without the permissions (no word at all).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cryptolensHealth, KEY_LIST_CAVEAT } from '../../src/health/cryptolens-health';
import { CRYPTOLENS_STATUSES } from '../../src/health/status';
import { MissingPermissionError } from '../../src/http/missing-permission-error';
import type { LicenseKeyDetails } from '../../src/vendors/license-key';
import { CRYPTOLENS_HEALTH_CASES, type CryptolensHealthCase, type HealthKey } from '../emulator/cryptolens/license-health';
import { startCryptolensHarness, TEST_NOW, type CryptolensHarness } from './cryptolens-harness';

const options = { now: TEST_NOW, expiresSoonDays: 7 };

describe('Cryptolens key health over the emulator', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());
  const seededKey = (name: CryptolensHealthCase): HealthKey => {
    const key = h.cryptolens.healthKeys[name];
    assert.ok(key, `the seed has a ${name} key`);
    return key;
  };

  it('seeds a key for every Cryptolens status word, by case and by word, in the config line too', () => {
    assert.deepEqual(Object.keys(h.cryptolens.healthKeysByStatus).sort(), [...CRYPTOLENS_STATUSES].sort());
    assert.equal(Object.keys(h.cryptolens.healthKeys).length, CRYPTOLENS_HEALTH_CASES.length);
    assert.deepEqual(h.emulator.config.cryptolens.health, {
      tokenWithoutKeyPermissions: h.cryptolens.tokenWithoutKeyPermissions,
      keys: h.cryptolens.healthKeysByStatus,
    });
  });

  it('one key at a time (key/GetKey with Metadata): every seeded key gets its word', async () => {
    for (const healthCase of CRYPTOLENS_HEALTH_CASES) {
      const seeded = seededKey(healthCase.name);
      const health =
        healthCase.name === 'deleted'
          ? cryptolensHealth({ deleted: true }, options)
          : cryptolensHealth({ license: await h.client.getLicenseKey(seeded.productId, seeded.key) }, options);
      assert.equal(health?.status, healthCase.status, `${healthCase.name}: ${health?.reason}`);
      assert.equal(health?.caveat, undefined);
    }
  });

  it('the reasons', async () => {
    const reason = async (name: CryptolensHealthCase): Promise<string | undefined> => {
      const seeded = seededKey(name);
      return cryptolensHealth({ license: await h.client.getLicenseKey(seeded.productId, seeded.key) }, options)?.reason;
    };
    assert.equal(await reason('active'), 'valid; 3 of 5 seats used; not time-limited');
    assert.equal(await reason('blocked'), 'blocked in Cryptolens');
    assert.equal(await reason('expired'), 'expired 10 days ago');
    assert.equal(await reason('seatsFull'), '3 of 3 seats used');
    assert.equal(await reason('expiresSoon'), 'expires in 3 days');
    assert.match((await reason('pastDateNotEnforced')) ?? '', /^valid; .*not time-limited$/);
  });

  it('a whole product from its key list: ⌈N/99⌉ requests; what a list cannot tell is said in a caveat', async () => {
    const product = seededKey('active').productId;
    h.cryptolens.clearCalls();
    const listed = new Map<number, LicenseKeyDetails>();
    for await (const page of h.client.licenseKeyPages(product)) for (const key of page.items) listed.set(key.licenseKeyId, key);
    const live = h.cryptolens.data.keys.filter((key) => key.productId === product && !key.deleted).length;
    assert.equal(h.cryptolens.calls.length, Math.ceil(live / 99));
    const fromList = (name: CryptolensHealthCase): ReturnType<typeof cryptolensHealth> =>
      cryptolensHealth({ license: listed.get(seededKey(name).keyId) }, options);
    assert.equal(fromList('seatsFull')?.status, 'Seats full');
    assert.equal(fromList('expiresSoon')?.status, 'Expires soon');
    assert.equal(fromList('expired')?.status, 'Expired');
    assert.equal(fromList('expired')?.reason, 'expiry date passed 10 days ago');
    // What only key/GetKey can tell: a list shows neither blocking nor whether the date is enforced.
    assert.equal(fromList('blocked')?.status, 'Active');
    assert.equal(fromList('pastDateNotEnforced')?.status, 'Expired');
    for (const name of ['active', 'blocked', 'expired'] as const) assert.equal(fromList(name)?.caveat, KEY_LIST_CAVEAT);
    assert.equal(listed.has(seededKey('deleted').keyId), false, 'a deleted key is not listed');
  });

  it('deleted: known from the usage summaries alone, whatever the token may do', async () => {
    const deleted = seededKey('deleted');
    const without = h.clientWith({ token: h.cryptolens.tokenWithoutKeyPermissions });
    const page = await without.getKeyUsageSummaries({ keyId: deleted.keyId });
    const summary = page.items[0];
    assert.ok(summary);
    assert.equal(cryptolensHealth({ deleted: summary.key === undefined }, options)?.status, 'Deleted');
  });

  it('without GetKey and GetKeys: no status word, and an error that names the permission to add', async () => {
    const seeded = seededKey('expired');
    const without = h.clientWith({ token: h.cryptolens.tokenWithoutKeyPermissions });
    const license = await without.getLicenseKey(seeded.productId, seeded.key).catch((error: unknown) => {
      assert.ok(error instanceof MissingPermissionError);
      assert.equal(error.permission, 'GetKey');
      return undefined;
    });
    assert.equal(license, undefined);
    assert.equal(cryptolensHealth({ deleted: false }, options), undefined);
    await assert.rejects(without.getLicenseKeys(seeded.productId), (error: unknown) => error instanceof MissingPermissionError && error.permission === 'GetKeys');
  });
});
