// The promise behind `keyscope.unkey.apiVersion`: v1 (query string) and v2 (SQL) give the same
// VerificationSlice[] for the same VerificationQuery, and both agree with the emulator's own rows.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { InvalidRequestError, NotFoundError } from '../../src/http/errors';
import type { VerificationSlice } from '../../src/vendors/model';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import type { UnkeyClient, VerificationQuery } from '../../src/vendors/unkey/types';
import type { Emulator } from '../emulator/server';
import { PAGE_004_NOW, type FixtureScenario } from '../emulator/unkey/fixtures';
import { canonical, DAY, HOUR, hourRows, oracle, sliceOf, type HourRow } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

// Seeded history runs 14 days up to NOW (2025-01-13 09:21 UTC), so it crosses the Dec → Jan boundary.
const NOW = PAGE_004_NOW;
const RANGES = {
  /** Crosses midnight of 2025-01-01, with start and end off the hour. */
  newYear: { start: Date.UTC(2024, 11, 30, 17, 40), end: Date.UTC(2025, 0, 2, 6, 10) },
  lastDay: { start: NOW - DAY, end: NOW },
  all: { start: NOW - 14 * DAY, end: NOW },
  fewHours: { start: NOW - 5 * HOUR + 7 * 60_000, end: NOW - HOUR - 3 * 60_000 },
};

type Case = { title: string; query: Omit<VerificationQuery, 'apiId'>; topN?: boolean };

