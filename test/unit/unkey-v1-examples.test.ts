// Seed page 004's scenarios against the emulator: the exact JSON the page shows, then the same
// answers read through UnkeyV1Client. Each scenario has its own workspace (see fixtures.ts).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import type { VerificationSlice } from '../../src/vendors/model';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import type { Emulator } from '../emulator/server';
import { PAGE_004_NOW, type FixtureScenario } from '../emulator/unkey/fixtures';
import { HOUR, rawGet } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

const ZERO = { valid: 0, notFound: 0, forbidden: 0, usageExceeded: 0, rateLimited: 0, unauthorized: 0, disabled: 0, insufficientPermissions: 0, expired: 0 };
const row = (counts: Partial<typeof ZERO> & { total: number }, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...ZERO, ...counts, ...extra });

describe('Unkey v1 seed page 004 examples', () => {
  const fixture = useEmulator(PAGE_004_NOW);
  let emulator: Emulator;
  let http: HttpClient;
  const get = async (scenario: FixtureScenario, query: string): Promise<unknown[]> => {
    const answer = await rawGet(emulator, '/v1/analytics.getVerifications', query, emulator.unkey.fixtures[scenario].token);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.ok(Array.isArray(answer.body));
    return answer.body;
  };
  const client = (scenario: FixtureScenario): UnkeyV1Client =>
    new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.fixtures[scenario].token, http });
  const slice = (counts: Partial<typeof ZERO> & { total: number }, extra: Partial<VerificationSlice> = {}): VerificationSlice => ({
    outcomes: { ...ZERO, ...counts },
    ...extra,
  });

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
  });

  it("user's usage over the past 24h: 24 hourly elements, first, second and last as shown", async () => {
    const rows = await get('hourly', 'start=1736673687000&end=1736760087000&externalId=user_123&groupBy=hour&apiId=api_123');
    assert.equal(rows.length, 24);
    assert.deepEqual(rows[0], row({ valid: 15125, usageExceeded: 1225, total: 16350 }, { time: 1736672400000 }));
    assert.deepEqual(rows[1], row({ valid: 765, total: 765 }, { time: 1736676000000 }));
    assert.deepEqual(rows[23], row({ valid: 20016, expired: 51, total: 20067 }, { time: 1736755200000 }));
    const times = rows.map((item) => (item as { time: number }).time);
    assert.deepEqual(times, Array.from({ length: 24 }, (_, i) => 1736672400000 + i * HOUR), 'one element per hour, in order');

    const slices = await client('hourly').getVerifications({ apiId: 'api_123', start: 1736673687000, end: 1736760087000, externalId: 'user_123', groupBy: ['hour'] });
    assert.equal(slices.length, 24);
    assert.deepEqual(slices[0], slice({ valid: 15125, usageExceeded: 1225, total: 16350 }, { time: 1736672400000 }));
    assert.deepEqual(slices[23], slice({ valid: 20016, expired: 51, total: 20067 }, { time: 1736755200000 }));
  });

  it('daily usage of a user per key: the last day holds one element per active key with its keyId', async () => {
    const query = 'start=1734168087000&end=1736760087000&externalId=user_123&groupBy=key&groupBy=day&apiId=api_123';
    const rows = await get('keyDaily', query);
    assert.deepEqual(rows.slice(-2), [
      row({ valid: 13, rateLimited: 10, total: 23 }, { time: 1736726400000, keyId: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j' }),
      row({ valid: 5, usageExceeded: 6, total: 11 }, { time: 1736726400000, keyId: 'key_2zeViCGkJpu5zQ8G12jcBoXWy4KH' }),
    ]);
    const slices = await client('keyDaily').getVerifications({ apiId: 'api_123', start: 1734168087000, end: 1736760087000, externalId: 'user_123', groupBy: ['key', 'day'] });
    assert.deepEqual(slices.slice(-2), [
      slice({ valid: 13, rateLimited: 10, total: 23 }, { time: 1736726400000, keyId: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j' }),
      slice({ valid: 5, usageExceeded: 6, total: 11 }, { time: 1736726400000, keyId: 'key_2zeViCGkJpu5zQ8G12jcBoXWy4KH' }),
    ]);
    assert.ok(slices.every((item) => item.keyId === undefined || item.keyId.startsWith('key_')), 'zero-filled days carry no keyId');
  });

  it('total usage per month for an identity: exactly the one element shown', async () => {
    const rows = await get('monthly', 'start=1734168087000&end=1736760087000&externalId=user_123&groupBy=month&apiId=api_123');
    assert.deepEqual(rows, [row({ valid: 1356136098, rateLimited: 925255, total: 1357061353 }, { time: 1733011200000 })]);
    const slices = await client('monthly').getVerifications({ apiId: 'api_123', start: 1734168087000, end: 1736760087000, externalId: 'user_123', groupBy: ['month'] });
    assert.deepEqual(slices, [slice({ valid: 1356136098, rateLimited: 925255, total: 1357061353 }, { time: 1733011200000 })]);
  });

  it('usage in the current billing period: one element per day, the last two as shown', async () => {
    const rows = await get('billingPeriod', 'start=1734168087000&end=1736760087000&externalId=user_123&groupBy=day&apiId=api_123');
    assert.deepEqual(rows.slice(-2), [
      row({ valid: 98267, rateLimited: 6816, total: 105083 }, { time: 1736553600000 }),
      row({ valid: 20125, rateLimited: 2525, disabled: 6261, total: 28911 }, { time: 1736640000000 }),
    ]);
    assert.equal(rows.length, 30, 'Dec 14 through Jan 12, the day holding `end` had no data');
    const slices = await client('billingPeriod').getVerifications({ apiId: 'api_123', start: 1734168087000, end: 1736760087000, externalId: 'user_123', groupBy: ['day'] });
    assert.deepEqual(slices.at(-1), slice({ valid: 20125, rateLimited: 2525, disabled: 6261, total: 28911 }, { time: 1736640000000 }));
  });

  it('top 10 identities by total: 10 elements, most verifications first, with id and externalId', async () => {
    const rows = await get('topIdentities', 'start=1734168087000&end=1736760087000&orderBy=total&order=desc&limit=10&groupBy=identity&apiId=api_123');
    assert.equal(rows.length, 10);
    assert.deepEqual(rows[0], row({ valid: 54, forbidden: 3, usageExceeded: 6, rateLimited: 10, total: 73 }, { identity: { id: 'id_123', externalId: 'user_123' } }));
    assert.deepEqual(rows[1], row({ valid: 24, forbidden: 1, usageExceeded: 32, rateLimited: 10, total: 67 }, { identity: { id: 'id_456', externalId: 'user_6dg' } }));
    const totals = rows.map((item) => (item as { total: number }).total);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    const slices = await client('topIdentities').getVerifications({ apiId: 'api_123', start: 1734168087000, end: 1736760087000, orderBy: 'total', order: 'desc', limit: 10, groupBy: ['identity'] });
    assert.deepEqual(slices[0], slice({ valid: 54, forbidden: 3, usageExceeded: 6, rateLimited: 10, total: 73 }, { identity: { id: 'id_123', externalId: 'user_123' } }));
    assert.equal(slices.length, 10);
  });

  const fullAnswers: { title: string; scenario: FixtureScenario; url: string; query: VerificationQuery; expected: Record<string, unknown>[] }[] = [
    {
      title: 'filter by tag myTag: one summed element',
      scenario: 'tagFilter',
      url: 'start=1734168087000&end=1736760087000&tag=myTag&apiId=api_123',
      query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, tags: ['myTag'] },
      expected: [row({ valid: 5, total: 5 })],
    },
    {
      title: 'filter by key key_123: one summed element',
      scenario: 'keyFilter',
      url: 'start=1734168087000&end=1736760087000&keyId=key_123&apiId=api_123',
      query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, keyIds: ['key_123'] },
      expected: [row({ valid: 14, rateLimited: 10, total: 24 })],
    },
    {
      title: 'grouping by tags: one element per tag combination, in the order shown',
      scenario: 'tags',
      url: 'start=1734168087000&end=1736760087000&groupBy=tags&apiId=api_123',
      query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, groupBy: ['tags'] },
      expected: [
        row({ valid: 50, forbidden: 3, usageExceeded: 6, rateLimited: 10, total: 69 }, { tags: [] }),
        row({ valid: 1, total: 1 }, { tags: ['a', 'b'] }),
        row({ valid: 2, total: 2 }, { tags: ['a', 'c'] }),
        row({ valid: 2, total: 2 }, { tags: ['a'] }),
      ],
    },
    {
      title: 'breakdown by individual tag: one element per tag, in the order shown',
      scenario: 'tags',
      url: 'start=1734168087000&end=1736760087000&groupBy=tag&apiId=api_123',
      query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, groupBy: ['tag'] },
      expected: [row({ valid: 1, total: 1 }, { tag: 'b' }), row({ valid: 2, total: 2 }, { tag: 'c' }), row({ valid: 5, total: 5 }, { tag: 'a' })],
    },
  ];
  for (const example of fullAnswers) {
    it(`${example.title} (exact JSON, then through the client)`, async () => {
      assert.deepEqual(await get(example.scenario, example.url), example.expected);
      const slices = await client(example.scenario).getVerifications(example.query);
      assert.deepEqual(
        slices,
        example.expected.map(({ tag, tags, ...counts }) => ({
          outcomes: counts,
          ...(tag === undefined ? {} : { tag }),
          ...(tags === undefined ? {} : { tags }),
        })),
      );
    });
  }
});
