// Unkey v2 key activity: one SQL over several APIs answers, per key and API, exactly what one
// getVerifications per API and window answers; the query passes Unkey's query rules (the emulator's
// guard); an unknown API is left out without hiding the others; bad arguments spend no query.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { InvalidRequestError, NotFoundError } from '../../src/http/errors';
import type { OutcomeCounts } from '../../src/vendors/model';
import { NeedsUnkeyV2Error } from '../../src/vendors/unkey/needs-v2-error';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import type { Emulator } from '../emulator/server';
import { useEmulator } from './emulator-fixture';
import { DAY } from './unkey-harness';

const NOW = Date.UTC(2025, 2, 10, 12);

describe('Unkey v2 key activity (one query for several APIs)', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let client: UnkeyV2Client;
  const queries = (): number => emulator.requests.count({ vendor: 'unkey', path: 'analytics.getVerifications' });

  before(() => {
    emulator = fixture.emulator;
    client = new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token: emulator.unkey.token, http: fixture.http, now: () => NOW });
  });

  async function perApi(apiId: string, start: number): Promise<Map<string, OutcomeCounts>> {
    const rows = await client.getVerifications({ apiId, start, end: NOW, groupBy: ['key'] });
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  it('answers every API in one query, each key under its own API, with the per-API counts of both windows', async () => {
    const apiIds = [...emulator.unkey.apiIds];
    assert.ok(apiIds.length >= 2);
    const before = queries();
    const answer = await client.keyActivity({ apiIds, start: NOW - 30 * DAY, recentStart: NOW - DAY, end: NOW });
    assert.equal(queries() - before, 1);
    assert.equal(answer.unknownApis.size, 0);
    for (const apiId of apiIds) {
      const [totals, recent] = [await perApi(apiId, NOW - 30 * DAY), await perApi(apiId, NOW - DAY)];
      const rows = answer.rows.filter((row) => row.apiId === apiId);
      assert.equal(rows.length, totals.size, apiId);
      for (const row of rows) {
        assert.deepEqual(row.total, totals.get(row.keyId), `${apiId} ${row.keyId} 30 days`);
        const expected = recent.get(row.keyId);
        if (expected) assert.deepEqual(row.recent, expected, `${apiId} ${row.keyId} 24 hours`);
        else assert.equal(row.recent.total, 0);
      }
    }
  });

  it('leaves out an API Unkey does not know, asks again without it, and still answers the others', async () => {
    const [apiId] = emulator.unkey.apiIds;
    assert.ok(apiId);
    const before = queries();
    const answer = await client.keyActivity({ apiIds: ['api_Missing1', apiId, 'api_Missing2'], start: NOW - 30 * DAY, recentStart: NOW - DAY, end: NOW });
    assert.equal(queries() - before, 3, 'refused twice, answered once');
    assert.deepEqual([...answer.unknownApis.keys()].sort(), ['api_Missing1', 'api_Missing2']);
    for (const error of answer.unknownApis.values()) assert.ok(error instanceof NotFoundError);
    assert.ok(answer.rows.length > 0 && answer.rows.every((row) => row.apiId === apiId));
  });

  it('refuses bad arguments before spending a query; v1 says it needs v2', async () => {
    const before = queries();
    const window = { start: NOW - 30 * DAY, recentStart: NOW - DAY, end: NOW };
    await assert.rejects(client.keyActivity({ apiIds: [], ...window }), InvalidRequestError);
    await assert.rejects(client.keyActivity({ apiIds: ['api_x'], ...window, recentStart: NOW }), InvalidRequestError);
    await assert.rejects(client.keyActivity({ apiIds: [''], ...window }), InvalidRequestError);
    assert.equal(queries(), before);
    const v1 = new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token: emulator.unkey.token, http: fixture.http });
    await assert.rejects(v1.keyActivity({ apiIds: ['api_x'], ...window }), NeedsUnkeyV2Error);
  });
});
