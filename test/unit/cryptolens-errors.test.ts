import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpResponse } from '../../src/http/client';
import {
  AuthenticationError,
  HttpStatusError,
  NotFoundError,
  RateLimitedError,
  ResponseFormatError,
  VendorError,
} from '../../src/http/errors';
import { readResponse } from '../../src/vendors/cryptolens/errors';
import { summariesResponseSchema } from '../../src/vendors/cryptolens/schemas';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

const context = { vendor: 'cryptolens', endpoint: 'ai/GetKeyUsageSummaries' } as const;

function response(status: number, text: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, text, headers, retries: 0 };
}

function read(status: number, body: unknown, headers?: Record<string, string>): unknown {
  return readResponse(context, response(status, typeof body === 'string' ? body : JSON.stringify(body), headers), summariesResponseSchema, ['s3cret-token-value']);
}

/** A predicate for assert.rejects/throws: the error's class and the vendor's exact words. */
function vendorSaid<T extends VendorError>(type: new (...args: never[]) => T, message: string, status?: number): (error: unknown) => boolean {
  return (error) =>
    error instanceof type &&
    error.vendorMessage === message &&
    error.message === `Cryptolens ${error.endpoint}: ${message}` &&
    (status === undefined || error.status === status);
}

describe('Cryptolens errors from the emulator', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  it('a wrong token: "Access denied." as AuthenticationError (HTTP 401 with the JSON body)', async () => {
    const client = h.clientWith({ token: 'WyJ-not-a-token-the-emulator-knows' });
    await assert.rejects(client.getKeyUsageSummaries(), vendorSaid(AuthenticationError, 'Access denied.', 401));
    await assert.rejects(client.getKeyDevices(), vendorSaid(AuthenticationError, 'Access denied.', 401));
  });

  it('a token without the Usage Analytics permission: "Access denied." (HTTP 403)', async () => {
    const client = h.clientWith({ token: h.cryptolens.tokenWithoutPermission });
    await assert.rejects(client.getKeyDevices({ limit: 3 }), vendorSaid(AuthenticationError, 'Access denied.', 403));
  });

  it('an unknown product: "Could not find the product." as NotFoundError (HTTP 200, result 1)', async () => {
    const productId = Math.max(...h.cryptolens.data.products.map((product) => product.id)) + 1;
    await assert.rejects(h.client.getKeyUsageSummaries({ productId }), vendorSaid(NotFoundError, 'Could not find the product.', 200));
    await assert.rejects(h.client.getKeyDevices({ productId, key: 'AAAA-BBBB-CCCC-DDDD' }), vendorSaid(NotFoundError, 'Could not find the product.'));
  });

  it('an unknown key id or key string: "Could not find the key." as NotFoundError', async () => {
    const keys = h.cryptolens.data.keys;
    const missingId = (keys[keys.length - 1]?.id ?? 0) + 1000;
    await assert.rejects(h.client.getKeyDevices({ keyId: missingId }), vendorSaid(NotFoundError, 'Could not find the key.', 200));
    await assert.rejects(
      h.client.getKeyUsageSummaries({ productId: 3349, key: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }),
      vendorSaid(NotFoundError, 'Could not find the key.'),
    );
    const elsewhere = keys.find((key) => key.productId !== 3349);
    assert.ok(elsewhere);
    await assert.rejects(h.client.getKeyUsageSummaries({ productId: 3349, keyId: elsewhere.id }), vendorSaid(NotFoundError, 'Could not find the key.'));
  });

  it('a deleted key is still found by its id, and its rows carry no key string', async () => {
    const deleted = h.cryptolens.data.summaries.find((row) => row.key === '');
    assert.ok(deleted);
    const page = await h.client.getKeyUsageSummaries({ keyId: deleted.keyId });
    assert.deepEqual(page.items.map((row) => [row.summaryId, row.key]), [[deleted.id, undefined]]);
  });

  it('a token locked to a key sees only that key', async () => {
    const locked = h.clientWith({ token: h.cryptolens.lockedToken });
    const keyId = h.cryptolens.lockedKeyId;
    const summaries = [];
    for await (const page of locked.summaryPages({ limit: 1000 })) summaries.push(...page.items);
    assert.deepEqual(summaries.map((row) => row.licenseKeyId), [keyId]);
    const devices = [];
    for await (const page of locked.devicePages({ limit: 2 })) devices.push(...page.items);
    const expected = h.cryptolens.data.devices.filter((row) => row.keyId === keyId).map((row) => row.id);
    assert.ok(expected.length >= 2);
    assert.deepEqual(devices.map((row) => row.deviceId), expected);
    const productId = summaries[0]?.productId;
    assert.equal((await locked.getKeyDevices({ productId, keyId })).items.length, expected.length);
    const other = h.cryptolens.data.summaries.find((row) => row.keyId !== keyId);
    await assert.rejects(locked.getKeyDevices({ keyId: other?.keyId }), vendorSaid(AuthenticationError, 'Access denied.', 403));
    const otherProduct = h.cryptolens.data.products.find((product) => product.id !== productId);
    await assert.rejects(locked.getKeyUsageSummaries({ productId: otherProduct?.id }), vendorSaid(AuthenticationError, 'Access denied.'));
  });

  it('a token minted locked to the example key sees exactly the example row', async () => {
    const token = h.cryptolens.mintToken({ usageAnalytics: true, lockedKeyId: 123456 });
    const page = await h.clientWith({ token }).getKeyUsageSummaries();
    assert.deepEqual(page.items.map((row) => row.summaryId), [7]);
  });
});

