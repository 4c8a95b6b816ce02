// ai/GetDailyAggregates: the real client over real HTTP against the emulator — every parameter, the
// default and maximum Limit, both cursor directions, refusals and errors, and the roll-up: the rows add
// up to the summaries and agree with the Web API log, day by day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthenticationError, InvalidRequestError, NotFoundError } from '../../src/http/errors';
import { dailySeries } from '../../src/vendors/cryptolens/daily-series';
import { customDayRange, presetDayRange } from '../../src/vendors/cryptolens/day-range';
import type { DailyAggregateQuery } from '../../src/vendors/cryptolens/daily-aggregates-query';
import type { DailyUsage } from '../../src/vendors/model-activity';
import type { DailyAggregateRow } from '../emulator/cryptolens/daily-aggregates-seed';
import { startCryptolensHarness, TEST_NOW, type CryptolensHarness } from './cryptolens-harness';

const DAY = 86_400;

describe('Cryptolens daily aggregates', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  const rows = (): DailyAggregateRow[] => h.cryptolens.activity.aggregates;
  const ids = (list: readonly { id: number }[]): number[] => list.map((row) => row.id);
  const lastParams = (): Record<string, string> => h.cryptolens.calls[h.cryptolens.calls.length - 1]?.params ?? {};
  async function all(query: DailyAggregateQuery): Promise<{ items: DailyUsage[]; requests: number }> {
    const before = h.requestCount();
    const items: DailyUsage[] = [];
    for await (const page of h.client.dailyAggregatePages(query)) items.push(...page.items);
    return { items, requests: h.requestCount() - before };
  }
  async function refusedBeforeSending(query: DailyAggregateQuery, message: RegExp): Promise<void> {
    const before = h.requestCount();
    await assert.rejects(h.client.getDailyAggregates(query), (error: unknown) => error instanceof InvalidRequestError && message.test(error.message));
    assert.equal(h.requestCount(), before, 'nothing was sent');
  }

  it('maps a row to the model: the vendor fields, the UTC day in ms', async () => {
    const first = rows()[0];
    assert.ok(first);
    const page = await h.client.getDailyAggregates({ limit: 1 });
    assert.deepEqual(page.items, [
      {
        vendor: 'cryptolens',
        aggregateId: first.id,
        productId: first.productId,
        date: first.date,
        day: Date.parse(`${first.date}T00:00:00Z`),
        total: first.totalRequestsLogged,
        successful: first.successful,
        failed: first.failed,
        activeKeys: first.activeKeys,
        activeDevices: first.activeDevices,
        activeCustomers: first.activeCustomers,
      },
    ]);
    assert.equal(page.nextCursor, String(first.id));
  });

  it('without Limit sends none and gets the default 100 rows; at most 1000 are asked for', async () => {
    assert.ok(rows().length > 1000, 'the seed holds more than one full page');
    const page = await h.client.getDailyAggregates();
    assert.equal(lastParams().limit, undefined);
    assert.deepEqual(page.items.map((row) => row.aggregateId), ids(rows().slice(0, 100)));
    const full = await h.client.getDailyAggregates({ limit: 1000 });
    assert.equal(full.items.length, 1000);
    await refusedBeforeSending({ limit: 1001 }, /limit must be an integer from 1 to 1000: 1001/);
    await refusedBeforeSending({ limit: 0 }, /limit must be an integer from 1 to 1000: 0/);
    await refusedBeforeSending({ limit: 2.5 }, /limit/);
  });

  it('the emulator refuses a Limit beyond 1000 or below 1 as the vendor words it', async () => {
    const cases: Record<string, string>[] = [{ Limit: '1001' }, { Limit: '0' }, { Limit: '-3' }, { Limit: 'ten' }, { ProductId: 'abc' }, { StartingAfter: '2147483648' }];
    for (const params of cases) {
      const answer = await h.raw('POST', '/api/ai/GetDailyAggregates', { token: h.cryptolens.token, ...params });
      assert.deepEqual(JSON.parse(answer.text), { result: 1, message: 'The input parameters were incorrect.' }, JSON.stringify(params));
    }
  });

  it('pages forward through every row once, ascending, with the fewest requests', async () => {
    const { items, requests } = await all({ limit: 250 });
    assert.deepEqual(items.map((row) => row.aggregateId), ids(rows()));
    assert.equal(requests, Math.floor(rows().length / 250) + 1);
  });

  it('pages backward from the newest row, descending', async () => {
    const { items } = await all({ limit: 300, direction: 'backward' });
    assert.deepEqual(items.map((row) => row.aggregateId), ids(rows()).reverse());
    const middle = rows()[500]?.id ?? 0;
    const page = await h.client.getDailyAggregates({ endingBefore: middle, limit: 3 });
    assert.deepEqual(page.items.map((row) => row.aggregateId), ids(rows().slice(497, 500)).reverse());
    assert.equal(lastParams().endingbefore, String(middle));
  });

  it('when both cursors are sent, EndingBefore wins', async () => {
    const low = rows()[10]?.id ?? 0;
    const high = rows()[20]?.id ?? 0;
    const page = await h.client.getDailyAggregates({ startingAfter: low, endingBefore: high, limit: 5 });
    assert.deepEqual(page.items.map((row) => row.aggregateId), ids(rows().slice(15, 20)).reverse());
    const raw = JSON.parse((await h.raw('POST', '/api/ai/GetDailyAggregates', { token: h.cryptolens.token, StartingAfter: String(high), EndingBefore: String(low), Limit: '3' })).text) as { aggregates: DailyAggregateRow[] };
    assert.deepEqual(ids(raw.aggregates), ids(rows().slice(7, 10)).reverse());
  });

  it('ProductId keeps one product; an unknown product is "Could not find the product."', async () => {
    const productId = h.cryptolens.data.products[1]?.id ?? 0;
    const { items } = await all({ productId, limit: 1000 });
    assert.deepEqual(items.map((row) => row.aggregateId), ids(rows().filter((row) => row.productId === productId)));
    await assert.rejects(h.client.getDailyAggregates({ productId: 1 }), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the product.');
  });

  it('Start and End are both inclusive, on the row date', async () => {
    const start = rows()[200]?.date ?? '';
    const end = rows()[260]?.date ?? '';
    const { items } = await all({ start, end, limit: 1000 });
    const expected = rows().filter((row) => row.date >= start && row.date <= end);
    assert.deepEqual(items.map((row) => row.aggregateId), ids(expected));
    assert.equal(items[0]?.date, start);
    assert.equal(items[items.length - 1]?.date, end);
    assert.deepEqual(lastParams(), { limit: '1000', start, end });
    const single = await all({ start, end: start });
    assert.ok(single.items.length > 0 && single.items.every((row) => row.date === start));
    const fromDate = await h.client.getDailyAggregates({ start: new Date(`${start}T23:59:59Z`), end: new Date(`${start}T00:00:00Z`) });
    assert.deepEqual(fromDate.items, single.items);
  });

  it('refuses bad dates and an empty range before sending, naming what is wrong', async () => {
    await refusedBeforeSending({ start: '2025-02-30' }, /start must be a real date written yyyy-MM-dd: "2025-02-30"/);
    await refusedBeforeSending({ end: '01/03/2025' }, /end must be a real date written yyyy-MM-dd: "01\/03\/2025"/);
    await refusedBeforeSending({ start: new Date(Number.NaN) }, /start is not a valid date/);
    await refusedBeforeSending({ start: '2025-03-02', end: '2025-03-01' }, /start 2025-03-02 is after end 2025-03-01/);
    await refusedBeforeSending({ productId: 0 }, /productId must be an integer/);
    await refusedBeforeSending({ startingAfter: -1 }, /startingAfter/);
  });

  it('the emulator answers a malformed Start or End with the documented message, Start first', async () => {
    const say = async (params: Record<string, string>): Promise<unknown> =>
      JSON.parse((await h.raw('POST', '/api/ai/GetDailyAggregates', { token: h.cryptolens.token, ...params })).text) as unknown;
    assert.deepEqual(await say({ Start: '2025-13-01' }), { result: 1, message: "The 'Start' parameter has the wrong format." });
    assert.deepEqual(await say({ End: '2025-1-1' }), { result: 1, message: "The 'End' parameter has the wrong format." });
    assert.deepEqual(await say({ Start: 'x', End: 'y' }), { result: 1, message: "The 'Start' parameter has the wrong format." });
    assert.deepEqual(await say({ Start: '2025-03-02', End: '2025-03-01' }), { aggregates: [], result: 0, message: null });
  });

  it('a token without Usage Analytics, an unknown token and a key-locked token are refused', async () => {
    const denied = (status: number) => (error: unknown): boolean => error instanceof AuthenticationError && error.vendorMessage === 'Access denied.' && error.status === status;
    await assert.rejects(h.clientWith({ token: h.cryptolens.tokenWithoutPermission }).getDailyAggregates(), denied(403));
    await assert.rejects(h.clientWith({ token: h.cryptolens.mintToken({ usageAnalytics: false, webApiLog: true }) }).getDailyAggregates(), denied(403));
    await assert.rejects(h.clientWith({ token: 'WyJ-unknown' }).getDailyAggregates(), denied(401));
    // Per-product rows would show a key-locked token its neighbours' usage.
    await assert.rejects(h.clientWith({ token: h.cryptolens.lockedToken }).getDailyAggregates(), denied(403));
    const answer = await h.raw('POST', '/api/ai/GetDailyAggregates', {});
    assert.deepEqual([answer.status, JSON.parse(answer.text)], [401, { result: 1, message: 'Unable to authenticate.' }]);
  });

  it('v is sent as given and answered as version 1', async () => {
    const page = await h.client.getDailyAggregates({ limit: 2, v: 1 });
    assert.equal(lastParams().v, '1');
    assert.equal(page.items.length, 2);
    await assert.rejects(h.client.getDailyAggregates({ v: 0 }), InvalidRequestError);
  });

  it('the rows add up, per product, to the summaries of the keys not excluded from analytics', async () => {
    const { items } = await all({ limit: 1000 });
    const { excludedKeyIds } = h.cryptolens.activity;
    assert.ok(excludedKeyIds.size > 0 && h.cryptolens.data.summaries.some((row) => excludedKeyIds.has(row.keyId)), 'some used keys are excluded');
    for (const product of h.cryptolens.data.products) {
      const days = items.filter((row) => row.productId === product.id);
      const keys = h.cryptolens.data.summaries.filter((row) => row.productId === product.id && !excludedKeyIds.has(row.keyId));
      const sum = <T>(list: readonly T[], value: (item: T) => number): number => list.reduce((total, item) => total + value(item), 0);
      assert.equal(sum(days, (row) => row.successful), sum(keys, (row) => row.totalSuccessful), `successful, product ${product.id}`);
      assert.equal(sum(days, (row) => row.failed), sum(keys, (row) => row.totalFailed), `failed, product ${product.id}`);
      assert.equal(sum(days, (row) => row.total), sum(keys, (row) => row.totalRequests), `total, product ${product.id}`);
      assert.ok(days.every((row) => row.total === row.successful + row.failed));
    }
  });

  it('each row counts that day\'s log events, and distinct keys and machine codes', async () => {
    const { log, excludedKeyIds } = h.cryptolens.activity;
    const expected = new Map<string, { total: number; failed: number; keys: Set<number>; devices: Set<string> }>();
    for (let position = 0; position < log.count; position++) {
      const event = log.rowAt(position);
      const owner = log.owners[log.ownerAt(position)];
      if (!owner || excludedKeyIds.has(owner.keyId)) continue;
      const id = `${event.productId}/${new Date(event.time * 1000).toISOString().slice(0, 10)}`;
      const day = expected.get(id) ?? { total: 0, failed: 0, keys: new Set(), devices: new Set() };
      expected.set(id, day);
      day.total += 1;
      if (Math.floor(event.state / 10) % 10 === 2) day.failed += 1;
      day.keys.add(owner.keyId);
      if (event.machineCode) day.devices.add(event.machineCode);
    }
    const { items } = await all({ limit: 1000 });
    assert.equal(items.length, expected.size);
    for (const row of items) {
      const day = expected.get(`${row.productId}/${row.date}`);
      assert.ok(day, `${row.productId}/${row.date}`);
      assert.deepEqual([row.total, row.failed, row.activeKeys, row.activeDevices], [day.total, day.failed, day.keys.size, day.devices.size]);
      assert.ok(row.activeCustomers <= row.activeKeys);
    }
  });

  it('a 30-day series from the client has a point for every day, zero where no row came', async () => {
    const range = presetDayRange('last30', TEST_NOW);
    const { items } = await all({ start: range.start, end: range.end, limit: 1000 });
    const series = dailySeries(items, range);
    assert.equal(series.length, 30);
    assert.equal(series[29]?.date, new Date(TEST_NOW).toISOString().slice(0, 10));
    // Days after the emulator's today have no rows: zero points, not missing ones.
    const ahead = customDayRange(range.start, new Date(TEST_NOW + 3 * DAY * 1000));
    const padded = dailySeries((await all({ start: ahead.start, end: ahead.end, limit: 1000 })).items, ahead);
    assert.equal(padded.length, 33);
    assert.deepEqual(padded.slice(30).map((point) => [point.total, point.products]), [[0, 0], [0, 0], [0, 0]]);
    assert.deepEqual(padded.slice(0, 30), series);
    const inRange = rows().filter((row) => row.date >= range.start && row.date <= range.end);
    assert.equal(series.reduce((sum, point) => sum + point.total, 0), inRange.reduce((sum, row) => sum + row.totalRequestsLogged, 0));
    for (const point of series) {
      const day = inRange.filter((row) => row.date === point.date);
      assert.equal(point.products, day.length);
      assert.equal(point.failed, day.reduce((sum, row) => sum + row.failed, 0));
    }
  });

  it('the seed covers the summaries\' whole history, up to the emulator\'s today', () => {
    const first = Math.min(...h.cryptolens.data.summaries.map((row) => row.firstSeenUtc));
    const dates = rows().map((row) => row.date);
    assert.equal(dates[0], new Date(Math.floor(first / DAY) * DAY * 1000).toISOString().slice(0, 10));
    assert.ok((dates[dates.length - 1] ?? '') <= new Date(TEST_NOW).toISOString().slice(0, 10));
    assert.ok(rows().every((row, index) => index === 0 || row.id > (rows()[index - 1]?.id ?? 0)));
  });
});