/** Canonical order for answers whose order v1 leaves to ClickHouse (no time group, no orderBy). */
function sorted(slices: readonly VerificationSlice[]): VerificationSlice[] {
  const key = (slice: VerificationSlice): string =>
    JSON.stringify([slice.time ?? 0, slice.keyId ?? '', slice.identity?.id ?? '', slice.tags ?? [], slice.tag ?? '']);
  return [...slices].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function granularityOf(query: Pick<VerificationQuery, 'groupBy'>): 'hour' | 'day' | 'month' | undefined {
  const groups = query.groupBy ?? [];
  return groups.includes('month') ? 'month' : groups.includes('day') ? 'day' : groups.includes('hour') ? 'hour' : undefined;
}

function nextSlice(ms: number, unit: 'hour' | 'day' | 'month'): number {
  if (unit !== 'month') return ms + (unit === 'hour' ? HOUR : DAY);
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

describe('Unkey v1 and v2 answer alike', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let v1: UnkeyClient;
  let v2: UnkeyClient;
  let apiId: string;
  let rows: HourRow[];
  let someKeys: string[];
  let someTags: string[];
  let externalId: string;

  const both = async (query: VerificationQuery, clients: [UnkeyClient, UnkeyClient] = [v1, v2]): Promise<[VerificationSlice[], VerificationSlice[]]> => {
    const [fromV1, fromV2] = await Promise.all(clients.map((client) => client.getVerifications(query)));
    return [fromV1 as VerificationSlice[], fromV2 as VerificationSlice[]];
  };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    const { v1BaseUrl, v2BaseUrl, token } = emulator.config.unkey;
    v1 = createUnkeyClient({ version: 'v1', baseUrl: v1BaseUrl, token, http });
    v2 = createUnkeyClient({ version: 'v2', baseUrl: v2BaseUrl, token, http });
    const api = emulator.unkey.workspace.apis[0];
    assert.ok(api);
    apiId = api.id;
    rows = await hourRows(emulator.unkey, emulator.unkey.workspaceId, api.keySpaceId);
    // Filters pick values that have data in the ranges, so an empty answer cannot pass by accident.
    const busiest = (values: string[]): string[] => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
    };
    const recent = rows.filter((row) => row.time >= RANGES.lastDay.start);
    someKeys = busiest(recent.map((row) => row.keyId)).slice(1, 4);
    someTags = busiest(recent.flatMap((row) => row.tags)).slice(0, 2);
    externalId = busiest(recent.filter((row) => row.externalId !== '').map((row) => row.externalId))[0] ?? '';
    assert.equal(someKeys.length, 3);
    assert.equal(someTags.length, 2);
    assert.notEqual(externalId, '');
  });

  const cases = (): Case[] => [
    { title: 'per hour over the last day', query: { ...RANGES.lastDay, groupBy: ['hour'] } },
    { title: 'per day over all history', query: { ...RANGES.all, groupBy: ['day'] } },
    { title: 'per month across the new year', query: { ...RANGES.newYear, groupBy: ['month'] } },
    { title: 'per day across the new year', query: { ...RANGES.newYear, groupBy: ['day'] } },
    { title: 'per key', query: { ...RANGES.all, groupBy: ['key'] } },
    { title: 'per identity', query: { ...RANGES.newYear, groupBy: ['identity'] } },
    { title: 'per tag', query: { ...RANGES.all, groupBy: ['tag'] } },
    { title: 'per tag combination', query: { ...RANGES.all, groupBy: ['tags'] } },
    { title: 'no grouping: one summed element', query: { ...RANGES.fewHours } },
    { title: 'per key per day', query: { ...RANGES.newYear, groupBy: ['key', 'day'] } },
    { title: 'per identity per hour', query: { ...RANGES.lastDay, groupBy: ['identity', 'hour'] } },
    { title: 'per key per month', query: { ...RANGES.all, groupBy: ['month', 'key'] } },
    { title: 'several keyIds, summed, per day', query: { ...RANGES.all, keyIds: someKeys, groupBy: ['day'] } },
    { title: 'several keyIds, no grouping', query: { ...RANGES.lastDay, keyIds: someKeys } },
    { title: 'several tags (OR), per hour', query: { ...RANGES.lastDay, tags: someTags, groupBy: ['hour'] } },
    { title: 'tags filter with per-tag breakdown', query: { ...RANGES.all, tags: someTags, groupBy: ['tag'] } },
    { title: 'one identity per hour (seed page 004 scenario)', query: { ...RANGES.lastDay, externalId, groupBy: ['hour'] } },
    { title: 'one identity per key', query: { ...RANGES.all, externalId, groupBy: ['key'] } },
    { title: 'top 10 keys by total', query: { ...RANGES.all, groupBy: ['key'], orderBy: 'total', order: 'desc', limit: 10 }, topN: true },
    { title: 'top 5 identities by total', query: { ...RANGES.all, groupBy: ['identity'], orderBy: 'total', order: 'desc', limit: 5 }, topN: true },
    { title: 'per key per day, fewest valid first', query: { ...RANGES.newYear, groupBy: ['key', 'day'], orderBy: 'valid', order: 'asc' } },
    { title: 'hours newest first', query: { ...RANGES.fewHours, groupBy: ['hour'], orderBy: 'time', order: 'desc' } },
    { title: 'first 6 hours of a filled series (limit without orderBy)', query: { ...RANGES.lastDay, groupBy: ['hour'], limit: 6 } },
    { title: 'quietest 3 days by rateLimited', query: { ...RANGES.all, groupBy: ['day'], orderBy: 'rateLimited', order: 'asc', limit: 3 } },
  ];

  it('covers every groupBy value and filter in the matrix', () => {
    const all = cases();
    for (const group of ['key', 'identity', 'tags', 'tag', 'month', 'day', 'hour'] as const) {
      assert.ok(all.some((c) => c.query.groupBy?.includes(group)), group);
    }
    assert.ok(all.some((c) => c.query.keyIds) && all.some((c) => c.query.tags) && all.some((c) => c.query.externalId));
  });

  for (const { title, query: partial, topN } of cases()) {
    it(title, async () => {
      const query = { apiId, ...partial };
      const [fromV1, fromV2] = await both(query);
      const ordered = granularityOf(query) !== undefined || query.orderBy !== undefined;
      if (ordered) assert.deepEqual(fromV2, fromV1, 'same slices in the same order');
      else assert.deepEqual(sorted(fromV2), sorted(fromV1), 'same slices (v1 leaves this order to ClickHouse)');
      assert.ok(fromV2.some((slice) => slice.outcomes.total > 0), 'the case has data');

      const expected = oracle(rows, { ...query, end: query.end ?? NOW });
      if (topN) {
        const totals = expected.map((slice) => slice.outcomes.total).sort((a, b) => b - a);
        assert.deepEqual(fromV2.map((slice) => slice.outcomes.total), totals.slice(0, query.limit));
      } else if (query.limit === undefined) {
        assert.deepEqual(canonical(fromV2), canonical(expected), 'the store holds exactly these counts');
      }

      const unit = granularityOf(query);
      if (unit && query.limit === undefined) {
        // Zero-filled from the slice holding start up to (not including) the slice holding end, which
        // appears only when it has data.
        const from = sliceOf(sliceOf(query.start, 'hour'), unit);
        const to = sliceOf(sliceOf(query.end ?? NOW, 'hour'), unit);
        const series: number[] = [];
        for (let slice = from; slice < to; slice = nextSlice(slice, unit)) series.push(slice);
        if (expected.some((slice) => slice.time === to)) series.push(to);
        assert.deepEqual([...new Set(fromV2.map((slice) => slice.time))].sort((a = 0, b = 0) => a - b), series);
      }
    });
  }

  const seedPage: { scenario: FixtureScenario; query: VerificationQuery }[] = [
    { scenario: 'hourly', query: { apiId: 'api_123', start: 1736673687000, end: 1736760087000, externalId: 'user_123', groupBy: ['hour'] } },
    { scenario: 'keyDaily', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, externalId: 'user_123', groupBy: ['key', 'day'] } },
    { scenario: 'monthly', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, externalId: 'user_123', groupBy: ['month'] } },
    { scenario: 'billingPeriod', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, externalId: 'user_123', groupBy: ['day'] } },
    { scenario: 'topIdentities', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, orderBy: 'total', order: 'desc', limit: 10, groupBy: ['identity'] } },
    { scenario: 'tagFilter', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, tags: ['myTag'] } },
    { scenario: 'keyFilter', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, keyIds: ['key_123'] } },
    { scenario: 'tags', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, groupBy: ['tags'] } },
    { scenario: 'tags', query: { apiId: 'api_123', start: 1734168087000, end: 1736760087000, groupBy: ['tag'] } },
  ];
  for (const { scenario, query } of seedPage) {
    it(`seed page 004 "${scenario}" ${JSON.stringify(query.groupBy ?? [])}: v2 answers what the page shows through v1`, async () => {
      const { token } = emulator.unkey.fixtures[scenario];
      const clients = (['v1', 'v2'] as const).map((version) =>
        createUnkeyClient({ version, baseUrl: emulator.config.unkey.v2BaseUrl, token, http }),
      ) as [UnkeyClient, UnkeyClient];
      const [fromV1, fromV2] = await both(query, clients);
      if (granularityOf(query) || query.orderBy) assert.deepEqual(fromV2, fromV1);
      else assert.deepEqual(sorted(fromV2), sorted(fromV1));
    });
  }

  it('seed page 004 "past 24h": 24 hourly slices, the first and last as the page shows', async () => {
    const token = emulator.unkey.fixtures.hourly.token;
    const client = createUnkeyClient({ version: 'v2', baseUrl: emulator.config.unkey.v2BaseUrl, token, http });
    const slices = await client.getVerifications(seedPage[0]?.query as VerificationQuery);
    assert.equal(slices.length, 24);
    assert.deepEqual(slices[0], {
      time: 1736672400000,
      outcomes: { valid: 15125, notFound: 0, forbidden: 0, usageExceeded: 1225, rateLimited: 0, unauthorized: 0, disabled: 0, insufficientPermissions: 0, expired: 0, total: 16350 },
    });
    assert.deepEqual(slices[23], {
      time: 1736755200000,
      outcomes: { valid: 20016, notFound: 0, forbidden: 0, usageExceeded: 0, rateLimited: 0, unauthorized: 0, disabled: 0, insufficientPermissions: 0, expired: 51, total: 20067 },
    });
  });

  it('refuses the same bad arguments, before sending anything', async () => {
    const bad: VerificationQuery[] = [
      { apiId, start: NOW, end: NOW },
      { apiId, start: NOW, end: NOW - HOUR },
      { apiId, ...RANGES.lastDay, limit: 1 },
      { apiId, ...RANGES.lastDay, groupBy: ['tag', 'tags'] },
      { apiId, ...RANGES.lastDay, groupBy: ['key'], orderBy: 'time' },
      { apiId: '', ...RANGES.lastDay },
    ];
    const before = emulator.requests.count({ vendor: 'unkey' });
    for (const query of bad) {
      for (const client of [v1, v2]) {
        await assert.rejects(client.getVerifications(query), InvalidRequestError, `${client.version} ${JSON.stringify(query)}`);
      }
    }
    assert.equal(emulator.requests.count({ vendor: 'unkey' }), before);
  });

  it('an unknown API or identity is a NotFoundError from both', async () => {
    for (const query of [
      { apiId: 'api_doesNotExist', ...RANGES.lastDay },
      { apiId, ...RANGES.lastDay, externalId: 'user_nobody' },
    ]) {
      for (const client of [v1, v2]) await assert.rejects(client.getVerifications(query), NotFoundError, client.version);
    }
  });
});
