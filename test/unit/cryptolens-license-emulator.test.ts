// The emulation of key/GetKey and product/GetKeys itself, by raw requests: permissions, parameters
// (names in any case, form or query), metadata only when asked for, floating seats, ordering, and the
// two things it refuses to pretend (signing, search queries).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EXAMPLE_KEY, EXAMPLE_PRODUCT_ID } from '../emulator/cryptolens/examples';
import { KEY_LOCKED, SEARCH_NOT_EMULATED, SIGNING_NOT_EMULATED } from '../emulator/cryptolens/license-handlers';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

describe('Cryptolens license-key emulation', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  const call = async (path: string, params: Record<string, string>, method: 'GET' | 'POST' = 'POST'): Promise<Answer> => {
    const raw = await h.raw(method, path, { token: h.cryptolens.token, ...params });
    return { status: raw.status, body: JSON.parse(raw.text) as Record<string, unknown> };
  };
  const getKey = (params: Record<string, string>, method?: 'GET' | 'POST'): Promise<Answer> =>
    call('/api/key/GetKey', { ProductId: String(EXAMPLE_PRODUCT_ID), Key: EXAMPLE_KEY, ...params }, method);
  const failed = (answer: Answer, message: string, status = 200): void => {
    assert.deepEqual([answer.status, answer.body], [status, { result: 1, message }]);
  };

  it('without the method on the token: "Access denied." (403); no token: "Unable to authenticate." (401)', async () => {
    const denied = await h.raw('POST', '/api/key/GetKey', { token: h.cryptolens.tokenWithoutKeyPermissions, ProductId: String(EXAMPLE_PRODUCT_ID), Key: EXAMPLE_KEY });
    failed({ status: denied.status, body: JSON.parse(denied.text) as Record<string, unknown> }, 'Access denied.', 403);
    const listing = await h.raw('POST', '/api/product/GetKeys', { token: h.cryptolens.tokenWithoutKeyPermissions, ProductId: String(EXAMPLE_PRODUCT_ID) });
    assert.equal(listing.status, 403);
    const anonymous = await h.raw('POST', '/api/product/GetKeys', { ProductId: String(EXAMPLE_PRODUCT_ID) });
    assert.equal(anonymous.status, 401);
  });

  it('GetKey: ProductId and Key are required; names are case-insensitive, GET and query strings work too', async () => {
    failed(await call('/api/key/GetKey', { Key: EXAMPLE_KEY }), 'The input parameters were incorrect.');
    failed(await call('/api/key/GetKey', { ProductId: String(EXAMPLE_PRODUCT_ID) }), 'The input parameters were incorrect.');
    failed(await getKey({ ProductId: 'abc' }), 'The input parameters were incorrect.');
    failed(await getKey({ Metadata: 'yes' }), 'The input parameters were incorrect.');
    const lower = await call('/api/KEY/getkey', { productid: String(EXAMPLE_PRODUCT_ID), key: EXAMPLE_KEY, metadata: 'TRUE' }, 'GET');
    assert.equal(lower.status, 200);
    assert.ok('metadata' in lower.body);
  });

  it('GetKey: metadata only with Metadata=true; usedFloatingMachines only with a FloatingTimeInterval', async () => {
    const plain = await getKey({});
    assert.deepEqual(Object.keys(plain.body), ['licenseKey', 'result', 'message']);
    assert.deepEqual(Object.keys((await getKey({ Metadata: 'false' })).body), ['licenseKey', 'result', 'message']);
    const floating = await getKey({ Metadata: 'true', FloatingTimeInterval: String(10 * 365 * 86_400) });
    const metadata = floating.body.metadata as { activatedMachines: number; usedFloatingMachines: number };
    assert.equal(metadata.usedFloatingMachines, metadata.activatedMachines, 'all machines activated within ten years');
    const none = await getKey({ Metadata: 'true', FloatingTimeInterval: '1' });
    assert.equal((none.body.metadata as { usedFloatingMachines: number }).usedFloatingMachines, 0);
  });

  it('GetKey: signing is not emulated, and says so', async () => {
    failed(await getKey({ Sign: 'true' }), SIGNING_NOT_EMULATED);
    failed(await getKey({ SignMethod: '1' }), SIGNING_NOT_EMULATED);
    assert.equal((await getKey({ Sign: 'false', SignMethod: '0', FieldsToReturn: '0', ModelVersion: '3', v: '1' })).status, 200);
  });

  it('GetKey: a key-locked token asking for another key', async () => {
    const raw = await h.raw('POST', '/api/key/GetKey', { token: h.cryptolens.lockedToken, ProductId: String(EXAMPLE_PRODUCT_ID), Key: EXAMPLE_KEY });
    assert.deepEqual(JSON.parse(raw.text), { result: 1, message: KEY_LOCKED });
  });

  it('GetKeys: Page from 1; OrderBy "Field [ascending|descending]"; SearchQuery refused as not emulated', async () => {
    failed(await call('/api/product/GetKeys', { ProductId: String(EXAMPLE_PRODUCT_ID), Page: '0' }), 'The input parameters were incorrect.');
    failed(await call('/api/product/GetKeys', {}), 'The input parameters were incorrect.');
    failed(await call('/api/product/GetKeys', { ProductId: String(EXAMPLE_PRODUCT_ID), OrderBy: 'Colour' }), 'The input parameters were incorrect.');
    failed(await call('/api/product/GetKeys', { ProductId: String(EXAMPLE_PRODUCT_ID), SearchQuery: 'Block == true' }), SEARCH_NOT_EMULATED);
    failed(await call('/api/product/GetKeys', { ProductId: '1' }), 'Could not find the product.');
    const byExpiry = await call('/api/product/GetKeys', { ProductId: String(EXAMPLE_PRODUCT_ID), OrderBy: 'Expires descending' });
    const expires = (byExpiry.body.licenseKeys as Array<{ expires: string }>).map((key) => key.expires);
    assert.deepEqual(expires, [...expires].sort().reverse());
    const byId = await call('/api/product/GetKeys', { ProductId: String(EXAMPLE_PRODUCT_ID), OrderBy: 'id' });
    const ids = (byId.body.licenseKeys as Array<{ id: number }>).map((key) => key.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  });

  it('license status follows the product feature definitions: F1 time-limits keys of the first two products only', () => {
    const { licenses, data } = h.cryptolens;
    const [first, second, third] = data.products;
    assert.deepEqual([licenses.features.get(first?.id ?? 0), licenses.features.get(second?.id ?? 0), licenses.features.get(third?.id ?? 0)], [
      { timeLimited: 1, trial: 2 },
      { timeLimited: 1 },
      {},
    ]);
    for (const key of data.keys.filter((candidate) => !candidate.deleted)) {
      const record = licenses.get(key);
      const status = licenses.status(record);
      const limited = key.productId !== third?.id && record.features[0] === true;
      assert.equal(status.timeLimited, limited);
      if (record.blocked) assert.equal(status.reasonForInvalidity, 2);
      else if (limited && record.expires <= licenses.now) assert.equal(status.reasonForInvalidity, 1);
      else assert.deepEqual([status.isValid, status.reasonForInvalidity], [true, 0]);
    }
  });
});
