import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeviceUsage, LicenseKeySummary } from '../../src/vendors/model';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

// Copied from the seed pages' "Example results", character for character.
const SUMMARIES_EXAMPLE =
  '{"summaries":[{"id":7,"productId":3349,"keyId":123456,"key":"AAAA-BBBB-CCCC-DDDD","totalRequests":320,"totalSuccessful":300,"totalFailed":20,"firstSeenUtc":1748131200,"lastSeenUtc":1748217600}],"result":0,"message":null}';
const DEVICES_EXAMPLE =
  '{"devices":[{"id":9,"productId":3349,"keyId":123456,"key":"AAAA-BBBB-CCCC-DDDD","machineCode":"MACHINE-1","firstSeenUtc":1748131200,"lastSeenUtc":1748217600,"totalRequests":25}],"result":0,"message":null}';

describe('Cryptolens seed-page examples', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  it('GetKeyUsageSummaries answers the example request with exactly the example text', async () => {
    const token = h.cryptolens.token;
    const requests: Record<string, string>[] = [
      { ProductId: '3349', Key: 'AAAA-BBBB-CCCC-DDDD' },
      { KeyId: '123456' },
      { ProductId: '3349', KeyId: '123456', Key: 'AAAA-BBBB-CCCC-DDDD' },
      { Limit: '1' },
    ];
    for (const params of requests) {
      const answer = await h.raw('POST', '/api/ai/GetKeyUsageSummaries', { ...params, token });
      assert.deepEqual([answer.status, answer.text], [200, SUMMARIES_EXAMPLE], JSON.stringify(params));
    }
  });

  it('GetKeyDevices answers the example request with exactly the example text', async () => {
    const token = h.cryptolens.token;
    const requests: Record<string, string>[] = [
      { KeyId: '123456' },
      { ProductId: '3349', Key: 'AAAA-BBBB-CCCC-DDDD', MachineCode: 'machine-1' },
      { Limit: '1' },
    ];
    for (const params of requests) {
      const answer = await h.raw('GET', '/api/ai/GetKeyDevices', { ...params, token });
      assert.deepEqual([answer.status, answer.text], [200, DEVICES_EXAMPLE], JSON.stringify(params));
    }
  });

  it('the client reads the summary example into the model', async () => {
    const page = await h.client.getKeyUsageSummaries({ productId: 3349, key: 'AAAA-BBBB-CCCC-DDDD' });
    const expected: LicenseKeySummary = {
      vendor: 'cryptolens',
      summaryId: 7,
      productId: 3349,
      licenseKeyId: 123456,
      keyId: '123456',
      scopeId: '3349',
      key: 'AAAA-BBBB-CCCC-DDDD',
      totalRequests: 320,
      successful: 300,
      failed: 20,
      firstSeen: Date.UTC(2025, 4, 25),
      lastSeen: Date.UTC(2025, 4, 26),
      counters: {},
    };
    assert.deepEqual(page, { items: [expected], direction: 'forward' });
  });

  it('the client reads the device example into the model', async () => {
    const page = await h.client.getKeyDevices({ keyId: 123456, machineCode: ' Machine-1 ' });
    const expected: DeviceUsage = {
      vendor: 'cryptolens',
      deviceId: 9,
      productId: 3349,
      keyId: '123456',
      key: 'AAAA-BBBB-CCCC-DDDD',
      machineCode: 'MACHINE-1',
      totalRequests: 25,
      firstSeen: 1748131200000,
      lastSeen: 1748217600000,
    };
    assert.deepEqual(page, { items: [expected], direction: 'forward' });
  });
});
