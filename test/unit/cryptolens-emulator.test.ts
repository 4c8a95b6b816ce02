import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COUNTER_NAMES } from '../emulator/cryptolens/data';
import { createCryptolensEmulator } from '../emulator/cryptolens/emulator';
import { SMALL_SCALE } from '../emulator/scale';
import { startCryptolensHarness, TEST_NOW, type CryptolensHarness } from './cryptolens-harness';

const SUMMARIES = '/api/ai/GetKeyUsageSummaries';
const DEVICES = '/api/ai/GetKeyDevices';
const DAY = 86_400;

interface Answer {
  result: number;
  message: string | null;
  summaries?: { id: number }[];
  devices?: { id: number; machineCode: string }[];
}

describe('Cryptolens emulation', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  async function ask(method: 'GET' | 'POST', path: string, params: Record<string, string>, token = h.cryptolens.token): Promise<{ status: number; body: Answer }> {
    const { status, text } = await h.raw(method, path, { ...params, token });
    return { status, body: JSON.parse(text) as Answer };
  }
  const ids = (answer: Answer): number[] => (answer.summaries ?? answer.devices ?? []).map((row) => row.id);
  async function refused(params: Record<string, string>, message: string, path = SUMMARIES): Promise<void> {
    const { status, body } = await ask('POST', path, params);
    assert.deepEqual([status, body], [200, { result: 1, message }], JSON.stringify(params));
  }

  it('reads parameter names in any case, from a POST form or a GET query', async () => {
    const expected = h.cryptolens.data.summaries.slice(3, 8).map((row) => row.id);
    const cursor = String(h.cryptolens.data.summaries[2]?.id);
    const post = await h.raw('POST', SUMMARIES, { lImIt: '5', STARTINGAFTER: cursor, ToKeN: h.cryptolens.token });
    const get = await h.raw('GET', '/api/ai/getkeyusagesummaries', { limit: '5', startingafter: cursor, TOKEN: h.cryptolens.token });
    assert.deepEqual(ids(JSON.parse(post.text) as Answer), expected);
    assert.equal(get.text, post.text);
  });

  it('Limit defaults to 100 and accepts up to 1000', async () => {
    assert.equal(ids((await ask('POST', DEVICES, {})).body).length, 100);
    assert.equal(ids((await ask('POST', DEVICES, { Limit: '1000' })).body).length, Math.min(1000, h.cryptolens.data.devices.length));
  });

  it('refuses bad input with "The input parameters were incorrect."', async () => {
    const message = 'The input parameters were incorrect.';
    for (const limit of ['0', '1001', '-3', 'ten', '2.5']) await refused({ Limit: limit }, message);
    await refused({ StartingAfter: 'x' }, message, DEVICES);
    await refused({ KeyId: '99999999999' }, message);
    await refused({ Key: 'AAAA-BBBB-CCCC-DDDD' }, message);
    await refused({ Key: 'AAAA-BBBB-CCCC-DDDD', KeyId: '123456' }, message, DEVICES);
  });

  it('answers a malformed Start or End with its own message', async () => {
    for (const bad of ['2025-02-30', '2025-1-01', '01/05/2025', '2025-05-01T00:00']) {
      await refused({ Start: bad }, "The 'Start' parameter has the wrong format.");
      await refused({ End: bad }, "The 'End' parameter has the wrong format.", DEVICES);
    }
  });

  it('Start and End bound by whole UTC days', async () => {
    const row = h.cryptolens.data.summaries[50];
    assert.ok(row);
    const lastDay = row.lastSeenUtc - (row.lastSeenUtc % DAY);
    const firstDay = row.firstSeenUtc - (row.firstSeenUtc % DAY);
    const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);
    const has = async (params: Record<string, string>): Promise<boolean> =>
      ids((await ask('POST', SUMMARIES, { ...params, KeyId: String(row.keyId) })).body).includes(row.id);
    assert.equal(await has({ Start: iso(lastDay) }), true, 'last seen on the Start day');
    assert.equal(await has({ Start: iso(lastDay + DAY) }), false, 'last seen before the Start day');
    assert.equal(await has({ End: iso(firstDay) }), true, 'first seen on the End day');
    assert.equal(await has({ End: iso(firstDay - DAY) }), false, 'first seen after the End day');
    // The example key was first seen at 2025-05-25 00:00:00 and last seen at 2025-05-26 00:00:00 UTC: exact edges.
    const example = async (params: Record<string, string>): Promise<number[]> => ids((await ask('POST', SUMMARIES, { ...params, KeyId: '123456' })).body);
    assert.deepEqual(await example({ End: '2025-05-24' }), [], 'midnight after the End day is outside');
    assert.deepEqual(await example({ End: '2025-05-25' }), [7]);
    assert.deepEqual(await example({ Start: '2025-05-26' }), [7], 'midnight of the Start day is inside');
    assert.deepEqual(await example({ Start: '2025-05-27' }), []);
  });

  it('EndingBefore wins when both cursors are sent, and orders descending', async () => {
    const rows = h.cryptolens.data.devices;
    const both = await ask('GET', DEVICES, { StartingAfter: String(rows[5]?.id), EndingBefore: String(rows[30]?.id), Limit: '4' });
    assert.deepEqual(ids(both.body), rows.slice(26, 30).map((row) => row.id).reverse());
  });

  it('authentication: no token, an unknown token, a token without permission', async () => {
    const none = await h.raw('POST', SUMMARIES, { Limit: '1' });
    assert.deepEqual([none.status, JSON.parse(none.text)], [401, { result: 1, message: 'Unable to authenticate.' }]);
    const wrong = await ask('POST', SUMMARIES, {}, 'WyJunknown');
    assert.deepEqual([wrong.status, wrong.body], [401, { result: 1, message: 'Access denied.' }]);
    const weak = await ask('GET', DEVICES, {}, h.cryptolens.tokenWithoutPermission);
    assert.deepEqual([weak.status, weak.body], [403, { result: 1, message: 'Access denied.' }]);
  });

  it('answers unknown methods and verbs as the web framework would', async () => {
    const missing = await h.raw('POST', '/api/ai/GetNothing', { token: h.cryptolens.token });
    assert.equal(missing.status, 404);
    assert.equal(typeof (JSON.parse(missing.text) as { message: unknown }).message, 'string');
    const put = await fetch(`${h.emulator.origin}/cryptolens${SUMMARIES}`, { method: 'PUT' });
    assert.equal(put.status, 405);
  });

  it('errorBody is the vendor envelope for 429 and a bare fault message for 5xx', () => {
    assert.deepEqual(Object.keys(h.cryptolens.errorBody(429) as object).sort(), ['message', 'result']);
    assert.equal((h.cryptolens.errorBody(429) as { result: number }).result, 1);
    assert.deepEqual(Object.keys(h.cryptolens.errorBody(503) as object), ['message']);
  });

  it('seeds the data the pages describe', () => {
    const { products, keys, summaries, devices } = h.cryptolens.data;
    const nowSec = TEST_NOW / 1000;
    assert.equal(products.length, SMALL_SCALE.products);
    assert.equal(keys.length, SMALL_SCALE.licenseKeys);
    assert.equal(devices.length, SMALL_SCALE.devices);
    for (const list of [products, keys, summaries, devices]) {
      assert.ok(list.every((row, index) => index === 0 || row.id > (list[index - 1]?.id ?? 0)), 'ids ascending');
    }
    for (const row of [...summaries, ...devices]) {
      assert.ok(Number.isInteger(row.firstSeenUtc) && row.firstSeenUtc <= row.lastSeenUtc && row.lastSeenUtc < nowSec, 'Unix seconds before now');
    }
    assert.ok(devices.every((row) => row.machineCode !== '' && row.machineCode === row.machineCode.trim().toUpperCase() && row.machineCode.length <= 256));
    assert.ok(devices.some((row) => row.machineCode.length === 256));
    const deletedKeys = new Set(keys.filter((key) => key.deleted).map((key) => key.id));
    assert.ok(summaries.some((row) => deletedKeys.has(row.keyId)) && devices.some((row) => deletedKeys.has(row.keyId)));
    assert.ok([...summaries, ...devices].every((row) => (row.key === '') === deletedKeys.has(row.keyId)));
    const withCounters = summaries.filter((row) => COUNTER_NAMES.some((name) => name in row));
    assert.ok(withCounters.length > 0 && withCounters.length < summaries.length);
    for (const row of summaries) assert.equal(row.totalRequests, row.totalSuccessful + row.totalFailed);
  });

  it('seeds the same data and tokens from the same options, other data from another seed', () => {
    const options = { scale: SMALL_SCALE, seed: 5, now: TEST_NOW };
    const one = createCryptolensEmulator(options);
    const two = createCryptolensEmulator(options);
    assert.deepEqual(one.data, two.data);
    assert.equal(one.token, two.token);
    const other = createCryptolensEmulator({ ...options, seed: 6 });
    assert.notDeepEqual(other.data.devices, one.data.devices);
    assert.notEqual(other.token, one.token);
  });
});
