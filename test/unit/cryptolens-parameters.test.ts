import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidRequestError, NotFoundError } from '../../src/http/errors';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import type { DeviceQuery, SummaryQuery } from '../../src/vendors/cryptolens/query';
import type { DeviceUsage, LicenseKeySummary } from '../../src/vendors/model';
import type { DeviceRow, SummaryRow } from '../emulator/cryptolens/data';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

const DAY = 86_400;

describe('Cryptolens client parameters', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  const summaries = (): SummaryRow[] => h.cryptolens.data.summaries;
  const devices = (): DeviceRow[] => h.cryptolens.data.devices;
  const lastCall = (): Record<string, string> => {
    const call = h.cryptolens.calls[h.cryptolens.calls.length - 1];
    assert.ok(call, 'the emulator saw a request');
    return call.params;
  };
  async function allSummaries(query: SummaryQuery): Promise<LicenseKeySummary[]> {
    const out: LicenseKeySummary[] = [];
    for await (const page of h.client.summaryPages({ limit: 1000, ...query })) out.push(...page.items);
    return out;
  }
  async function allDevices(query: DeviceQuery): Promise<DeviceUsage[]> {
    const out: DeviceUsage[] = [];
    for await (const page of h.client.devicePages({ limit: 1000, ...query })) out.push(...page.items);
    return out;
  }
  async function rejectedBeforeSending(call: () => Promise<unknown>, name: RegExp): Promise<void> {
    const before = h.requestCount();
    await assert.rejects(call, (error: unknown) => error instanceof InvalidRequestError && name.test(error.message));
    assert.equal(h.requestCount(), before, 'nothing reached the emulator');
  }

  it('sends a POST form with the token in the body and nothing in the query string', async () => {
    await h.client.getKeyUsageSummaries({ limit: 5 });
    const call = h.cryptolens.calls[h.cryptolens.calls.length - 1];
    assert.ok(call);
    assert.equal(call.method, 'POST');
    assert.equal(call.path, '/api/ai/GetKeyUsageSummaries');
    assert.match(call.contentType ?? '', /^application\/x-www-form-urlencoded/);
    assert.deepEqual(call.queryNames, []);
    assert.deepEqual([...call.bodyNames].sort(), ['Limit', 'token']);
  });

  it('accepts a base URL without its trailing slash', async () => {
    const client = new CryptolensClient({ baseUrl: h.baseUrl.replace(/\/$/, ''), token: h.cryptolens.token, http: h.http });
    const page = await client.getKeyDevices({ limit: 1 });
    assert.equal(h.cryptolens.calls[h.cryptolens.calls.length - 1]?.path, '/api/ai/GetKeyDevices');
    assert.deepEqual(page.items.map((row) => row.deviceId), [devices()[0]?.id]);
  });

  it('sends no Limit when none is given and gets the vendor default of 100 rows', async () => {
    const page = await h.client.getKeyUsageSummaries();
    assert.equal('limit' in lastCall(), false);
    assert.deepEqual(page.items.map((row) => row.summaryId), summaries().slice(0, 100).map((row) => row.id));
    assert.equal(page.nextCursor, String(summaries()[99]?.id));
  });

  it('Limit sets the page size, up to 1000', async () => {
    const seven = await h.client.getKeyUsageSummaries({ limit: 7 });
    assert.equal(lastCall().limit, '7');
    assert.deepEqual(seven.items.map((row) => row.summaryId), summaries().slice(0, 7).map((row) => row.id));
    const most = await h.client.getKeyDevices({ limit: 1000 });
    assert.equal(most.items.length, Math.min(1000, devices().length));
    assert.equal(most.nextCursor, devices().length >= 1000 ? String(devices()[999]?.id) : undefined);
  });

  it('refuses a Limit outside 1..1000 before sending', async () => {
    for (const limit of [0, -1, 1001, 2.5, Number.NaN]) {
      await rejectedBeforeSending(() => h.client.getKeyUsageSummaries({ limit }), /limit must be an integer from 1 to 1000/);
      await rejectedBeforeSending(() => h.client.getKeyDevices({ limit }), /limit/);
    }
  });

  it('StartingAfter returns the rows after the cursor, ascending', async () => {
    const cursor = summaries()[40]?.id ?? 0;
    const page = await h.client.getKeyUsageSummaries({ startingAfter: cursor, limit: 10 });
    assert.equal(lastCall().startingafter, String(cursor));
    assert.deepEqual(page.items.map((row) => row.summaryId), summaries().slice(41, 51).map((row) => row.id));
    assert.equal(page.direction, 'forward');
  });

  it('EndingBefore returns the rows before the cursor, descending', async () => {
    const cursor = devices()[40]?.id ?? 0;
    const page = await h.client.getKeyDevices({ endingBefore: String(cursor), limit: 10 });
    assert.equal(lastCall().endingbefore, String(cursor));
    assert.deepEqual(page.items.map((row) => row.deviceId), devices().slice(30, 40).map((row) => row.id).reverse());
    assert.equal(page.direction, 'backward');
  });

  it('with both cursors EndingBefore wins, as at the vendor', async () => {
    const [low, high] = [summaries()[10]?.id ?? 0, summaries()[20]?.id ?? 0];
    const page = await h.client.getKeyUsageSummaries({ startingAfter: low, endingBefore: high, limit: 5 });
    assert.equal(lastCall().startingafter, String(low));
    assert.equal(lastCall().endingbefore, String(high));
    assert.deepEqual(page.items.map((row) => row.summaryId), summaries().slice(15, 20).map((row) => row.id).reverse());
  });

  it('refuses malformed cursors and ids before sending', async () => {
    await rejectedBeforeSending(() => h.client.getKeyUsageSummaries({ startingAfter: 'abc' }), /startingAfter/);
    await rejectedBeforeSending(() => h.client.getKeyDevices({ endingBefore: -5 }), /endingBefore/);
    await rejectedBeforeSending(() => h.client.getKeyDevices({ productId: 0 }), /productId/);
    await rejectedBeforeSending(() => h.client.getKeyDevices({ keyId: 1.5 }), /keyId/);
    await rejectedBeforeSending(() => h.client.getKeyDevices({ v: 0 }), /\bv must/);
  });

  it('ProductId keeps one product', async () => {
    const productId = h.cryptolens.data.products[1]?.id ?? 0;
    const got = await allSummaries({ productId });
    assert.equal(lastCall().productid, String(productId));
    assert.deepEqual(got.map((row) => row.summaryId), summaries().filter((row) => row.productId === productId).map((row) => row.id));
    const gotDevices = await allDevices({ productId });
    assert.deepEqual(gotDevices.map((row) => row.deviceId), devices().filter((row) => row.productId === productId).map((row) => row.id));
  });

  it('KeyId keeps one license key', async () => {
    const keyId = h.cryptolens.lockedKeyId;
    const got = await h.client.getKeyUsageSummaries({ keyId });
    assert.equal(lastCall().keyid, String(keyId));
    assert.deepEqual(got.items.map((row) => row.summaryId), summaries().filter((row) => row.keyId === keyId).map((row) => row.id));
    const gotDevices = await allDevices({ keyId });
    const expected = devices().filter((row) => row.keyId === keyId);
    assert.ok(expected.length >= 2);
    assert.deepEqual(gotDevices.map((row) => row.deviceId), expected.map((row) => row.id));
  });

  it('Key with ProductId finds the key by its string, alone or with the matching KeyId', async () => {
    const row = summaries().find((summary) => summary.key !== '' && summary.id > 100);
    assert.ok(row);
    const byKey = await h.client.getKeyUsageSummaries({ productId: row.productId, key: row.key });
    assert.equal(lastCall().key, row.key);
    assert.deepEqual(byKey.items.map((item) => item.summaryId), [row.id]);
    const both = await h.client.getKeyUsageSummaries({ productId: row.productId, key: row.key, keyId: row.keyId });
    assert.deepEqual(both.items.map((item) => item.summaryId), [row.id]);
    const otherKeyId = summaries().find((summary) => summary.keyId !== row.keyId)?.keyId;
    await assert.rejects(
      h.client.getKeyUsageSummaries({ productId: row.productId, key: row.key, keyId: otherKeyId }),
      (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the key.',
    );
  });

  it('refuses Key without ProductId, or an empty Key, before sending', async () => {
    const key = summaries().find((summary) => summary.key !== '')?.key ?? 'X';
    await rejectedBeforeSending(() => h.client.getKeyUsageSummaries({ key }), /key requires productId/);
    await rejectedBeforeSending(() => h.client.getKeyDevices({ key, keyId: 123456 }), /key requires productId/);
    await rejectedBeforeSending(() => h.client.getKeyDevices({ key: '  ', productId: 3349 }), /key must be/);
  });

  it('Start keeps rows last seen on or after that UTC day', async () => {
    const startSec = dayOf(sortedMedian(summaries().map((row) => row.lastSeenUtc)));
    const start = isoDay(startSec);
    const got = await allSummaries({ start });
    assert.equal(lastCall().start, start);
    const expected = summaries().filter((row) => row.lastSeenUtc >= startSec);
    assert.ok(expected.length > 0 && expected.length < summaries().length);
    assert.deepEqual(got.map((row) => row.summaryId), expected.map((row) => row.id));
    const gotDevices = await allDevices({ start: new Date(startSec * 1000 + 5 * 3_600_000) });
    assert.equal(lastCall().start, start, 'a Date is sent as its UTC day');
    assert.deepEqual(gotDevices.map((row) => row.deviceId), devices().filter((row) => row.lastSeenUtc >= startSec).map((row) => row.id));
  });

  it('End keeps rows first seen before the end of that UTC day', async () => {
    const endSec = dayOf(sortedMedian(devices().map((row) => row.firstSeenUtc)));
    const end = isoDay(endSec);
    const got = await allDevices({ end });
    assert.equal(lastCall().end, end);
    const expected = devices().filter((row) => row.firstSeenUtc < endSec + DAY);
    assert.ok(expected.length > 0 && expected.length < devices().length);
    assert.deepEqual(got.map((row) => row.deviceId), expected.map((row) => row.id));
    const gotSummaries = await allSummaries({ end: new Date(endSec * 1000) });
    assert.deepEqual(gotSummaries.map((row) => row.summaryId), summaries().filter((row) => row.firstSeenUtc < endSec + DAY).map((row) => row.id));
  });

  it('refuses Start and End that are not real yyyy-MM-dd dates, before sending', async () => {
    for (const bad of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-1-05', '2025/01/05', '05-01-2025', '', '0000-01-01']) {
      await rejectedBeforeSending(() => h.client.getKeyUsageSummaries({ start: bad }), /start must be a real date written yyyy-MM-dd/);
      await rejectedBeforeSending(() => h.client.getKeyDevices({ end: bad }), /end must be a real date/);
    }
    await rejectedBeforeSending(() => h.client.getKeyDevices({ start: new Date('not a date') }), /start is not a valid date/);
    await h.client.getKeyUsageSummaries({ start: '2024-02-29', end: '2025-12-31', limit: 1 });
    assert.equal(lastCall().start, '2024-02-29');
  });

  it('v is sent as given and answered as version 1', async () => {
    const plain = await h.client.getKeyDevices({ limit: 20 });
    const versioned = await h.client.getKeyDevices({ limit: 20, v: 1 });
    assert.equal(lastCall().v, '1');
    assert.deepEqual(versioned, plain);
  });

  it('filters combine', async () => {
    const device = devices()[devices().length - 3];
    assert.ok(device);
    const day = isoDay(dayOf(device.firstSeenUtc));
    const got = await allDevices({
      productId: device.productId,
      keyId: device.keyId,
      machineCode: device.machineCode.toLowerCase(),
      start: isoDay(dayOf(device.lastSeenUtc)),
      end: day,
    });
    assert.deepEqual(got.map((row) => row.deviceId), [device.id]);
  });
});

function dayOf(seconds: number): number {
  return seconds - (seconds % DAY);
}

function isoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function sortedMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
