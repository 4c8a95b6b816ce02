// The v2 client's contract beyond the SQL: arguments checked before a query is spent, `end`
// defaulting to now, vendor answers validated, key listing, and the version factory.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { InvalidRequestError, ResponseFormatError } from '../../src/http/errors';
import { createUnkeyClient, unkeyBaseUrl } from '../../src/vendors/unkey/factory';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import type { Emulator } from '../emulator/server';
import { DAY, HOUR } from './unkey-harness';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 2, 10, 12);
const COUNTS = { valid: 3, rateLimited: 1, usageExceeded: 0, disabled: 0, expired: 0, forbidden: 0, unauthorized: 0, notFound: 0, insufficientPermissions: 0, total: 4 };

describe('Unkey v2 client', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let client: UnkeyV2Client;
  let apiId: string;
  const v2Requests = (): number => emulator.requests.count({ vendor: 'unkey', path: '/v2/' });

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    client = new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token: emulator.unkey.token, http, now: () => NOW });
    apiId = emulator.unkey.apiIds[0] ?? '';
  });

  it('refuses bad arguments with InvalidRequestError naming them, and spends no query', async () => {
    const base: VerificationQuery = { apiId: 'api_x', start: NOW - DAY, end: NOW };
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ apiId: '  ' }, /apiId is required/],
      [{ start: Number.NaN }, /start must be/],
      [{ start: -5 }, /start must be/],
      [{ end: 1.5 }, /end must be/],
      [{ start: NOW, end: NOW }, /start cannot be equal or greater than end/],
      [{ start: NOW + HOUR, end: undefined }, /start cannot be equal or greater than end/],
      [{ limit: 1 }, /limit must be an integer greater than 1/],
      [{ limit: 2.5 }, /limit/],
      [{ groupBy: ['week'] }, /groupBy has an unknown value: week/],
      [{ groupBy: ['tags', 'tag'] }, /groupBy cannot combine tag and tags/],
      [{ orderBy: 'popularity' }, /orderBy has an unknown value/],
      [{ orderBy: 'time', groupBy: ['key'] }, /orderBy=time needs a time groupBy/],
      [{ order: 'up' }, /order must be asc or desc/],
      [{ keyIds: [''] }, /keyIds/],
      [{ tags: 'env:production' }, /tags must be a list/],
      [{ externalId: '' }, /externalId/],
    ];
    const before = v2Requests();
    for (const [change, message] of bad) {
      await assert.rejects(client.getVerifications({ ...base, ...change } as VerificationQuery), (error: unknown) => {
        assert.ok(error instanceof InvalidRequestError, JSON.stringify(change));
        assert.match(error.message, message);
        return true;
      });
    }
    const noToken = new UnkeyV2Client({ baseUrl: emulator.config.unkey.v2BaseUrl, token: '', http });
    await assert.rejects(noToken.getVerifications(base), /no root key is set/);
    const ftp = new UnkeyV2Client({ baseUrl: 'ftp://example.com', token: 'unkey_x', http });
    await assert.rejects(ftp.getVerifications(base), /base URL must be http or https/);
    assert.equal(v2Requests(), before);
  });

  it('end defaults to now, as the vendor defaults it', async () => {
    const query = { apiId, start: NOW - 6 * HOUR, groupBy: ['hour' as const] };
    assert.deepEqual(await client.getVerifications(query), await client.getVerifications({ ...query, end: NOW }));
  });

  it('lists keys through POST /v2/apis.listKeys, one page per call', async () => {
    const before = emulator.requests.count({ vendor: 'unkey', path: '/v2/apis.listKeys' });
    const page = await client.listKeys({ apiId, limit: 5 });
    assert.equal(page.items.length, 5);
    assert.ok(page.nextCursor);
    const api = emulator.unkey.workspace.apis[0];
    assert.deepEqual(page.items.map((key) => key.keyId), api?.keys.slice(0, 5).map((key) => key.id));
    assert.ok(page.items.every((key) => key.vendor === 'unkey' && key.scopeId === apiId));
    assert.equal(emulator.requests.count({ vendor: 'unkey', path: '/v2/apis.listKeys' }) - before, 1);
  });

  describe('answers it does not trust', () => {
    let server: Server;
    let body: unknown = {};
    let base = '';
    const query: VerificationQuery = { apiId: 'api_x', start: NOW - DAY, end: NOW, groupBy: ['key'] };
    const answer = (data: unknown): VerificationQuery => {
      body = data;
      return query;
    };

    before(async () => {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const strict = (): UnkeyV2Client => new UnkeyV2Client({ baseUrl: base, token: 'unkey_x', http });

    it('reads counts sent as 64-bit digit strings, and data wrapped in `verifications`', async () => {
      const asText = Object.fromEntries(Object.entries(COUNTS).map(([name, value]) => [name, String(value)]));
      const expected = [{ keyId: 'key_a', outcomes: COUNTS }];
      assert.deepEqual(await strict().getVerifications(answer({ meta: { requestId: 'r' }, data: [{ key_id: 'key_a', ...asText }] })), expected);
      assert.deepEqual(await strict().getVerifications(answer({ data: { verifications: [{ key_id: 'key_a', ...COUNTS, extra: true }] } })), expected);
    });

    it('refuses rows missing what the query grouped by, or with broken counts, naming the field', async () => {
      const cases: [unknown, RegExp][] = [
        [{ data: [{ ...COUNTS }] }, /data\[0\]\.key_id: missing/],
        [{ data: [{ key_id: 'key_a', ...COUNTS, total: undefined }] }, /data\[0\]\.total/],
        [{ data: [{ key_id: 'key_a', ...COUNTS, valid: -3 }] }, /data\[0\]\.valid/],
        [{ data: [{ key_id: 'key_a', ...COUNTS, valid: '12abc' }] }, /data\[0\]\.valid/],
        [{ meta: { requestId: 'r' } }, /field data/],
      ];
      for (const [data, message] of cases) {
        await assert.rejects(strict().getVerifications(answer(data)), (error: unknown) => {
          assert.ok(error instanceof ResponseFormatError);
          assert.match(error.message, message);
          return true;
        });
      }
    });
  });

  it('the factory builds the version asked for, on the vendor URL when none is set', () => {
    assert.equal(unkeyBaseUrl('v1', ''), 'https://api.unkey.dev');
    assert.equal(unkeyBaseUrl('v2', ''), 'https://api.unkey.com');
    assert.equal(unkeyBaseUrl('v2', '   '), 'https://api.unkey.com');
    assert.equal(unkeyBaseUrl('v2', undefined), 'https://api.unkey.com');
    assert.equal(unkeyBaseUrl('v1', 'https://unkey.internal.example/'), 'https://unkey.internal.example/');
    const token = emulator.unkey.token;
    const one = createUnkeyClient({ version: 'v1', baseUrl: '', token, http });
    const two = createUnkeyClient({ version: 'v2', baseUrl: '', token, http });
    assert.ok(one instanceof UnkeyV1Client && one.version === 'v1');
    assert.ok(two instanceof UnkeyV2Client && two.version === 'v2');
  });

  it('a base URL with or without a trailing slash reaches the same endpoint', async () => {
    const query = { apiId, start: NOW - 3 * HOUR, end: NOW };
    const token = emulator.unkey.token;
    const slash = createUnkeyClient({ version: 'v2', baseUrl: `${emulator.config.unkey.v2BaseUrl}/`, token, http });
    assert.deepEqual(await slash.getVerifications(query), await client.getVerifications(query));
  });
});
