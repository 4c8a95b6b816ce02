// "Recent verifications": one key's raw rows of key_verifications_v1 through the v2 SQL endpoint (the
// emulator's query guard in front of a real ClickHouse), newest first, paged by a keyset cursor; on v1
// a typed "needs v2" error. The rows must add up to the hourly table they roll into.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { AuthenticationError, InvalidRequestError, KeyscopeError, NotFoundError, ResponseFormatError } from '../../src/http/errors';
import { describeError } from '../../src/usage/describe-error';
import type { Page } from '../../src/vendors/model';
import type { KeyVerificationEvent } from '../../src/vendors/model-activity';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { NeedsUnkeyV2Error } from '../../src/vendors/unkey/needs-v2-error';
import type { RecentVerificationsQuery } from '../../src/vendors/unkey/recent-verifications-query';
import { buildRecentVerificationsSql } from '../../src/vendors/unkey/recent-verifications-sql';
import type { UnkeyClient } from '../../src/vendors/unkey/types';
import { STORED_OUTCOME } from '../../src/vendors/unkey/v2-sql';
import { guardQuery } from '../emulator/unkey/query-guard';
import { RAW_WINDOW_HOURS } from '../emulator/unkey/seed-verifications';
import { startEmulator, type Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import { HOUR } from './unkey-harness';
import { testHttp } from './test-http';

const NOW = Date.UTC(2025, 2, 10, 12);

interface StoredRow {
  request_id: string;
  time: number;
  key_id: string;
  outcome: string;
  region: string;
  tags: string[];
}

describe('Unkey recent verifications', () => {
  let emulator: Emulator;
  let http: HttpClient;
  let v2: UnkeyClient;
  let v1: UnkeyClient;
  let busy: string;
  let quiet: string;
  const queries = (): number => emulator.requests.count({ vendor: 'unkey', path: '/v2/analytics.getVerifications' });

  /** The key's raw rows straight from the store, newest first. */
  async function stored(keyId: string): Promise<StoredRow[]> {
    const result = await emulator.unkey.store.query<StoredRow>(`
      SELECT request_id, time, key_id, toString(outcome) AS outcome, toString(region) AS region, tags
      FROM key_verifications_raw_v2 WHERE workspace_id = '${emulator.unkey.workspaceId}' AND key_id = '${keyId}'
      ORDER BY time DESC, request_id DESC`);
    return result.rows;
  }
  async function every(client: UnkeyClient, keyId: string, query: RecentVerificationsQuery): Promise<{ items: KeyVerificationEvent[]; requests: number }> {
    const before = queries();
    const items: KeyVerificationEvent[] = [];
    let page: Page<KeyVerificationEvent> | undefined;
    do {
      page = await client.recentVerifications(keyId, { ...query, before: page?.nextCursor });
      items.push(...page.items);
    } while (page.nextCursor !== undefined);
    return { items, requests: queries() - before };
  }
  const requestIds = (list: readonly { requestId?: string; request_id?: string }[]): string[] => list.map((row) => row.requestId ?? row.request_id ?? '');

  before(async () => {
    emulator = await startEmulator({ scale: SMALL_SCALE, now: NOW });
    http = testHttp();
    const { v1BaseUrl, v2BaseUrl, token } = emulator.config.unkey;
    v2 = createUnkeyClient({ version: 'v2', baseUrl: v2BaseUrl, token, http });
    v1 = createUnkeyClient({ version: 'v1', baseUrl: v1BaseUrl, token, http });
    const counts = await emulator.unkey.store.query<{ key_id: string; n: number }>(`
      SELECT key_id, count() AS n FROM key_verifications_raw_v2 WHERE workspace_id = '${emulator.unkey.workspaceId}'
      GROUP BY key_id ORDER BY n DESC, key_id`);
    busy = counts.rows[0]?.key_id ?? '';
    quiet = counts.rows.find((row) => row.n > 5 && row.n < 40)?.key_id ?? '';
    assert.ok(busy && quiet, 'the seed has a busy and a quiet key in the raw window');
  });
  after(async () => {
    await http.close();
    await emulator.close();
  });

  it('answers the newest 100 rows by default, newest first, with time, outcome, region and tags', async () => {
    const expected = await stored(busy);
    assert.ok(expected.length > 100);
    const page = await v2.recentVerifications(busy);
    assert.equal(page.items.length, 100);
    assert.deepEqual(requestIds(page.items), requestIds(expected.slice(0, 100)));
    const first = expected[0] as StoredRow;
    const outcome = Object.entries(STORED_OUTCOME).find(([, stored]) => stored === first.outcome)?.[0];
    assert.deepEqual(page.items[0], {
      vendor: 'unkey',
      requestId: first.request_id,
      keyId: busy,
      time: first.time,
      outcome,
      outcomeCode: first.outcome,
      region: first.region,
      tags: first.tags,
    });
    assert.equal(page.nextCursor, `${expected[99]?.time}.${expected[99]?.request_id}`);
    assert.ok(page.items.every((event, index) => index === 0 || event.time <= (page.items[index - 1]?.time ?? 0)));
  });

  it('pages to older rows with the cursor: every row once, one query per page, none after the last', async () => {
    for (const [keyId, limit] of [[busy, 250], [quiet, 7], [quiet, 1000]] as const) {
      const expected = await stored(keyId);
      const { items, requests } = await every(v2, keyId, { limit });
      assert.deepEqual(requestIds(items), requestIds(expected), `${keyId} by ${limit}`);
      assert.equal(requests, Math.max(1, Math.ceil(expected.length / limit)), 'the extra row tells the last page, without an extra query');
    }
  });

  it('rows at the same millisecond are ordered by request id, and none is lost at a page boundary', async () => {
    const [newest] = await stored(quiet);
    assert.ok(newest);
    const api = emulator.unkey.workspace.apis.find((candidate) => candidate.keys.some((key) => key.id === quiet));
    assert.ok(api);
    const time = newest.time - 1;
    const twins = ['req_tie_a', 'req_tie_b', 'req_tie_c', 'req_tie_d', 'req_tie_e'].map((request_id) => ({
      request_id, time, workspace_id: emulator.unkey.workspaceId, key_space_id: api.keySpaceId, identity_id: '', external_id: '',
      key_id: quiet, region: 'eu-west-1', outcome: 'RATE_LIMITED', tags: ['tie'], spent_credits: 0, latency: 1,
    }));
    await emulator.unkey.store.insert('key_verifications_raw_v2', twins);
    const { items } = await every(v2, quiet, { limit: 2 });
    assert.deepEqual(requestIds(items).slice(1, 6), ['req_tie_e', 'req_tie_d', 'req_tie_c', 'req_tie_b', 'req_tie_a']);
    assert.deepEqual(requestIds(items), requestIds(await stored(quiet)));
    assert.equal(items[1]?.outcome, 'rateLimited');
  });

  it('the SQL is a keyset query on (time, request_id), never OFFSET, and passes Unkey\'s query rules', () => {
    const sql = buildRecentVerificationsSql({ keyId: 'key_abc', apiId: 'api_x1', limit: 100, before: { time: 1741600000000, requestId: "req_'quoted" } });
    assert.equal(
      sql,
      [
        'SELECT request_id, time, key_id, outcome, region, tags',
        'FROM key_verifications_v1',
        "WHERE key_id = 'key_abc' AND api_id = 'api_x1' AND (time < 1741600000000 OR (time = 1741600000000 AND request_id < 'req_\\'quoted'))",
        'ORDER BY time DESC, request_id DESC',
        'LIMIT 101',
      ].join('\n'),
    );
    assert.doesNotMatch(sql, /OFFSET/i);
    const guarded = guardQuery(sql, {
      workspaceId: 'ws_1', resolveApiId: () => 'ks_1', resolveExternalId: () => undefined, retentionDays: 30, now: 1741600000000, maxRows: 10_000,
    });
    assert.equal(guarded.ok, true, JSON.stringify(guarded));
  });

  it('apiId narrows the query to the key\'s API; an unknown API is a NotFoundError', async () => {
    const api = emulator.unkey.workspace.apis.find((candidate) => candidate.keys.some((key) => key.id === quiet));
    assert.ok(api);
    const expected = await stored(quiet);
    assert.deepEqual(requestIds((await v2.recentVerifications(quiet, { apiId: api.id, limit: 1000 })).items), requestIds(expected));
    const other = emulator.unkey.apiIds.find((id) => id !== api.id) ?? '';
    assert.deepEqual((await v2.recentVerifications(quiet, { apiId: other })).items, []);
    await assert.rejects(v2.recentVerifications(quiet, { apiId: 'api_doesnotexist' }), (error: unknown) => error instanceof NotFoundError && /API api_doesnotexist not found/.test(error.message));
  });

  it('a key without verifications in the raw window answers an empty page', async () => {
    const page = await v2.recentVerifications('key_neververified');
    assert.deepEqual(page, { items: [] });
  });

  it('rows add up, per hour and outcome, to the hourly table they roll into', async () => {
    const api = emulator.unkey.workspace.apis.find((candidate) => candidate.keys.some((key) => key.id === busy));
    assert.ok(api);
    const { items } = await every(v2, busy, { limit: 1000, apiId: api.id });
    const windowStart = Math.floor((NOW - 1) / HOUR) * HOUR - (RAW_WINDOW_HOURS - 1) * HOUR;
    assert.ok(items.every((event) => event.time >= windowStart && event.time < NOW), 'raw rows cover the last 24 hours');
    const hourly = await v2.getVerifications({ apiId: api.id, keyIds: [busy], start: windowStart, end: NOW, groupBy: ['hour'] });
    assert.equal(hourly.length, RAW_WINDOW_HOURS);
    for (const slice of hourly) {
      const inHour = items.filter((event) => Math.floor(event.time / HOUR) * HOUR === slice.time);
      assert.equal(inHour.length, slice.outcomes.total, `hour ${new Date(slice.time ?? 0).toISOString()}`);
      for (const [outcome, count] of Object.entries(slice.outcomes)) {
        if (outcome !== 'total') assert.equal(inHour.filter((event) => event.outcome === outcome).length, count, outcome);
      }
    }
  });

  it('refuses a bad key id, limit, cursor or API id before spending a query', async () => {
    const before = queries();
    const bad: [string, RecentVerificationsQuery, RegExp][] = [
      ['', {}, /keyId must be an Unkey key id/],
      ["key_x' OR 1=1", {}, /keyId must be an Unkey key id/],
      ['k', {}, /keyId/],
      [busy, { limit: 0 }, /limit must be an integer from 1 to 1000: 0/],
      [busy, { limit: 1001 }, /limit must be an integer from 1 to 1000: 1001/],
      [busy, { limit: 2.5 }, /limit/],
      [busy, { before: 'yesterday' }, /before is not a cursor this client gave out/],
      [busy, { before: '12.' }, /before is not a cursor/],
      [busy, { apiId: 'production' }, /apiId must be an Unkey API id/],
    ];
    for (const [keyId, query, message] of bad) {
      await assert.rejects(v2.recentVerifications(keyId, query), (error: unknown) => error instanceof InvalidRequestError && message.test(error.message), `${keyId} ${JSON.stringify(query)}`);
    }
    assert.equal(queries(), before);
  });

  it('a root key without api.*.read_analytics is told which permission it lacks', async () => {
    const token = emulator.unkey.mintToken(['api.*.read_api', 'api.*.read_key']);
    const client = createUnkeyClient({ version: 'v2', baseUrl: emulator.config.unkey.v2BaseUrl, token, http });
    await assert.rejects(client.recentVerifications(busy), (error: unknown) => error instanceof AuthenticationError && error.status === 403 && /lacks the permission api\.\*\.read_analytics/.test(error.message));
  });

  it('on Unkey v1 the method fails with NeedsUnkeyV2Error and sends nothing', async () => {
    const before = emulator.requests.count({ vendor: 'unkey' });
    await assert.rejects(v1.recentVerifications(busy), (error: unknown) => {
      assert.ok(error instanceof NeedsUnkeyV2Error && error instanceof KeyscopeError);
      assert.equal(error.requiredVersion, 'v2');
      assert.equal(describeError(error), 'Unkey: Recent verifications needs Unkey API v2: Unkey v1 has no endpoint for it (set keyscope.unkey.apiVersion to v2)');
      return true;
    });
    assert.equal(emulator.requests.count({ vendor: 'unkey' }), before);
  });
});

describe('Unkey recent verifications: answers that would break paging', () => {
  let server: Server;
  let http: HttpClient;
  let client: UnkeyClient;
  let next: unknown;
  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = testHttp({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });
    client = createUnkeyClient({ version: 'v2', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'unkey_test', http });
  });
  after(async () => {
    await http.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const row = (request_id: string, time: number | string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    request_id, time, key_id: 'key_abc', outcome: 'VALID', region: 'eu-west-1', tags: [], ...extra,
  });

  it('sorts rows it gets out of order, reads quoted 64-bit times, and keeps an unknown outcome\'s word', async () => {
    next = { meta: { requestId: 'req' }, data: [row('b', 10), row('c', '30'), row('a', 20, { outcome: 'SHINY_NEW\u202e' })] };
    const page = await client.recentVerifications('key_abc', { limit: 2 });
    assert.deepEqual(page.items.map((event) => [event.requestId, event.time]), [['c', 30], ['a', 20]]);
    assert.equal(page.items[1]?.outcome, undefined);
    assert.equal(page.items[1]?.outcomeCode, 'SHINY_NEW');
    assert.equal(page.nextCursor, '20.a');
    next = { data: { verifications: [row('a', 1)] } };
    assert.equal((await client.recentVerifications('key_abc')).items.length, 1);
  });

  it('a row not older than the cursor, twice the same row, or another key\'s row is refused', async () => {
    next = { data: [row('a', 20)] };
    await assert.rejects(client.recentVerifications('key_abc', { before: '20.a' }), (error: unknown) => error instanceof ResponseFormatError && /would repeat rows/.test(error.message));
    await assert.rejects(client.recentVerifications('key_abc', { before: '19.z' }), /would repeat rows/);
    next = { data: [row('a', 20), row('a', 20)] };
    await assert.rejects(client.recentVerifications('key_abc'), /would repeat rows/);
    next = { data: [row('a', 20, { key_id: 'key_other' })] };
    await assert.rejects(client.recentVerifications('key_abc'), /data\[0\] is a verification of another key/);
    next = { data: [row('a', -5)] };
    await assert.rejects(client.recentVerifications('key_abc'), /data\[0\]\.time/);
  });
});
