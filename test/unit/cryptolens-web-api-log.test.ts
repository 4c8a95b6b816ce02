// ai/GetWebAPILog: the real client over real HTTP against the emulator — every parameter, the default
// and maximum Limit, both cursors (64-bit ids), paging back through older entries, permissions, and the
// log agreeing with the summaries and devices it underlies.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../src/http/client';
import { AuthenticationError, InvalidRequestError, NotFoundError, ResponseFormatError } from '../../src/http/errors';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import type { WebApiLogQuery } from '../../src/vendors/cryptolens/web-api-log-query';
import type { LicenseEvent } from '../../src/vendors/model-activity';
import { LOG_ID_BASE, type WebApiLogRow } from '../emulator/cryptolens/activity-log';
import { EXAMPLE_KEY, EXAMPLE_KEY_ID, EXAMPLE_PRODUCT_ID } from '../emulator/cryptolens/examples';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';
import { testHttpOptions } from './test-http';

const DAY = 86_400;
const eventIds = (list: readonly LicenseEvent[]): number[] => list.map((event) => event.eventId);

describe('Cryptolens Web API log', () => {
  let h: CryptolensHarness;
  /** Every entry of the emulator's log, oldest first, with the key it belongs to. */
  let entries: (WebApiLogRow & { keyId: number })[];
  before(async () => {
    h = await startCryptolensHarness();
    const { log } = h.cryptolens.activity;
    entries = Array.from({ length: log.count }, (_, position) => ({ ...log.rowAt(position), keyId: log.owners[log.ownerAt(position)]?.keyId ?? 0 }));
  });
  after(async () => h.close());

  const lastParams = (): Record<string, string> => h.cryptolens.calls[h.cryptolens.calls.length - 1]?.params ?? {};
  const ids = (list: readonly { id: number }[]): number[] => list.map((entry) => entry.id);
  async function all(query: WebApiLogQuery): Promise<{ events: LicenseEvent[]; requests: number }> {
    const before = h.requestCount();
    const events: LicenseEvent[] = [];
    for await (const page of h.client.webApiLogPages(query)) events.push(...page.items);
    return { events, requests: h.requestCount() - before };
  }
  async function raw(params: Record<string, string>, token = h.cryptolens.token): Promise<{ status: number; body: { logs?: (WebApiLogRow & Record<string, unknown>)[]; result: number; message: string | null } }> {
    const answer = await h.raw('POST', '/api/ai/GetWebAPILog', { token, ...params });
    return { status: answer.status, body: JSON.parse(answer.text) as never };
  }
  async function refusedBeforeSending(query: WebApiLogQuery, message: RegExp): Promise<void> {
    const before = h.requestCount();
    await assert.rejects(h.client.getWebApiLog(query), (error: unknown) => error instanceof InvalidRequestError && message.test(error.message));
    assert.equal(h.requestCount(), before, 'nothing was sent');
  }
  const denied = (status: number) => (error: unknown): boolean => error instanceof AuthenticationError && error.vendorMessage === 'Access denied.' && error.status === status;

  it('maps an entry: 64-bit id, seconds to ms, the state decoded, "none" values left out', async () => {
    const first = entries[0];
    assert.ok(first);
    assert.ok(first.id > 2 ** 31, 'log ids do not fit 32 bits');
    const page = await h.client.getWebApiLog({ limit: 1 });
    const event = page.items[0];
    assert.ok(event);
    assert.equal(event.eventId, LOG_ID_BASE);
    assert.equal(event.time, first.time * 1000);
    assert.equal(event.state, first.state);
    assert.equal(event.event.code, first.state);
    assert.equal(event.productId, first.productId);
    assert.equal(event.key, first.key);
    assert.equal(event.ip, first.ip);
    assert.equal(event.machineCode, first.machineCode ?? undefined);
    assert.equal(event.floatingExpires, undefined);
    assert.equal(event.isAnomaly, undefined);
    const dataObject = entries.find((entry) => entry.doId > 0);
    assert.ok(dataObject, 'the log holds data-object requests');
    const found = await h.client.getWebApiLog({ endingBefore: dataObject.id + 1, limit: 1 });
    assert.deepEqual(found.items[0]?.dataObject, { id: dataObject.doId, intValue: dataObject.doIntValue });
    assert.equal(found.items[0]?.event.method, 'Data object');
  });

  it('without Limit sends none and gets the vendor default of 10; at most 1000', async () => {
    const page = await h.client.getWebApiLog();
    assert.equal(lastParams().limit, undefined);
    assert.deepEqual(eventIds(page.items), ids(entries.slice(0, 10)));
    assert.equal(page.nextCursor, String(entries[9]?.id), 'a full page of the default size is not the last');
    assert.equal((await h.client.getWebApiLog({ limit: 1000 })).items.length, 1000);
    await refusedBeforeSending({ limit: 1001 }, /limit must be an integer from 1 to 1000: 1001/);
    await refusedBeforeSending({ limit: 0 }, /limit must be an integer from 1 to 1000: 0/);
    for (const Limit of ['1001', '-1', 'many']) {
      assert.deepEqual((await raw({ Limit })).body, { result: 1, message: 'The input parameters were incorrect.' }, Limit);
    }
  });

  it('numbers the .NET SDK sends as 0 when unset mean "not given"', async () => {
    const { body } = await raw({ Limit: '0', StartingAfter: '0', EndingBefore: '0', ProductId: '0' });
    assert.deepEqual(ids(body.logs ?? []), ids(entries.slice(0, 10)));
  });

  it('pages forward through a key\'s entries once, oldest first, with the fewest requests', async () => {
    const keyId = h.cryptolens.lockedKeyId;
    const key = h.cryptolens.data.keys.find((candidate) => candidate.id === keyId);
    assert.ok(key);
    const expected = entries.filter((entry) => entry.keyId === keyId);
    assert.ok(expected.length > 100);
    const { events, requests } = await all({ productId: key.productId, key: key.key, limit: 100 });
    assert.deepEqual(eventIds(events), ids(expected));
    assert.equal(requests, Math.floor(expected.length / 100) + 1);
  });

  it('pages back from the newest entry through older ones with the vendor\'s cursor', async () => {
    const query = { productId: EXAMPLE_PRODUCT_ID, key: EXAMPLE_KEY, limit: 50 };
    const expected = ids(entries.filter((entry) => entry.keyId === EXAMPLE_KEY_ID)).reverse();
    const newest = await h.client.getWebApiLog({ ...query, direction: 'backward' });
    assert.deepEqual(eventIds(newest.items), expected.slice(0, 50));
    assert.equal(lastParams().endingbefore, String(Number.MAX_SAFE_INTEGER));
    const older = await h.client.getWebApiLog({ ...query, endingBefore: newest.nextCursor });
    assert.deepEqual(eventIds(older.items), expected.slice(50, 100));
    assert.equal(older.previousCursor, String(expected[50]));
    const { events } = await all({ ...query, direction: 'backward' });
    assert.deepEqual(eventIds(events), expected);
    assert.ok(events.every((event, index) => index === 0 || event.time <= (events[index - 1]?.time ?? 0)), 'newest first');
  });

  it('when both cursors are sent, EndingBefore wins', async () => {
    const low = entries[100]?.id ?? 0;
    const high = entries[200]?.id ?? 0;
    const page = await h.client.getWebApiLog({ startingAfter: low, endingBefore: high, limit: 5 });
    assert.deepEqual(eventIds(page.items), ids(entries.slice(195, 200)).reverse());
    assert.deepEqual(ids((await raw({ StartingAfter: String(high), EndingBefore: String(low), Limit: '3' })).body.logs ?? []), ids(entries.slice(97, 100)).reverse());
  });

  it('Key needs ProductId; an unknown product or key is a NotFoundError', async () => {
    await refusedBeforeSending({ key: EXAMPLE_KEY }, /key requires productId/);
    assert.deepEqual((await raw({ Key: EXAMPLE_KEY })).body, { result: 1, message: 'The input parameters were incorrect.' });
    await assert.rejects(h.client.getWebApiLog({ productId: 1 }), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the product.');
    await assert.rejects(h.client.getWebApiLog({ productId: EXAMPLE_PRODUCT_ID, key: 'ZZZZ-ZZZZ' }), (error: unknown) => error instanceof NotFoundError && error.vendorMessage === 'Could not find the key.');
  });

  it('ProductId keeps one product\'s entries', async () => {
    const productId = h.cryptolens.data.products[2]?.id ?? 0;
    const page = await h.client.getWebApiLog({ productId, limit: 500 });
    assert.deepEqual(eventIds(page.items), ids(entries.filter((entry) => entry.productId === productId).slice(0, 500)));
  });

  it('a device\'s entries are exactly its requests, from its first to its last sight', async () => {
    const devices = h.cryptolens.data.devices.filter((device, index) => index === 0 || index % 37 === 5);
    assert.equal(devices[0]?.machineCode, 'MACHINE-1');
    for (const device of devices) {
      const { events } = await all({ machineCode: device.machineCode, limit: 1000 });
      assert.equal(lastParams().machinecode, device.machineCode);
      assert.equal(events.length, device.totalRequests, device.machineCode);
      assert.ok(events.every((event) => event.machineCode === device.machineCode && event.productId === device.productId));
      assert.equal(Math.min(...events.map((event) => event.time)), device.firstSeenUtc * 1000);
      if (device.totalRequests >= 2) assert.equal(Math.max(...events.map((event) => event.time)), device.lastSeenUtc * 1000);
      assert.ok(events.every((event) => ['Activate', 'Validate', 'Deactivate'].includes(event.event.method)));
    }
  });

  it('MachineCode must match exactly and case-sensitively: it is sent as given', async () => {
    const device = h.cryptolens.data.devices.find((candidate) => /[A-F]/.test(candidate.machineCode) && candidate.totalRequests > 0);
    assert.ok(device);
    assert.equal((await h.client.getWebApiLog({ machineCode: device.machineCode.toLowerCase(), limit: 1000 })).items.length, 0);
    assert.equal(lastParams().machinecode, device.machineCode.toLowerCase());
    assert.equal((await h.client.getWebApiLog({ machineCode: ` ${device.machineCode}`, limit: 1000 })).items.length, 0);
    assert.equal(lastParams().machinecode, ` ${device.machineCode}`);
    await refusedBeforeSending({ machineCode: '' }, /machineCode must be a non-empty string/);
  });

  it('FriendlyName matches any part of the name, case-insensitively', async () => {
    const expected = entries.filter((entry) => entry.friendlyName?.toLowerCase().includes('macbook'));
    assert.ok(expected.length > 0);
    const { events } = await all({ friendlyName: 'MACBOOK', limit: 1000 });
    assert.deepEqual(eventIds(events), ids(expected));
    assert.ok(events.every((event) => event.friendlyName === "Anna's MacBook Pro"));
    await refusedBeforeSending({ friendlyName: '  ' }, /friendlyName must be a non-empty string/);
  });

  it('States goes as a JSON list and keeps only those codes', async () => {
    const failures = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029];
    const { events } = await all({ productId: EXAMPLE_PRODUCT_ID, states: [...failures, 2020], limit: 1000 });
    assert.equal(lastParams().states, JSON.stringify(failures));
    assert.deepEqual(eventIds(events), ids(entries.filter((entry) => entry.productId === EXAMPLE_PRODUCT_ID && failures.includes(entry.state))));
    assert.ok(events.every((event) => event.event.label === 'Activate · failed'));
    for (const States of ['3010', '[3010', '[a]', '[40000]']) {
      assert.deepEqual((await raw({ States })).body, { result: 1, message: 'The input parameters were incorrect.' }, States);
    }
    assert.equal((await raw({ States: '[]', Limit: '3' })).body.logs?.length, 3, 'an empty list filters nothing');
    await refusedBeforeSending({ states: [] }, /states must be a non-empty list/);
    await refusedBeforeSending({ states: [70_000] }, /states must hold state codes/);
    await refusedBeforeSending({ states: [2020.5] }, /states must hold state codes/);
  });

  it('a key\'s entries are its summary: total, successful, failed, first and last sight', async () => {
    const summaries = h.cryptolens.data.summaries.filter((row, index) => index === 0 || index % 41 === 3);
    for (const summary of summaries) {
      const key = h.cryptolens.data.keys.find((candidate) => candidate.id === summary.keyId);
      assert.ok(key);
      if (key.deleted) continue; // its string no longer finds it; its entries are still in the log
      const { events } = await all({ productId: summary.productId, key: key.key, limit: 1000 });
      assert.equal(events.length, summary.totalRequests, `key ${summary.keyId}`);
      assert.equal(events.filter((event) => event.event.outcome === 'failed').length, summary.totalFailed);
      assert.equal(events.filter((event) => event.event.outcome === 'succeeded').length, summary.totalSuccessful);
      assert.equal(events[0]?.time, summary.firstSeenUtc * 1000);
      assert.equal(events[events.length - 1]?.time, summary.lastSeenUtc * 1000);
    }
    assert.equal(entries.filter((entry) => entry.keyId === EXAMPLE_KEY_ID).length, 320, 'the example summary: 320 requests');
  });

  it('AnomalyClassification adds isAnomaly: the failures of a key on a day it failed five times or more', async () => {
    const { anomalies } = h.cryptolens.activity;
    const [id] = [...anomalies.keys()];
    assert.ok(id, 'the seed holds an anomalous day');
    const [keyId, day] = id.split(':').map(Number) as [number, number];
    const key = h.cryptolens.data.keys.find((candidate) => candidate.id === keyId);
    assert.ok(key);
    const { events } = await all({ productId: key.productId, key: key.key, anomalyClassification: true, limit: 1000 });
    assert.equal(lastParams().anomalyclassification, 'true');
    const onDay = (event: LicenseEvent): boolean => Math.floor(event.time / 1000 / DAY) === day;
    const flagged = events.filter((event) => event.isAnomaly === true && onDay(event));
    assert.equal(flagged.length, events.filter((event) => onDay(event) && event.event.outcome === 'failed').length);
    assert.ok(flagged.length >= 5);
    assert.ok(events.filter((event) => event.isAnomaly === true).every((event) => event.event.outcome === 'failed'));
    assert.ok(events.every((event) => typeof event.isAnomaly === 'boolean'));
    const group = anomalies.get(id);
    const { body } = await raw({ ProductId: String(key.productId), Key: key.key, AnomalyClassification: 'True', Limit: '1000' });
    const rawFlagged = (body.logs ?? []).filter((entry) => entry.isAnomaly === true && Math.floor(entry.time / DAY) === day);
    assert.deepEqual(rawFlagged[0]?.anomalyProperties, group);
    assert.equal(rawFlagged[0]?.id, group?.startingAt);
    assert.ok((await h.client.getWebApiLog({ limit: 5 })).items.every((event) => event.isAnomaly === undefined));
    assert.deepEqual((await raw({ AnomalyClassification: 'yes' })).body, { result: 1, message: 'The input parameters were incorrect.' });
  });

  it('without the GetWebAPILog permission, with an unknown token or none: "Access denied." / "Unable to authenticate."', async () => {
    await assert.rejects(h.clientWith({ token: h.cryptolens.mintToken({ usageAnalytics: true }) }).getWebApiLog(), denied(403));
    await assert.rejects(h.clientWith({ token: h.cryptolens.tokenWithoutPermission }).getWebApiLog(), denied(403));
    await assert.rejects(h.clientWith({ token: 'WyJ-unknown' }).getWebApiLog(), denied(401));
    const { status, body } = await raw({}, '');
    assert.deepEqual([status, body], [401, { result: 1, message: 'Unable to authenticate.' }]);
    // The log permission alone is enough for the log.
    const logOnly = h.clientWith({ token: h.cryptolens.mintToken({ usageAnalytics: false, webApiLog: true }) });
    assert.equal((await logOnly.getWebApiLog({ limit: 2 })).items.length, 2);
  });

  it('a key-locked token sees only its key\'s entries and is refused another key or product', async () => {
    const locked = h.clientWith({ token: h.cryptolens.lockedToken });
    const keyId = h.cryptolens.lockedKeyId;
    const key = h.cryptolens.data.keys.find((candidate) => candidate.id === keyId);
    assert.ok(key);
    const events: LicenseEvent[] = [];
    for await (const page of locked.webApiLogPages({ limit: 1000 })) events.push(...page.items);
    assert.deepEqual(eventIds(events), ids(entries.filter((entry) => entry.keyId === keyId)));
    await assert.rejects(locked.getWebApiLog({ productId: EXAMPLE_PRODUCT_ID, key: EXAMPLE_KEY }), denied(403));
    const otherProduct = h.cryptolens.data.products.find((product) => product.id !== key.productId);
    await assert.rejects(locked.getWebApiLog({ productId: otherProduct?.id }), denied(403));
  });

  it('OrderBy (deprecated) is answered: Id or Time, optionally descending', async () => {
    assert.deepEqual(ids((await raw({ OrderBy: 'Time descending', Limit: '4' })).body.logs ?? []), ids(entries.slice(-4)).reverse());
    assert.deepEqual(ids((await raw({ OrderBy: 'Id', EndingBefore: String(entries[50]?.id), Limit: '3' })).body.logs ?? []), ids(entries.slice(0, 3)));
    assert.deepEqual((await raw({ OrderBy: 'Key' })).body, { result: 1, message: 'The input parameters were incorrect.' });
  });

  it('refuses bad cursors and arguments before sending', async () => {
    await refusedBeforeSending({ endingBefore: Number.MAX_SAFE_INTEGER + 2 }, /endingBefore must be an integer from 0 to 9007199254740991/);
    await refusedBeforeSending({ startingAfter: '12a' }, /startingAfter/);
    await refusedBeforeSending({ direction: 'forward', endingBefore: 5 }, /cannot be combined/);
    await refusedBeforeSending({ direction: 'backward', startingAfter: 5 }, /pages with endingBefore/);
    await refusedBeforeSending({ productId: 2 ** 31 }, /productId must be an integer/);
    await refusedBeforeSending({ productId: 3349, key: ' ' }, /key must be a non-empty license key string/);
    await refusedBeforeSending({ v: 0 }, /v must be an integer/);
    assert.equal((await h.client.getWebApiLog({ limit: 1, v: 1 })).items.length, 1);
    assert.equal(lastParams().v, '1');
    // A cursor as a string of digits is taken, 64-bit values included.
    const page = await h.client.getWebApiLog({ startingAfter: String(entries[4]?.id), limit: 2 });
    assert.deepEqual(eventIds(page.items), ids(entries.slice(5, 7)));
  });
});

