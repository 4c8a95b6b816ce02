// key/GetKey (Metadata=true) and product/GetKeys through the real client over real HTTP against the
// emulator: what is sent, what comes back (against the emulator's records), argument checks before
// sending, not-found answers, the GetKey/GetKeys permissions as MissingPermissionError, key-locked
// tokens, paging 99 keys at a time, and the vendor's printed examples.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AuthenticationError, HttpStatusError, InvalidRequestError, NotFoundError, ResponseFormatError } from '../../src/http/errors';
import { MissingPermissionError } from '../../src/http/missing-permission-error';
import { KEY_LOCK_MESSAGE } from '../../src/vendors/cryptolens/license-errors';
import type { LicenseKeyDetails } from '../../src/vendors/license-key';
import type { LicenseKey } from '../emulator/cryptolens/data';
import { EXAMPLE_KEY, EXAMPLE_PRODUCT_ID } from '../emulator/cryptolens/examples';
import { LICENSE_KEY_FORMAT_EXAMPLE, METADATA_EXAMPLE_JSON } from '../emulator/cryptolens/license-examples';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

describe('Cryptolens key/GetKey and product/GetKeys', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());
  beforeEach(() => {
    h.cryptolens.clearCalls();
    h.emulator.faults.clear();
  });

  const liveKeys = (productId = EXAMPLE_PRODUCT_ID): LicenseKey[] => h.cryptolens.data.keys.filter((key) => key.productId === productId && !key.deleted);
  /** What the client should make of the emulator's record of a key. */
  function expected(key: LicenseKey, withStatus: boolean): LicenseKeyDetails {
    const record = h.cryptolens.licenses.get(key);
    const status = h.cryptolens.licenses.status(record);
    return {
      vendor: 'cryptolens',
      productId: record.productId,
      licenseKeyId: record.keyId,
      key: record.key,
      periodDays: record.period,
      features: record.features,
      blockFlag: false,
      activatedMachines: record.machines.length,
      maxMachines: record.maxNoOfMachines,
      trialActivation: record.trialActivation,
      createdAt: record.created,
      expiresAt: record.expires,
      ...(withStatus
        ? {
            status: {
              valid: status.isValid,
              invalidity: (['none', 'expired', 'blocked'] as const)[status.reasonForInvalidity],
              trial: status.trial,
              timeLimited: status.timeLimited,
              daysLeft: status.timeLeft,
            },
          }
        : {}),
    };
  }

  it('GetKey: POST form with ProductId, Key and Metadata=true, the token in the body only; returns the key with its license status', async () => {
    const keys = liveKeys().slice(0, 12);
    for (const key of keys) assert.deepEqual(await h.client.getLicenseKey(key.productId, key.key), expected(key, true), String(key.id));
    const call = h.cryptolens.calls[0];
    assert.ok(call);
    assert.equal(call.method, 'POST');
    assert.equal(call.path, '/api/key/GetKey');
    assert.equal(call.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(call.bodyNames, ['ProductId', 'Key', 'Metadata', 'token']);
    assert.deepEqual(call.queryNames, []);
    assert.deepEqual(call.params, { productid: String(keys[0]?.productId), key: keys[0]?.key, metadata: 'true' });
    assert.equal(h.cryptolens.calls.length, keys.length, 'one request per key');
  });

  it('GetKey: the key string is trimmed; arguments are checked before anything is sent, the key never echoed', async () => {
    await h.client.getLicenseKey(EXAMPLE_PRODUCT_ID, `  ${EXAMPLE_KEY}\n`);
    assert.equal(h.cryptolens.calls[0]?.params.key, EXAMPLE_KEY);
    const before = h.requestCount();
    for (const productId of [0, -1, 1.5, Number.NaN, 2 ** 31, '3349' as unknown as number]) {
      await assert.rejects(h.client.getLicenseKey(productId, EXAMPLE_KEY), (error: unknown) => error instanceof InvalidRequestError && /productId/.test(error.message));
    }
    for (const key of ['', '   ', 42 as unknown as string, 'A'.repeat(1001)]) {
      await assert.rejects(h.client.getLicenseKey(EXAMPLE_PRODUCT_ID, key), (error: unknown) => {
        assert.ok(error instanceof InvalidRequestError && /key/.test(error.message));
        assert.ok(!error.message.includes('AAAAAAAA'), 'the key is not echoed');
        return true;
      });
    }
    for (const page of [0, -1, 1.5]) await assert.rejects(h.client.getLicenseKeys(EXAMPLE_PRODUCT_ID, page), InvalidRequestError);
    assert.equal(h.requestCount(), before, 'nothing reached the emulator');
  });

  it('GetKey: an unknown product, an unknown key, a deleted key and a key of another product are NotFoundErrors', async () => {
    const missingProduct = Math.max(...h.cryptolens.data.products.map((product) => product.id)) + 1;
    await assert.rejects(h.client.getLicenseKey(missingProduct, EXAMPLE_KEY), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the product.');
    await assert.rejects(h.client.getLicenseKey(EXAMPLE_PRODUCT_ID, 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ'), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the key.');
    const deleted = h.cryptolens.data.keys.find((key) => key.deleted);
    assert.ok(deleted);
    await assert.rejects(h.client.getLicenseKey(deleted.productId, deleted.key), NotFoundError);
    const other = h.cryptolens.data.products.find((product) => product.id !== EXAMPLE_PRODUCT_ID);
    assert.ok(other);
    await assert.rejects(h.client.getLicenseKey(other.id, EXAMPLE_KEY), NotFoundError);
    await assert.rejects(h.client.getLicenseKeys(missingProduct), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the product.');
  });

  it('a token without GetKey or GetKeys: MissingPermissionError naming the method, token never in the text', async () => {
    const without = h.clientWith({ token: h.cryptolens.tokenWithoutKeyPermissions });
    await assert.rejects(without.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY), (error: unknown) => {
      assert.ok(error instanceof MissingPermissionError && error instanceof AuthenticationError, String(error));
      assert.equal(error.permission, 'GetKey');
      assert.equal(error.message, 'Cryptolens key/GetKey: the token lacks the GetKey permission: Access denied.');
      assert.ok(!error.message.includes(h.cryptolens.tokenWithoutKeyPermissions));
      return true;
    });
    await assert.rejects(without.getLicenseKeys(EXAMPLE_PRODUCT_ID), (error: unknown) => error instanceof MissingPermissionError && error.permission === 'GetKeys');
    // Usage analytics still work with it: the permission is the only thing missing.
    assert.ok((await without.getKeyUsageSummaries({ limit: 1 })).items.length === 1);
    const onlyGetKey = h.clientWith({ token: h.cryptolens.mintToken({ usageAnalytics: false, getKey: true }) });
    assert.equal((await onlyGetKey.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY)).key, EXAMPLE_KEY);
    await assert.rejects(onlyGetKey.getLicenseKeys(EXAMPLE_PRODUCT_ID), (error: unknown) => error instanceof MissingPermissionError && error.permission === 'GetKeys');
    const onlyGetKeys = h.clientWith({ token: h.cryptolens.mintToken({ usageAnalytics: false, getKeys: true }) });
    assert.ok((await onlyGetKeys.getLicenseKeys(EXAMPLE_PRODUCT_ID)).items.length > 0);
    await assert.rejects(onlyGetKeys.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY), (error: unknown) => error instanceof MissingPermissionError && error.permission === 'GetKey');
  });

  it('a token the vendor does not know is an AuthenticationError, not a missing permission', async () => {
    const unknown = h.clientWith({ token: 'WyJub3QiLCJhIHRva2VuIl0=' });
    await assert.rejects(unknown.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY), (error: unknown) => error instanceof AuthenticationError && !(error instanceof MissingPermissionError));
  });

  it('a key-locked token: its own key is found; another is "Not enough permission and/or key not found." as NotFoundError; GetKeys lists its key only', async () => {
    const locked = h.clientWith({ token: h.cryptolens.lockedToken });
    const own = h.cryptolens.data.keys.find((key) => key.id === h.cryptolens.lockedKeyId);
    assert.ok(own);
    assert.equal((await locked.getLicenseKey(own.productId, own.key)).licenseKeyId, own.id);
    await assert.rejects(locked.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === KEY_LOCK_MESSAGE);
    const page = await locked.getLicenseKeys(own.productId);
    assert.deepEqual([page.items.map((key) => key.licenseKeyId), page.total, page.pageCount], [[own.id], 1, 1]);
  });

  it('GetKeys: every live key of a product once, 99 a page, in ⌈N/99⌉ requests, in id order, without license status', async () => {
    // Newly used keys join the example product until it spans three pages.
    while (liveKeys().length <= 2 * 99) h.cryptolens.appendSummary();
    for (const product of h.cryptolens.data.products) {
      h.cryptolens.clearCalls();
      const keys = liveKeys(product.id);
      const got: LicenseKeyDetails[] = [];
      const pages: number[] = [];
      for await (const page of h.client.licenseKeyPages(product.id)) {
        got.push(...page.items);
        pages.push(page.items.length);
        assert.equal(page.total, keys.length);
        assert.equal(page.pageCount, Math.ceil(keys.length / 99));
      }
      assert.deepEqual(got, keys.map((key) => expected(key, false)));
      assert.equal(h.cryptolens.calls.length, Math.ceil(keys.length / 99), `⌈${keys.length}/99⌉ requests`);
      assert.ok(pages.slice(0, -1).every((size) => size === 99));
      assert.deepEqual(h.cryptolens.calls.map((call) => call.params.page), pages.map((_, index) => String(index + 1)));
    }
    assert.ok(liveKeys().length > 99, 'the example product spans more than one page');
  });

  it('GetKeys: a page past the last is empty and ends paging', async () => {
    const pageCount = Math.ceil(liveKeys().length / 99);
    const past = await h.client.getLicenseKeys(EXAMPLE_PRODUCT_ID, pageCount + 1);
    assert.deepEqual([past.items, past.nextCursor, past.pageCount], [[], undefined, pageCount]);
    const first = await h.client.getLicenseKeys(EXAMPLE_PRODUCT_ID);
    assert.equal(first.nextCursor, '2');
  });

  it('malformed answers are ResponseFormatErrors or status errors, never license data', async () => {
    const inject = (path: string, fault: Parameters<typeof h.emulator.faults.add>[0]['fault']): void =>
      h.emulator.faults.add({ vendor: 'cryptolens', path, fault, times: 1 });
    inject('/api/key/GetKey', { kind: 'wrongShape' });
    await assert.rejects(h.client.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY), (error: unknown) => error instanceof ResponseFormatError && /unexpected response/.test(error.message));
    inject('/api/product/GetKeys', { kind: 'wrongShape' });
    await assert.rejects(h.client.getLicenseKeys(EXAMPLE_PRODUCT_ID), (error: unknown) => error instanceof ResponseFormatError && /unexpected response/.test(error.message));
    inject('/api/product/GetKeys', { kind: 'truncate' });
    await assert.rejects(h.client.getLicenseKeys(EXAMPLE_PRODUCT_ID), ResponseFormatError);
    // A gateway page on every attempt, retries included.
    h.emulator.faults.add({ vendor: 'cryptolens', path: '/api/key/GetKey', fault: { kind: 'html', status: 502 }, times: 4 });
    await assert.rejects(h.client.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY), HttpStatusError);
  });

  it("the example key's metadata is CL:model/Metadata's example, exactly", async () => {
    const raw = await h.raw('POST', '/api/key/GetKey', { token: h.cryptolens.token, ProductId: String(EXAMPLE_PRODUCT_ID), Key: EXAMPLE_KEY, Metadata: 'true' });
    assert.equal(raw.status, 200);
    const body = JSON.parse(raw.text) as { metadata: unknown; result: number; message: unknown };
    assert.equal(JSON.stringify(body.metadata), JSON.stringify(JSON.parse(METADATA_EXAMPLE_JSON)));
    assert.deepEqual([body.result, body.message], [0, null]);
    const details = await h.client.getLicenseKey(EXAMPLE_PRODUCT_ID, EXAMPLE_KEY);
    assert.deepEqual([details.activatedMachines, details.status], [3, { valid: true, invalidity: 'none', trial: false, timeLimited: false, daysLeft: 0 }]);
  });

  it("license keys have the vendor's format: its field names in its order, dates like 2015-08-27T00:00:00, block false", async () => {
    const raw = await h.raw('POST', '/api/product/GetKeys', { token: h.cryptolens.token, ProductId: String(EXAMPLE_PRODUCT_ID) });
    const body = JSON.parse(raw.text) as { licenseKeys: Array<Record<string, unknown>>; returned: number; total: number; pageCount: number };
    assert.deepEqual(Object.keys(body), ['licenseKeys', 'returned', 'total', 'pageCount', 'result', 'message']);
    // The example is a signed activation file; unsigned keys end with reseller instead of signature.
    const names = Object.keys(LICENSE_KEY_FORMAT_EXAMPLE).filter((name) => name !== 'signature');
    for (const key of body.licenseKeys) {
      assert.deepEqual(Object.keys(key), [...names, 'reseller']);
      assert.match(String(key.created), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/);
      assert.equal(key.block, false);
    }
    assert.ok(h.cryptolens.healthKeys.blocked, 'a blocked key is among them, and still says block: false');
    assert.equal(body.returned, body.licenseKeys.length);
  });
});
