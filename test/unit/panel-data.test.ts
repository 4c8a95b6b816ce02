// The host side of the Analytics panel against the emulator: raw protocol messages in, answers out,
// through the extension's own UsageService and vendor clients. Expected numbers come from the
// emulator's stored data (Unkey's ClickHouse tables, Cryptolens rows, Runtype records), not from
// the clients under test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Endpoint } from '../../src/panel/protocol-endpoint';
import { answerRequest, type PanelContext } from '../../src/panel/handler';
import { describeError } from '../../src/usage/describe-error';
import { hostMethods, parseWebviewMessage, webviewMethods, type ResponseMessage } from '../../src/panel/protocol';
import type { PanelScope, Snapshot } from '../../src/panel/protocol-data';
import type { UsageService } from '../../src/usage/usage-service';
import { OUTCOMES } from '../../src/vendors/model';
import { isActiveAt, isExpiredAt } from '../emulator/runtype/seed';
import { STORED_OUTCOMES } from '../emulator/unkey/schema';
import { startUsageHarness, TEST_NOW, type UsageHarness } from './lookup-harness';

const HOUR = 3_600_000;
const END = Math.floor((TEST_NOW - 1) / HOUR) * HOUR;
const START = END - 23 * HOUR;

describe('panel host: answers from the emulator', () => {
  let harness: UsageHarness;
  const saved: Snapshot[] = [];
  const shown: Snapshot[] = [];

  before(async () => {
    harness = await startUsageHarness();
  });
  after(async () => {
    await harness.close();
  });

  /** Sends one raw message to a host endpoint bound to `scope`; resolves with the one response. */
  async function ask(scope: PanelScope, message: unknown, usage: UsageService = harness.usage): Promise<ResponseMessage[]> {
    const responses: ResponseMessage[] = [];
    const context: PanelContext = {
      scope,
      title: 'test',
      usage,
      unkeyVersion: () => 'v2',
      save: async (_format, snapshot) => {
        saved.push(snapshot);
        return true;
      },
      open: async () => undefined,
      shown: (snapshot) => shown.push(snapshot),
      signal: new AbortController().signal,
    };
    const endpoint = new Endpoint({
      incoming: hostMethods,
      outgoing: webviewMethods,
      parse: parseWebviewMessage,
      post: (response) => responses.push(structuredClone(response) as ResponseMessage),
      answer: (request) => answerRequest(context, request),
      describe: describeError,
      warn: () => undefined,
    });
    await endpoint.receive(structuredClone(message));
    return responses;
  }

  async function result<T>(scope: PanelScope, method: string, params: unknown): Promise<T> {
    const responses = await ask(scope, { kind: 'request', id: 7, method, params });
    assert.equal(responses.length, 1, 'exactly one response');
    const response = responses[0];
    assert.ok(response?.ok, `error: ${response && !response.ok ? response.error.message : ''}`);
    assert.equal(response.id, 7);
    return response.result as T;
  }

  const apiId = (): string => harness.emulator.config.unkey.apiIds[0] ?? '';
  const api = () => harness.emulator.unkey.workspace.apis[0];

  /** Sums of the hourly table per slice and outcome, straight from the emulator's ClickHouse. */
  async function storedHours(keyId?: string): Promise<Map<number, Record<string, number>>> {
    const ks = api()?.keySpaceId ?? '';
    const rows = await harness.emulator.unkey.store.query<{ t: number | string; outcome: string; c: number | string }>(
      `SELECT toUnixTimestamp(time) * 1000 AS t, outcome, sum(count) AS c FROM key_verifications_per_hour_v3
       WHERE workspace_id = '${harness.emulator.unkey.workspaceId}' AND key_space_id = '${ks}'
         ${keyId ? `AND key_id = '${keyId}'` : ''}
         AND time >= toDateTime(${START / 1000}) AND time <= toDateTime(${END / 1000})
       GROUP BY t, outcome`,
    );
    const byTime = new Map<number, Record<string, number>>();
    for (const row of rows.rows) {
      const entry = byTime.get(Number(row.t)) ?? {};
      entry[row.outcome] = Number(row.c);
      byTime.set(Number(row.t), entry);
    }
    return byTime;
  }

  it('Unkey: outcomes per hour over 24 hours match the hourly table, slice by slice', async () => {
    const answer = await result<{ slices: { time: number; outcomes: Record<string, number> }[] }>({ vendor: 'unkey', apiId: apiId() }, 'unkey.series', { start: START, end: END, granularity: 'hour' });
    const stored = await storedHours();
    assert.ok(answer.slices.length >= 23, `only ${answer.slices.length} slices`);
    assert.ok(stored.size > 0, 'the emulator holds no verifications for the last 24 hours');
    let total = 0;
    for (const slice of answer.slices) {
      const expected = stored.get(slice.time) ?? {};
      OUTCOMES.forEach((outcome, index) => assert.equal(slice.outcomes[outcome], expected[STORED_OUTCOMES[index] ?? ''] ?? 0, `${outcome} at ${new Date(slice.time).toISOString()}`));
      total += slice.outcomes.total ?? 0;
    }
    const storedTotal = [...stored.values()].reduce((sum, entry) => sum + Object.values(entry).reduce((a, b) => a + b, 0), 0);
    assert.equal(total, storedTotal);
  });

  it('Unkey: a key panel counts only that key', async () => {
    const hours = await storedHours();
    const busy = await harness.emulator.unkey.store.query<{ key_id: string }>(
      `SELECT key_id FROM key_verifications_per_hour_v3 WHERE key_space_id = '${api()?.keySpaceId ?? ''}' AND time >= toDateTime(${START / 1000}) GROUP BY key_id ORDER BY sum(count) DESC LIMIT 1`,
    );
    const keyId = busy.rows[0]?.key_id ?? '';
    const answer = await result<{ slices: { outcomes: { total: number } }[] }>({ vendor: 'unkey', apiId: apiId(), keyId }, 'unkey.series', { start: START, end: END, granularity: 'hour' });
    const keyHours = await storedHours(keyId);
    const sum = (map: Map<number, Record<string, number>>): number => [...map.values()].reduce((s, e) => s + Object.values(e).reduce((a, b) => a + b, 0), 0);
    assert.equal(answer.slices.reduce((s, slice) => s + slice.outcomes.total, 0), sum(keyHours));
    assert.ok(sum(keyHours) < sum(hours));
  });

  it('Unkey: the top 10 keys are the ten largest totals of the range, largest first', async () => {
    const answer = await result<{ rows: { id: string; label: string; outcomes: { total: number } }[] }>({ vendor: 'unkey', apiId: apiId() }, 'unkey.breakdown', {
      range: { start: START, end: END, granularity: 'hour' },
      by: 'key',
      limit: 10,
    });
    const stored = await harness.emulator.unkey.store.query<{ key_id: string; total: number | string }>(
      `SELECT key_id, sum(count) AS total FROM key_verifications_per_hour_v3
       WHERE key_space_id = '${api()?.keySpaceId ?? ''}' AND time >= toDateTime(${START / 1000}) AND time <= toDateTime(${END / 1000})
       GROUP BY key_id ORDER BY total DESC`,
    );
    const totals = stored.rows.map((row) => Number(row.total));
    assert.equal(answer.rows.length, 10);
    assert.deepEqual(answer.rows.map((row) => row.outcomes.total), totals.slice(0, 10));
    const storedTotal = new Map(stored.rows.map((row) => [row.key_id, Number(row.total)]));
    for (const row of answer.rows) {
      assert.equal(row.label, row.id);
      assert.equal(storedTotal.get(row.id), row.outcomes.total, row.id);
    }
  });

  it('Unkey: tag combinations come back labelled, untagged verifications as "(no tags)"', async () => {
    const answer = await result<{ rows: { id: string; label: string; outcomes: { total: number } }[] }>({ vendor: 'unkey', apiId: apiId() }, 'unkey.breakdown', {
      range: { start: START, end: END, granularity: 'hour' },
      by: 'tags',
      limit: 50,
    });
    const labels = answer.rows.map((row) => row.label);
    assert.ok(labels.includes('(no tags)'), labels.join(' | '));
    assert.ok(labels.includes('env:production + region:eu-west-1'), labels.join(' | '));
  });

  it("Cryptolens: a product's keys carry the vendor's lifetime totals, and the busiest keys their device counts", async () => {
    const { data } = harness.emulator.cryptolens;
    const productId = data.products[0]?.id ?? 0;
    const answer = await result<{ keys: { licenseKeyId: number; key?: string; requests: number; successful: number; failed: number; devices?: number; counters: Record<string, number> }[] }>(
      { vendor: 'cryptolens', productId },
      'cryptolens.product',
      {},
    );
    const summaries = data.summaries.filter((summary) => summary.productId === productId);
    assert.equal(answer.keys.length, summaries.length);
    const byKey = new Map(answer.keys.map((key) => [key.licenseKeyId, key]));
    for (const summary of summaries) {
      const key = byKey.get(summary.keyId);
      assert.ok(key, `key ${summary.keyId} missing`);
      assert.deepEqual([key.requests, key.successful, key.failed, key.key ?? ''], [summary.totalRequests, summary.totalSuccessful, summary.totalFailed, summary.key]);
    }
    const counted = answer.keys.filter((key) => key.devices !== undefined);
    assert.ok(counted.length > 0);
    for (const key of counted) assert.equal(key.devices, data.devices.filter((device) => device.keyId === key.licenseKeyId).length, `devices of ${key.licenseKeyId}`);
  });

  it('Cryptolens: one key comes with each of its devices', async () => {
    const { data } = harness.emulator.cryptolens;
    const device = data.devices[0];
    assert.ok(device);
    const answer = await result<{ key: { licenseKeyId: number } | null; devices: { deviceId: number; machineCode: string; requests: number }[] }>(
      { vendor: 'cryptolens', productId: device.productId, keyId: device.keyId },
      'cryptolens.key',
      {},
    );
    const expected = data.devices.filter((candidate) => candidate.keyId === device.keyId);
    assert.equal(answer.key?.licenseKeyId, device.keyId);
    assert.deepEqual(answer.devices.map((row) => [row.deviceId, row.machineCode, row.requests]).sort(), expected.map((row) => [row.id, row.machineCode, row.totalRequests]).sort());
  });

  it('Runtype: totals and per-key breakdown match the account', async () => {
    const { keys, now } = harness.emulator.runtype;
    const answer = await result<{ totalKeys: number; activeKeys: number; expiredKeys: number; keys: { id: string; active: boolean; lastUsedAt?: number }[] }>({ vendor: 'runtype' }, 'runtype.summary', {});
    assert.equal(answer.totalKeys, keys.length);
    assert.equal(answer.activeKeys, keys.filter((key) => isActiveAt(key, now)).length);
    assert.equal(answer.expiredKeys, keys.filter((key) => isExpiredAt(key, now)).length);
    const byId = new Map(answer.keys.map((key) => [key.id, key]));
    for (const key of keys) {
      assert.equal(byId.get(key.id)?.active, isActiveAt(key, now), key.id);
      assert.equal(byId.get(key.id)?.lastUsedAt, key.lastUsedAt ?? undefined, key.id);
    }
  });

  it("answers only what the panel's scope allows, and says which token is missing", async () => {
    const [mismatch] = await ask({ vendor: 'runtype' }, { kind: 'request', id: 3, method: 'cryptolens.product', params: {} });
    assert.ok(mismatch && !mismatch.ok);
    assert.match(mismatch.error.message, /not available in this panel \(Runtype · All keys\)/);
    const token = harness.tokens.unkey;
    delete harness.tokens.unkey;
    try {
      const [missing] = await ask({ vendor: 'unkey', apiId: apiId() }, { kind: 'request', id: 4, method: 'unkey.series', params: { start: START, end: END, granularity: 'day' } }, harness.freshUsage());
      assert.ok(missing && !missing.ok);
      assert.equal(missing.error.message, 'No Unkey access token is set: run "Keyscope: Set Access Token…".');
    } finally {
      harness.tokens.unkey = token;
    }
  });

  it('rejects malformed requests with one error response, and asks the vendor nothing for them', async () => {
    const before = harness.requests('unkey');
    const responses = await ask({ vendor: 'unkey', apiId: apiId() }, { kind: 'request', id: 9, method: 'unkey.series', params: { start: END, end: START, granularity: 'hour' } });
    assert.equal(responses.length, 1);
    assert.equal(responses[0]?.ok, false);
    assert.equal(harness.requests('unkey'), before);
  });

  it('hands an export to the save step with the snapshot the webview sent', async () => {
    const snapshot: Snapshot = { title: 'Runtype · All keys', scope: { vendor: 'runtype' }, generatedAt: TEST_NOW, notes: [], tables: [] };
    const answer = await result<{ saved: boolean }>({ vendor: 'runtype' }, 'export', { format: 'json', snapshot });
    assert.deepEqual(answer, { saved: true });
    assert.deepEqual(saved.at(-1), snapshot);
  });

  it("keeps what the webview says it shows, under the panel's own scope", async () => {
    const claimed: Snapshot = { title: 'Runtype · All keys', scope: { vendor: 'unkey', apiId: 'api_elsewhere' }, generatedAt: TEST_NOW, notes: [], tables: [] };
    assert.deepEqual(await result({ vendor: 'runtype' }, 'shown', { snapshot: claimed }), {});
    assert.deepEqual(shown.at(-1), { ...claimed, scope: { vendor: 'runtype' } });
  });
});
