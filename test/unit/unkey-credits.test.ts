// Credits as Unkey may send them but the emulator never does: v2's `remaining: null` (the spec's
// "unlimited"), a refill interval Keyscope does not know, and broken credits, over real HTTP from a
// server that answers with exactly the given body, through the real v1 and v2 clients.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { ResponseFormatError } from '../../src/http/errors';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import { UnkeyV2Client } from '../../src/vendors/unkey/v2-client';
import { testHttp } from './test-http';

const KEY = { keyId: 'key_2zeYsLbpULnEUsvYeFGMeJzACp4j', start: 'sk_2zeY', enabled: true, createdAt: 1_736_000_000_000 };

describe('Unkey credits in the model', () => {
  let server: Server;
  let base: string;
  let http: HttpClient;
  let body: unknown;

  before(async () => {
    http = testHttp();
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
  after(async () => {
    await http.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const v2 = async (credits: unknown): Promise<unknown> => {
    body = { meta: { requestId: 'req_1' }, data: { ...KEY, credits } };
    return (await new UnkeyV2Client({ baseUrl: base, token: 'unkey_x', http }).getKey(KEY.keyId)).credits;
  };
  const v1 = async (fields: Record<string, unknown>): Promise<unknown> => {
    body = { id: KEY.keyId, start: KEY.start, apiId: 'api_1', workspaceId: 'ws_1', createdAt: KEY.createdAt, enabled: true, roles: [], permissions: [], ...fields };
    return (await new UnkeyV1Client({ baseUrl: base, token: 'unkey_x', http }).getKey(KEY.keyId)).credits;
  };

  it('v2: remaining null and no credits at all are both unlimited (no credits in the model)', async () => {
    assert.equal(await v2(undefined), undefined);
    assert.equal(await v2({ remaining: null }), undefined);
    assert.equal(await v2({ remaining: null, refill: { interval: 'daily', amount: 10 } }), undefined);
  });

  it('v2: remaining and refill as sent; an unknown interval keeps the amount but no interval', async () => {
    assert.deepEqual(await v2({ remaining: 0 }), { remaining: 0 });
    assert.deepEqual(await v2({ remaining: 5, refill: { interval: 'monthly', amount: 100, refillDay: 31 } }), { remaining: 5, refill: { interval: 'monthly', amount: 100, refillDay: 31 } });
    assert.deepEqual(await v2({ remaining: 5, refill: { interval: 'weekly', amount: 100 } }), { remaining: 5, refill: { amount: 100 } });
  });

  it('v2: broken credits fail with the field named', async () => {
    const cases: [unknown, RegExp][] = [
      [{ remaining: -1 }, /data\.credits\.remaining/],
      [{ remaining: 1.5 }, /data\.credits\.remaining/],
      [{}, /data\.credits\.remaining/],
      [{ remaining: 1, refill: { interval: 'daily', amount: 0 } }, /data\.credits\.refill\.amount/],
      [{ remaining: 1, refill: { interval: 'monthly', amount: 5, refillDay: 32 } }, /data\.credits\.refill\.refillDay/],
    ];
    for (const [credits, field] of cases) {
      await assert.rejects(v2(credits), (error: unknown) => error instanceof ResponseFormatError && field.test(error.message), JSON.stringify(credits));
    }
  });

  it('v1: absent remaining is unlimited; refillDay null (daily) is no refill day', async () => {
    assert.equal(await v1({}), undefined);
    assert.equal(await v1({ refill: { interval: 'daily', amount: 10, refillDay: null } }), undefined, 'a refill without remaining is still unlimited');
    assert.deepEqual(await v1({ remaining: 3, refill: { interval: 'daily', amount: 10, refillDay: null, lastRefillAt: 1_736_000_000_000 } }), {
      remaining: 3,
      refill: { interval: 'daily', amount: 10 },
    });
    await assert.rejects(v1({ remaining: 3, refill: { interval: 'daily' } }), (error: unknown) => error instanceof ResponseFormatError && /refill\.amount/.test(error.message));
  });
});
