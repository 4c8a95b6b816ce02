// License-key answers the emulator never gives, over real HTTP from a server that answers with
// exactly the given body, through the real Cryptolens client: the list under either name the GetKeys
// page revisions use, masked fields, null metadata, undocumented invalidity codes, and broken fields.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../src/http/client';
import { ResponseFormatError } from '../../src/http/errors';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import { LICENSE_KEY_FORMAT_EXAMPLE } from '../emulator/cryptolens/license-examples';
import { testHttpOptions } from './test-http';

const EXAMPLE = { ...LICENSE_KEY_FORMAT_EXAMPLE } as Record<string, unknown>;

describe('Cryptolens license-key answers in every shape the vendor may send', () => {
  let server: Server;
  let http: HttpClient;
  let client: CryptolensClient;
  let body: unknown;

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = new HttpClient(testHttpOptions());
    client = new CryptolensClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, token: 'WyJ0ZXN0Il0=', http });
  });
  after(async () => {
    await http.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const getKey = (licenseKey: unknown, metadata?: unknown): ReturnType<CryptolensClient['getLicenseKey']> => {
    body = { licenseKey, ...(metadata === undefined ? {} : { metadata }), result: 0, message: null };
    return client.getLicenseKey(3349, 'MTMPW-VZERP-JZVNZ-SCPZM');
  };

  it("reads the vendor's own example license key (signed activation file fields pass)", async () => {
    assert.deepEqual(await getKey(EXAMPLE), {
      vendor: 'cryptolens',
      productId: 3349,
      licenseKeyId: 2,
      key: 'MTMPW-VZERP-JZVNZ-SCPZM',
      createdAt: Date.UTC(2015, 7, 27),
      expiresAt: Date.UTC(2016, 6, 27),
      periodDays: 30,
      features: [true, false, false, true, false, false, false, false],
      blockFlag: false,
      activatedMachines: 1,
      maxMachines: 4,
      trialActivation: true,
    });
  });

  it('metadata: its seat count wins over the listed machines; null metadata or status means no status', async () => {
    const status = { isValid: false, reasonForInvalidity: 2, trial: false, timeLimited: true, timeLeft: 0 };
    const read = await getKey(EXAMPLE, { activatedMachines: 3, licenseStatus: status });
    assert.equal(read.activatedMachines, 3);
    assert.deepEqual(read.status, { valid: false, invalidity: 'blocked', trial: false, timeLimited: true, daysLeft: 0 });
    assert.equal((await getKey(EXAMPLE, { activatedMachines: 1, licenseStatus: { ...status, reasonForInvalidity: 1 } })).status?.invalidity, 'expired');
    assert.equal((await getKey(EXAMPLE, { activatedMachines: 1, licenseStatus: { ...status, reasonForInvalidity: 7 } })).status?.invalidity, 'none', 'an undocumented code');
    assert.equal((await getKey(EXAMPLE, null)).status, undefined);
    assert.equal((await getKey(EXAMPLE, { activatedMachines: 2, licenseStatus: null })).status, undefined);
  });

  it('fields a feature lock may mask are optional; maxNoOfMachines is not', async () => {
    const masked = { productId: 3349, id: 2, key: 'MTMPW-VZERP-JZVNZ-SCPZM', maxNoOfMachines: 0, activatedMachines: null, customer: null };
    assert.deepEqual(await getKey(masked), {
      vendor: 'cryptolens',
      productId: 3349,
      licenseKeyId: 2,
      key: 'MTMPW-VZERP-JZVNZ-SCPZM',
      periodDays: 0,
      features: [false, false, false, false, false, false, false, false],
      blockFlag: false,
      activatedMachines: 0,
      maxMachines: 0,
      trialActivation: false,
    });
    const { maxNoOfMachines: _dropped, ...withoutMax } = EXAMPLE;
    await assert.rejects(getKey(withoutMax), (error: unknown) => error instanceof ResponseFormatError && /licenseKey\.maxNoOfMachines/.test(error.message));
  });

  it('broken fields fail with their path', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...EXAMPLE, expires: '2016-07-27' }, /licenseKey\.expires: expected a date like/],
      [{ ...EXAMPLE, created: 1440633600 }, /licenseKey\.created/],
      [{ ...EXAMPLE, maxNoOfMachines: -1 }, /licenseKey\.maxNoOfMachines/],
      [{ ...EXAMPLE, activatedMachines: [{ ip: '1.2.3.4' }] }, /licenseKey\.activatedMachines\[0\]\.mid/],
      [{ ...EXAMPLE, id: 'two' }, /licenseKey\.id/],
    ];
    for (const [licenseKey, field] of cases) {
      await assert.rejects(getKey(licenseKey), (error: unknown) => error instanceof ResponseFormatError && field.test(error.message), field.source);
    }
    await assert.rejects(getKey(EXAMPLE, { activatedMachines: 1, licenseStatus: { isValid: 'yes' } }), (error: unknown) => error instanceof ResponseFormatError && /metadata\.licenseStatus\.isValid/.test(error.message));
  });

  it('GetKeys: the list is read under licenseKeys or licenseKey (page revisions disagree); over 99 keys a page is refused', async () => {
    body = { licenseKeys: [EXAMPLE], returned: 1, total: 1, pageCount: 1, result: 0, message: null };
    assert.equal((await client.getLicenseKeys(3349)).items[0]?.key, 'MTMPW-VZERP-JZVNZ-SCPZM');
    body = { licenseKey: [EXAMPLE], returned: 1, total: 1, pageCount: 1, result: 0, message: null };
    assert.equal((await client.getLicenseKeys(3349)).items[0]?.key, 'MTMPW-VZERP-JZVNZ-SCPZM');
    body = { licenseKeys: [{ ...EXAMPLE, expires: 'soon' }], returned: 1, total: 1, pageCount: 1, result: 0, message: null };
    await assert.rejects(client.getLicenseKeys(3349), (error: unknown) => error instanceof ResponseFormatError && /licenseKeys\[0\]\.expires/.test(error.message));
    body = { licenseKeys: Array.from({ length: 100 }, () => EXAMPLE), returned: 100, total: 100, pageCount: 1, result: 0, message: null };
    await assert.rejects(client.getLicenseKeys(3349), (error: unknown) => error instanceof ResponseFormatError && /more than 99/.test(error.message));
  });

  it('GetKeys paging ends even when pageCount keeps growing or a page is empty', async () => {
    body = { licenseKeys: [EXAMPLE], returned: 1, total: 5, pageCount: 3, result: 0, message: null };
    let pages = 0;
    for await (const page of client.licenseKeyPages(3349)) {
      pages += 1;
      body = { ...(body as object), pageCount: 3 + pages * 10 };
      assert.ok(page.items.length === 1);
    }
    assert.equal(pages, 3, "bounded by the first page's pageCount");
    body = { licenseKeys: [], returned: 0, total: 5, pageCount: 3, result: 0, message: null };
    const empty = await client.getLicenseKeys(3349);
    assert.equal(empty.nextCursor, undefined);
  });
});
