// Every v1 analytics.getVerifications parameter and the combinations the seed pages show, read through
// UnkeyV1Client from the seeded workspace and checked against the oracle (unkey-harness.ts), which
// sums the emulator's hourly rows in plain TypeScript.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import type { VerificationSlice } from '../../src/vendors/model';
import type { GroupBy, VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import type { Emulator } from '../emulator/server';
import type { ApiRecord } from '../emulator/unkey/model';
import { canonical, DAY, HOUR, hourRows, oracle, rawGet, sliceOf, type HourRow } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);

describe('Unkey v1 analytics.getVerifications parameters', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let client: UnkeyV1Client;
  let api: ApiRecord;
  let rows: HourRow[];
  const base = (): { apiId: string; start: number; end: number } => ({ apiId: api.id, start: NOW - 10 * DAY, end: NOW });
  const check = async (query: VerificationQuery & { end: number }): Promise<VerificationSlice[]> => {
    const slices = await client.getVerifications(query);
    assert.deepEqual(canonical(slices), canonical(oracle(rows, query)));
    return slices;
  };
  const busiest = (pick: (row: HourRow) => string, from = NOW - 10 * DAY): string[] => {
    const totals = new Map<string, number>();
    for (const row of rows) if (row.time >= from && pick(row) !== '') totals.set(pick(row), (totals.get(pick(row)) ?? 0) + row.count);
    return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    client = new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.token, http });
    api = emulator.unkey.workspace.apis[0] as ApiRecord;
    rows = await hourRows(emulator.unkey, emulator.unkey.workspaceId, api.keySpaceId);
    assert.ok(rows.length > 100, 'the seeded API has history');
  });

  it('without groupBy: one summed element without time', async () => {
    const slices = await check(base());
    assert.equal(slices.length, 1);
    assert.equal(slices[0]?.time, undefined);
    assert.ok((slices[0]?.outcomes.total ?? 0) > 0);
    const { total, ...outcomes } = slices[0]?.outcomes ?? { total: -1 };
    assert.equal(Object.values(outcomes).reduce((sum, count) => sum + count, 0), total, 'outcomes add up to total');
  });

  for (const [granularity, span] of [['hour', 2 * DAY], ['day', 10 * DAY], ['month', 13 * DAY]] as const) {
    it(`groupBy=${granularity}: zero-filled series from the start slice, time = slice start in ms`, async () => {
      const query = { apiId: api.id, start: NOW - span, end: NOW, groupBy: [granularity] as GroupBy[] };
      const slices = await check(query);
      const first = sliceOf(sliceOf(query.start, 'hour'), granularity);
      const last = sliceOf(sliceOf(NOW, 'hour'), granularity);
      const times = slices.map((slice) => slice.time ?? -1);
      assert.equal(times[0], first);
      for (let i = 1; i < times.length; i++) assert.ok((times[i] ?? 0) > (times[i - 1] ?? 0), 'strictly ascending');
      const expected = new Set<number>();
      for (let t = first; t < last; t = sliceOf(t + (granularity === 'hour' ? HOUR : DAY) + (granularity === 'month' ? 31 * DAY : 0), granularity)) expected.add(t);
      for (const t of expected) assert.ok(times.includes(t), `slice ${new Date(t).toISOString()} is present (zero-filled if empty)`);
      assert.ok(times.every((t) => t <= last));
    });
  }

  it('zero-fill over a range without data: every hour present with zero counts', async () => {
    const start = NOW - 40 * DAY;
    const slices = await client.getVerifications({ apiId: api.id, start, end: start + 6 * HOUR, groupBy: ['hour'] });
    assert.equal(slices.length, 6);
    assert.ok(slices.every((slice) => slice.outcomes.total === 0 && slice.keyId === undefined));
    const summed = await client.getVerifications({ apiId: api.id, start, end: start + 6 * HOUR });
    assert.equal(summed.length, 1);
    assert.equal(summed[0]?.outcomes.total, 0);
  });

  for (const groupBy of [['key'], ['identity'], ['tags'], ['tag'], ['key', 'day'], ['identity', 'hour'], ['tags', 'day'], ['tag', 'hour'], ['key', 'identity']] as GroupBy[][]) {
    it(`groupBy=${groupBy.join('&groupBy=')}: one element per group${groupBy.length > 1 ? ' and slice' : ''}`, async () => {
      const span = groupBy.includes('hour') ? 2 * DAY : 10 * DAY;
      const slices = await check({ apiId: api.id, start: NOW - span, end: NOW, groupBy });
      if (groupBy.includes('identity')) assert.ok(slices.filter((s) => s.outcomes.total > 0).every((s) => s.identity?.externalId.startsWith('user_')));
      if (groupBy.includes('key')) assert.ok(slices.filter((s) => s.outcomes.total > 0).every((s) => s.keyId?.startsWith('key_')));
    });
  }

  it('keyId repeated: the keys are summed, equal to the raw answer for the same query string', async () => {
    const keys = busiest((row) => row.keyId).slice(0, 3);
    const slices = await check({ ...base(), keyIds: keys });
    const singles = await Promise.all(keys.map((keyId) => client.getVerifications({ ...base(), keyIds: [keyId] })));
    assert.equal(slices[0]?.outcomes.total, singles.reduce((sum, [slice]) => sum + (slice?.outcomes.total ?? 0), 0));
    const raw = await rawGet(emulator, '/v1/analytics.getVerifications', `apiId=${api.id}&start=${NOW - 10 * DAY}&end=${NOW}&${keys.map((k) => `keyId=${k}`).join('&')}`, emulator.unkey.token);
    assert.equal((raw.body as { total: number }[])[0]?.total, slices[0]?.outcomes.total);
  });

  it('tag repeated: a logical OR (verifications with any of the tags, counted once)', async () => {
    const tags = ['env:production', 'plan:pro'];
    const [both] = await check({ ...base(), tags });
    const [production] = await check({ ...base(), tags: ['env:production'] });
    const [pro] = await check({ ...base(), tags: ['plan:pro'] });
    const overlap = rows
      .filter((row) => row.time >= sliceOf(NOW - 10 * DAY, 'hour') && row.tags.includes('env:production') && row.tags.includes('plan:pro'))
      .reduce((sum, row) => sum + row.count, 0);
    assert.ok(overlap > 0, 'the data has verifications carrying both tags');
    assert.equal(both?.outcomes.total, (production?.outcomes.total ?? 0) + (pro?.outcomes.total ?? 0) - overlap);
  });

  it('externalId: only that identity, alone and with groupBy=key&groupBy=day', async () => {
    const externalId = busiest((row) => row.externalId)[0] ?? '';
    await check({ ...base(), externalId });
    const perKey = await check({ ...base(), externalId, groupBy: ['key', 'day'] });
    const owned = new Set(api.keys.filter((key) => key.identity?.externalId === externalId).map((key) => key.id));
    assert.ok(perKey.filter((s) => s.keyId).every((s) => owned.has(s.keyId ?? '')));
  });

  it('orderBy=total&order=desc&limit=5 with groupBy=key: the five busiest keys', async () => {
    const slices = await client.getVerifications({ ...base(), groupBy: ['key'], orderBy: 'total', order: 'desc', limit: 5 });
    const expected = canonical(oracle(rows, { ...base(), groupBy: ['key'] })).sort((a, b) => b.outcomes.total - a.outcomes.total).slice(0, 5);
    assert.deepEqual(slices.map((s) => s.outcomes.total), expected.map((s) => s.outcomes.total));
    assert.equal(slices.length, 5);
  });

  it('orderBy without order sorts ascending (the documented default)', async () => {
    const slices = await client.getVerifications({ ...base(), groupBy: ['key'], orderBy: 'rateLimited' });
    const values = slices.map((s) => s.outcomes.rateLimited);
    assert.deepEqual(values, [...values].sort((a, b) => a - b));
    const byTime = await client.getVerifications({ ...base(), groupBy: ['day'], orderBy: 'time', order: 'desc' });
    const times = byTime.map((s) => s.time ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  it('end defaults to now (the emulator clock)', async () => {
    const slices = await client.getVerifications({ apiId: api.id, start: NOW - 3 * DAY });
    assert.deepEqual(canonical(slices), canonical(oracle(rows, { start: NOW - 3 * DAY, end: NOW })));
  });

  it('start is truncated down to the hour and the hour holding end is included', async () => {
    const hour = sliceOf(NOW - 5 * HOUR, 'hour');
    const exact = await client.getVerifications({ apiId: api.id, start: hour, end: hour + 2 * HOUR });
    const late = await client.getVerifications({ apiId: api.id, start: hour + 59 * 60_000, end: hour + 2 * HOUR + 1 });
    assert.deepEqual(late, exact, 'start 9:59 counts from 9:00; end 11:00:00.001 still ends with the 11:00 hour');
    const hourTotal = (t: number): number => rows.filter((row) => row.time === t).reduce((sum, row) => sum + row.count, 0);
    assert.equal(exact[0]?.outcomes.total, hourTotal(hour) + hourTotal(hour + HOUR) + hourTotal(hour + 2 * HOUR));
    assert.ok(hourTotal(hour + 2 * HOUR) > 0, 'the end hour has data, so the inclusion is visible');
  });
});
