// RuntypeClient against the emulator: mapping to the model, the docs example, typed errors, safe ids and tokens.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { HttpClient } from '../../src/http/client';
import { AuthenticationError, InvalidRequestError, NotFoundError, VendorError } from '../../src/http/errors';
import type { ApiKey } from '../../src/vendors/model';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { DOCS_EXAMPLE_NOW } from '../emulator/runtype/docs-account';
import type { RuntypeKeyRecord } from '../emulator/runtype/seed';
import type { Emulator } from '../emulator/server';
import { useEmulator } from './emulator-fixture';
import { testHttp } from './test-http';

const NOW = DOCS_EXAMPLE_NOW;

/** What the client should make of a stored key, worked out here independently of the client. */
function expectedKey(key: RuntypeKeyRecord, full: boolean): ApiKey {
  const expired = key.expiresAt !== null && key.expiresAt <= NOW;
  return {
    vendor: 'runtype',
    keyId: key.id,
    name: key.name,
    start: key.keyPrefix,
    enabled: key.enabled && !expired,
    ...(full ? { createdAt: key.createdAt } : {}),
    ...(full && key.expiresAt !== null ? { expiresAt: key.expiresAt } : {}),
    ...(key.lastUsedAt !== null ? { lastUsedAt: key.lastUsedAt } : {}),
  };
}

describe('RuntypeClient', () => {
  const fixture = useEmulator(NOW, { headersTimeoutMs: 2_000, retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000 } });
  let emulator: Emulator;
  let http: HttpClient;
  const client = (token = emulator.runtype.token, baseUrl = emulator.config.runtype.baseUrl): RuntypeClient =>
    new RuntypeClient({ baseUrl, token, http });

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.requests.clear();
  });

  it('lists every seeded key in the neutral model (ms times, prefix as start, isActive as enabled)', async () => {
    const keys = await client().listKeys();
    assert.deepEqual(keys, emulator.runtype.keys.map((key) => expectedKey(key, true)));
    assert.ok(keys.some((key) => key.lastUsedAt === undefined && !('lastUsedAt' in key)), 'null lastUsedAt is left out');
  });

  it('reads aggregate analytics consistent with the seeded keys', async () => {
    const { keys } = emulator.runtype;
    const summary = await client().getAnalytics();
    assert.equal(summary.totalKeys, keys.length);
    assert.equal(summary.expiredKeys, keys.filter((key) => key.expiresAt !== null && key.expiresAt <= NOW).length);
    assert.equal(summary.activeKeys, keys.filter((key) => expectedKey(key, false).enabled).length);
    assert.deepEqual(summary.keys, keys.map((key) => expectedKey(key, false)));
    assert.equal(summary.asOf, NOW);
  });

  it('parses the seed page example into the model', async () => {
    const summary = await client(emulator.runtype.docsToken).getAnalytics();
    const key = (id: string, name: string, start: string, lastUsed: string | null, enabled: boolean): ApiKey => ({
      vendor: 'runtype',
      keyId: id,
      name,
      start,
      enabled,
      ...(lastUsed ? { lastUsedAt: Date.parse(lastUsed) } : {}),
    });
    assert.deepEqual(summary, {
      totalKeys: 5,
      activeKeys: 3,
      expiredKeys: 2,
      keys: [
        key('a1b2c3d4-e5f6-7890-ab12-cd34ef567890', 'Primary API Key', 'runtype_1234', '2024-04-20T14:45:00Z', true),
        key('b2c3d4e5-f678-9012-ab34-cd56ef789012', 'Backup Key', 'runtype_5678', '2024-03-10T08:15:00Z', true),
        key('c3d4e5f6-7890-1234-ab56-cd78ef901234', 'Staging Key', 'runtype_9012', '2024-02-28T17:00:00Z', true),
        key('d4e5f678-9012-3456-ab78-cd90ef123456', 'Old Key 1', 'runtype_3456', null, false),
        key('e5f67890-1234-5678-ab90-cd12ef345678', 'Old Key 2', 'runtype_7890', '2023-12-15T11:30:00Z', false),
      ],
      asOf: Date.parse('2024-04-25T12:00:00Z'),
    });
  });

  it("reads one key's last use, and nothing for a key never used", async () => {
    const used = emulator.runtype.keys.find((key) => key.lastUsedAt !== null);
    const never = emulator.runtype.keys.find((key) => key.lastUsedAt === null);
    assert.ok(used && never);
    assert.deepEqual(await client().getKeyAnalytics(used.id), { lastUsedAt: used.lastUsedAt, asOf: NOW });
    assert.deepEqual(await client().getKeyAnalytics(never.id), { asOf: NOW });
  });

  it('accepts a base URL with a trailing slash or ending in /v1, as the vendor docs write it', async () => {
    const base = emulator.config.runtype.baseUrl;
    for (const variant of [`${base}/`, `${base}/v1`, `${base}/v1/`]) {
      assert.equal((await client(undefined, variant).listKeys()).length, emulator.runtype.keys.length);
    }
    assert.equal(emulator.requests.count({ vendor: 'runtype', path: '/v1/api-keys' }), 3);
    await assert.rejects(client(undefined, 'ftp://example.com').listKeys(), InvalidRequestError);
  });

  it('raises AuthenticationError for a wrong token, NotFoundError for an unknown key, VendorError for a 400', async () => {
    await assert.rejects(client('rt_live_not_a_real_key').getAnalytics(), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.equal(error.status, 401);
      assert.equal(error.message, 'Runtype GET /v1/api-keys/analytics: Unauthorized');
      return true;
    });
    await assert.rejects(client().getKeyAnalytics('00000000-0000-4000-8000-000000000000'), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.vendorMessage, 'API key not found');
      return true;
    });
    await assert.rejects(client().getKeyAnalytics('not-a-uuid'), (error: unknown) => {
      assert.ok(error instanceof VendorError && !(error instanceof NotFoundError) && !(error instanceof AuthenticationError));
      assert.equal(error.status, 400);
      assert.equal(error.vendorMessage, 'Invalid API key ID');
      return true;
    });
  });

  it('reads a {"message": ...} body: a 500 is a VendorError with the vendor words, not retried', async () => {
    emulator.faults.add({ vendor: 'runtype', path: '/v1/api-keys', fault: { kind: 'status', status: 500 } });
    await assert.rejects(client().listKeys(), (error: unknown) => {
      assert.ok(error instanceof VendorError);
      assert.equal(error.status, 500);
      assert.equal(error.message, 'Runtype GET /v1/api-keys: Internal Server Error');
      return true;
    });
    assert.equal(emulator.requests.count({ vendor: 'runtype' }), 1);
  });

  it('refuses ids that could steer the request path, before sending anything', async () => {
    const hostile = ['../analytics', '..', '.', 'a/b', '../../v2/x', 'a?b=1', 'a#b', '%2e%2e', '%2F', 'a b', '', '\u0000', 'é', 'x'.repeat(129)];
    for (const id of hostile) {
      await assert.rejects(client().getKeyAnalytics(id), InvalidRequestError, `id ${JSON.stringify(id)}`);
    }
    assert.equal(emulator.requests.count(), 0);
  });

  it('refuses an empty token or one that would break the header, without echoing it', async () => {
    await assert.rejects(client('').listKeys(), InvalidRequestError);
    await assert.rejects(client('rt_live_abc\r\nX-Evil: 1').listKeys(), (error: unknown) => {
      assert.ok(error instanceof InvalidRequestError);
      assert.ok(!error.message.includes('rt_live_abc'));
      return true;
    });
    assert.equal(emulator.requests.count(), 0);
  });
});

