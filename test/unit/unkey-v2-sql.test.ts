// The SQL the v2 client writes: user-supplied ids stay inside their literals, only functions Unkey
// allows are called, the aggregate table fits the granularity, and every call is one query.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { NotFoundError } from '../../src/http/errors';
import type { UnkeyClient, VerificationQuery } from '../../src/vendors/unkey/types';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { checkVerificationQuery } from '../../src/vendors/unkey/v2-query';
import { buildVerificationSql, sqlString } from '../../src/vendors/unkey/v2-sql';
import type { Emulator } from '../emulator/server';
import { ALLOWED_FUNCTIONS } from '../emulator/unkey/query-functions';
import { DAY, HOUR } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 2, 10, 12);
const CONTEXT = { vendor: 'unkey', endpoint: 'test' } as const;
const NASTY = [
  "it's",
  "'",
  '\\',
  "\\'",
  "\\' OR 1=1 --",
  "x' OR '1'='1",
  "'); DROP TABLE key_verifications_per_hour_v1; --",
  'trailing backslash \\',
  'line\nbreak\r\ttab\u0000nul\u007f',
  '/* not a comment */ -- nor this',
  'ünïcødé 🔑 ключ',
];
/** Break-out attempts sent end to end (each also sits in NASTY's round trip above). */
const ATTEMPTS = ["x' OR '1'='1", "\\' OR 1=1 --", "'); DROP TABLE key_verifications_per_hour_v1; --", 'trailing backslash \\', 'line\nbreak\r\ttab\u0000nul\u007f'];
const SQL_WORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'AS', 'FROM', 'SELECT', 'WHERE', 'INTERVAL', 'BY', 'TO', 'STEP']);

/** Names called in a SQL text, string literals removed first. */
function calledFunctions(sql: string): string[] {
  const code = sql.replace(/'(?:\\.|[^'\\])*'/g, "''");
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((match) => match[1] ?? '').filter((name) => !SQL_WORDS.has(name.toUpperCase()));
}