describe('Cryptolens Web API log answers that are not what was asked', () => {
  let server: Server;
  let http: HttpClient;
  let client: CryptolensClient;
  let next: unknown;
  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = new HttpClient(testHttpOptions({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } }));
    client = new CryptolensClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, token: 'WyJ-test-token', http });
  });
  after(async () => {
    await http.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const entry = (id: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id, productId: 3349, key: 'AAAA', ip: '10.0.0.0', time: 1_748_131_200, state: 2010, machineCode: 'M', friendlyName: null, floatingExpires: 0, doIntValue: 0, doId: 0, ...extra,
  });

  it('reads `events` when an older revision sends no `logs`', async () => {
    next = { events: [entry(5), entry(6)], result: 0, message: null };
    assert.deepEqual(eventIds((await client.getWebApiLog()).items), [5, 6]);
    next = { logs: [entry(7)], events: [entry(99)], result: 0, message: null };
    assert.deepEqual(eventIds((await client.getWebApiLog()).items), [7]);
  });

  it('an answer with neither list, or a malformed entry, names what is wrong', async () => {
    next = { result: 0, message: null };
    await assert.rejects(client.getWebApiLog(), ResponseFormatError);
    next = { logs: [entry(1, { time: 'yesterday' })], result: 0, message: null };
    await assert.rejects(client.getWebApiLog(), /logs\[0\]\.time/);
  });

  it('entries that do not move past the cursor, or that were not asked for, are refused: paging never repeats', async () => {
    next = { logs: [entry(10), entry(11)], result: 0, message: null };
    await assert.rejects(client.getWebApiLog({ startingAfter: 10 }), /rows out of order on a forward page: id 10 after 10/);
    await assert.rejects(client.getWebApiLog({ endingBefore: 11 }), /rows out of order on a backward page/);
    await assert.rejects(client.getWebApiLog({ productId: 42 }), /logs\[0\] is for product 3349, not the product asked for \(42\)/);
    await assert.rejects(client.getWebApiLog({ states: [2020] }), /logs\[0\] has state 2010, which was not asked for/);
  });

  it('daily aggregates outside the asked range or product are refused', async () => {
    const row = { id: 1, productId: 3349, date: '2025-03-01', totalRequestsLogged: 3, successful: 2, failed: 1, activeDevices: 1, activeKeys: 1, activeCustomers: 1 };
    next = { aggregates: [row], result: 0, message: null };
    await assert.rejects(client.getDailyAggregates({ start: '2025-03-02' }), /aggregates\[0\] is dated 2025-03-01, outside 2025-03-02\.\.…/);
    await assert.rejects(client.getDailyAggregates({ productId: 7 }), /aggregates\[0\] is for product 3349/);
    next = { aggregates: [{ ...row, date: '2025-02-30' }], result: 0, message: null };
    await assert.rejects(client.getDailyAggregates(), /aggregates\[0\]\.date: expected a yyyy-MM-dd date/);
    next = { aggregates: [{ ...row, failed: -1 }], result: 0, message: null };
    await assert.rejects(client.getDailyAggregates(), /aggregates\[0\]\.failed/);
  });
});