describe('RuntypeClient token handling', () => {
  const token = 'rt_live_secret_token_0123456789';
  const seen: { url: string; authorization: string | undefined }[] = [];
  let server: Server;
  let baseUrl: string;
  let http: HttpClient;

  before(async () => {
    // A vendor that echoes the token it was sent in its error message.
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      const sent = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      res.writeHead(req.url?.includes('/analytics') ? 401 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `Invalid API key ${sent}`, message: `key ${sent}\r\nwas rejected` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    http = testHttp({ retry: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 5, maxRetryAfterMs: 10 } });
  });
  after(async () => {
    await http.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the token only as a Bearer header, never in the URL', async () => {
    const rt = new RuntypeClient({ baseUrl, token, http });
    await assert.rejects(rt.getAnalytics(), AuthenticationError);
    await assert.rejects(rt.getKeyAnalytics('a1b2c3d4-e5f6-7890-ab12-cd34ef567890'), AuthenticationError);
    await assert.rejects(rt.listKeys(), NotFoundError);
    assert.deepEqual(seen.map((request) => request.url), [
      '/v1/api-keys/analytics',
      '/v1/api-keys/a1b2c3d4-e5f6-7890-ab12-cd34ef567890/analytics',
      '/v1/api-keys',
    ]);
    assert.ok(seen.every((request) => request.authorization === `Bearer ${token}`));
  });

  it('redacts a token the vendor echoes from every error message', async () => {
    const rt = new RuntypeClient({ baseUrl, token, http });
    for (const call of [() => rt.getAnalytics(), () => rt.listKeys()]) {
      await assert.rejects(call(), (error: unknown) => {
        assert.ok(error instanceof VendorError);
        assert.ok(!error.message.includes(token) && !error.vendorMessage.includes(token), error.message);
        assert.ok(!(error.stack ?? '').includes(token));
        assert.match(error.message, /Invalid API key \[redacted\]: key \[redacted\] was rejected$/);
        return true;
      });
    }
  });
});