describe('Unkey v2 SQL', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let v1: UnkeyClient;
  let v2: UnkeyClient;
  let apiId: string;
  const range = { start: NOW - 2 * DAY, end: NOW };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    const { v1BaseUrl, v2BaseUrl, token } = emulator.config.unkey;
    v1 = createUnkeyClient({ version: 'v1', baseUrl: v1BaseUrl, token, http });
    v2 = createUnkeyClient({ version: 'v2', baseUrl: v2BaseUrl, token, http });
    apiId = emulator.unkey.apiIds[1] ?? '';
  });

  it('string literals reach ClickHouse unchanged, whatever they hold', async () => {
    for (const value of NASTY) {
      const { rows } = await emulator.unkey.store.query<{ v: string; n: number }>(`SELECT ${sqlString(value)} AS v, 1 AS n`);
      assert.deepEqual(rows, [{ v: value, n: 1 }], JSON.stringify(value));
    }
  });

  it('ids that try to break out of their literal match nothing, in v2 as in v1', async () => {
    for (const value of ATTEMPTS) {
      for (const filter of [{ tags: [value, 'y'] }, { keyIds: ['x', value] }]) {
        const query: VerificationQuery = { apiId, ...range, ...filter };
        const [fromV1, fromV2] = await Promise.all([v1.getVerifications(query), v2.getVerifications(query)]);
        assert.deepEqual(fromV2, fromV1, JSON.stringify(filter));
        assert.equal(fromV2.length, 1);
        assert.equal(fromV2[0]?.outcomes.total, 0, `nothing matches ${JSON.stringify(filter)}`);
      }
      await assert.rejects(v2.getVerifications({ apiId, ...range, externalId: value }), NotFoundError, JSON.stringify(value));
    }
  });

  it('ids with quotes, backslashes and control characters find their own rows', async () => {
    const api = emulator.unkey.workspace.apis[1];
    assert.ok(api);
    const hour = NOW - 3 * HOUR;
    const [keyId, tag] = ["key_it's\\odd", "tag'\\\n"];
    await emulator.unkey.store.insert('key_verifications_per_hour_v3', [
      {
        time: new Date(hour).toISOString().slice(0, 19).replace('T', ' '),
        workspace_id: emulator.unkey.workspaceId,
        key_space_id: api.keySpaceId,
        identity_id: '',
        external_id: '',
        key_id: keyId,
        outcome: 'VALID',
        tags: [tag, 'plain'],
        count: 7,
        spent_credits: 0,
        latency_avg: 1,
        latency_p75: 1,
        latency_p99: 1,
      },
    ]);
    const answer = await v2.getVerifications({ apiId, ...range, keyIds: [keyId], tags: [tag], groupBy: ['key', 'tag'] });
    assert.deepEqual(
      answer.map((slice) => [slice.keyId, slice.tag, slice.outcomes.valid, slice.outcomes.total]),
      [[keyId, 'plain', 7, 7], [keyId, tag, 7, 7]],
    );
    const byTags: VerificationQuery = { apiId, ...range, keyIds: [keyId], groupBy: ['tags', 'hour'] };
    const [fromV1, fromV2] = await Promise.all([v1.getVerifications(byTags), v2.getVerifications(byTags)]);
    assert.deepEqual(fromV2, fromV1);
    assert.deepEqual(fromV2.find((slice) => slice.time === hour)?.tags, [tag, 'plain']);
  });

  const variants: Omit<VerificationQuery, 'apiId' | 'start' | 'end'>[] = [
    {},
    { groupBy: ['hour'] },
    { groupBy: ['day', 'key'], orderBy: 'valid', order: 'desc', limit: 5 },
    { groupBy: ['month', 'identity'] },
    { groupBy: ['tag'], tags: ['a', 'b'] },
    { groupBy: ['tags'], keyIds: ['k1', 'k2'], externalId: 'user_x' },
    { groupBy: ['hour', 'identity'], orderBy: 'time', order: 'desc', limit: 3 },
  ];

  it("calls only functions on Unkey's allow-list and names only its public tables", () => {
    const allowed = new Set(ALLOWED_FUNCTIONS.map((name) => name.toLowerCase()));
    for (const variant of variants) {
      const sql = buildVerificationSql(checkVerificationQuery(CONTEXT, { apiId: 'api_1', ...range, ...variant }, NOW));
      for (const name of calledFunctions(sql)) assert.ok(allowed.has(name.toLowerCase()), `${name} in ${sql}`);
      const tables = [...sql.matchAll(/FROM\s+([A-Za-z_0-9.]+)/g)].map((match) => match[1]).filter((name) => !name?.startsWith('to'));
      for (const table of tables) assert.match(table ?? '', /^key_verifications_per_(hour|day|month)_v1$/, sql);
    }
  });

  it('reads the aggregate table matching the granularity (the coarsest one asked, as v1 does)', () => {
    const tableFor = (groupBy: VerificationQuery['groupBy']): string | undefined =>
      /FROM (key_verifications_\w+)/.exec(buildVerificationSql(checkVerificationQuery(CONTEXT, { apiId: 'api_1', ...range, groupBy }, NOW)))?.[1];
    assert.equal(tableFor(undefined), 'key_verifications_per_hour_v1');
    assert.equal(tableFor(['key']), 'key_verifications_per_hour_v1');
    assert.equal(tableFor(['hour']), 'key_verifications_per_hour_v1');
    assert.equal(tableFor(['day', 'key']), 'key_verifications_per_day_v1');
    assert.equal(tableFor(['month']), 'key_verifications_per_month_v1');
    assert.equal(tableFor(['hour', 'month']), 'key_verifications_per_month_v1');
  });

  it('spends exactly one query per call, whatever the grouping', async () => {
    for (const variant of variants.filter((v) => v.externalId === undefined)) {
      const before = emulator.requests.count({ vendor: 'unkey', path: '/v2/analytics.getVerifications' });
      await v2.getVerifications({ apiId, ...range, ...variant });
      assert.equal(emulator.requests.count({ vendor: 'unkey', path: '/v2/analytics.getVerifications' }) - before, 1, JSON.stringify(variant));
    }
  });
});