describe('Cryptolens answers read whatever the status', () => {
  it('maps every documented message to its error type, from 200 or from an error status', () => {
    const cases: [string, new (...args: never[]) => VendorError][] = [
      ['Access denied.', AuthenticationError],
      ['Unable to authenticate.', AuthenticationError],
      ['Could not find the product.', NotFoundError],
      ['Could not find the key.', NotFoundError],
      ['The input parameters were incorrect.', VendorError],
      ["The 'Start' parameter has the wrong format.", VendorError],
      ["The 'End' parameter has the wrong format.", VendorError],
    ];
    for (const [message, type] of cases) {
      for (const status of [200, 400, 401, 403, 404]) {
        assert.throws(() => read(status, { result: 1, message }), vendorSaid(type, message, status), `${message} with ${status}`);
      }
    }
    // Only the exact wording maps to a special type; anything else stays a plain VendorError.
    assert.throws(() => read(200, { result: 1, message: 'Access denied for now.' }), (error: unknown) => error instanceof VendorError && !(error instanceof AuthenticationError));
  });

  it('an error envelope without a message still says something', () => {
    assert.throws(() => read(200, { result: 1, message: null }), /Cryptolens ai\/GetKeyUsageSummaries: error without a message \(result 1\)/);
  });

  it('a server fault with only {message} becomes an error carrying that message', () => {
    assert.throws(
      () => read(500, { message: 'An error has occurred.' }),
      (error: unknown) => error instanceof HttpStatusError && error.status === 500 && error.message === 'Cryptolens ai/GetKeyUsageSummaries: HTTP 500 An error has occurred.',
    );
    assert.throws(() => read(500, { Message: 'An error has occurred.' }), /HTTP 500 An error has occurred\./);
    assert.throws(() => read(200, { message: 'Something odd.' }), vendorSaid(VendorError, 'Something odd.', 200));
  });

  it('a non-JSON body names the status', () => {
    assert.throws(() => read(502, '<html><body>Bad Gateway</body></html>'), (error: unknown) => error instanceof HttpStatusError && error.status === 502 && /HTTP 502 with an HTML page/.test(error.message));
    assert.throws(() => read(500, 'Internal error'), /HTTP 500 with a body that is not JSON/);
    assert.throws(() => read(200, '<html></html>'), (error: unknown) => error instanceof ResponseFormatError && /HTTP 200 response is an HTML or XML page/.test(error.message));
    assert.throws(() => read(200, '{"summaries":[{"id":7'), (error: unknown) => error instanceof ResponseFormatError && /HTTP 200 response is not valid JSON/.test(error.message));
  });

  it('a JSON body of the wrong shape names the field', () => {
    const row = { id: 7, productId: 3349, keyId: 1, key: 'K', totalRequests: 1, totalSuccessful: 1, totalFailed: 0, firstSeenUtc: 1, lastSeenUtc: 2 };
    assert.throws(() => read(200, { result: 0, message: null, summaries: [row, { ...row, totalRequests: '5' }] }), (error: unknown) => error instanceof ResponseFormatError && /field summaries\[1\]\.totalRequests/.test(error.message));
    assert.throws(() => read(200, { result: 0, message: null }), /field summaries:/);
    assert.throws(() => read(200, { unexpected: 'shape' }), /field result:/);
    assert.throws(() => read(200, [1, 2]), /unexpected response: .*expected object/);
    assert.throws(() => read(200, { result: 0, summaries: [{ ...row, activationSuccess: 'many' }] }), /field summaries\[0\]\.activationSuccess/);
    assert.doesNotThrow(() => read(200, { result: 0, message: null, summaries: [{ ...row, extraField: true }], extra: 1 }));
  });

  it('429 becomes RateLimitedError with the wait the vendor asked for', () => {
    assert.throws(
      () => read(429, { result: 1, message: 'Slow down.' }, { 'retry-after': '30' }),
      (error: unknown) => error instanceof RateLimitedError && error.retryAfterMs === 30_000 && error.vendorMessage === 'Slow down.',
    );
    assert.throws(() => read(429, 'Too Many Requests'), (error: unknown) => error instanceof RateLimitedError && error.retryAfterMs === undefined);
  });

  it('vendor text that echoes the token is redacted, stripped of control characters and capped', () => {
    assert.throws(() => read(200, { result: 1, message: 'Token s3cret-token-value\u0000 is not valid.' }), (error: unknown) => error instanceof VendorError && error.message.endsWith('Token [redacted]  is not valid.'));
    assert.throws(() => read(500, { message: 'x'.repeat(5000) }), (error: unknown) => error instanceof Error && error.message.length < 400);
  });
});
