// Unkey v1 errors: the emulator's envelopes and messages, the client's checks before sending, and the
// typed errors it raises for each vendor answer; the root key never reaches a URL, a message or a log.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { HttpClient, RetryEvent } from '../../src/http/client';
import { AuthenticationError, InvalidRequestError, NotFoundError, VendorError } from '../../src/http/errors';
import type { VerificationQuery } from '../../src/vendors/unkey/types';
import { UnkeyV1Client } from '../../src/vendors/unkey/v1-client';
import type { Emulator } from '../emulator/server';
import { DAY, rawGet } from './unkey-harness';
import { testHttp } from './test-http';
import { useEmulator } from './emulator-fixture';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 0);

describe('Unkey v1 errors', () => {
  const fixture = useEmulator(NOW);
  let emulator: Emulator;
  let http: HttpClient;
  let apiId: string;
  const client = (token = emulator.unkey.token): UnkeyV1Client => new UnkeyV1Client({ baseUrl: emulator.config.unkey.v1BaseUrl, token, http });
  const query = (extra: Partial<VerificationQuery> = {}): VerificationQuery => ({ apiId, start: NOW - DAY, end: NOW, ...extra });
  const raw = (qs: string, token: string = emulator.unkey.token): ReturnType<typeof rawGet> =>
    rawGet(emulator, '/v1/analytics.getVerifications', qs, token);
  const envelope = (body: unknown): { code: string; message: string; docs: string; requestId: string } =>
    (body as { error: { code: string; message: string; docs: string; requestId: string } }).error;

  before(async () => {
    emulator = fixture.emulator;
    http = fixture.http;
    apiId = emulator.unkey.apiIds[0] ?? '';
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.requests.clear();
  });

  it('answers 400 BAD_REQUEST in the v1 envelope for what the reference forbids', async () => {
    const cases: [string, RegExp][] = [
      [`apiId=${apiId}&start=${NOW}&end=${NOW}`, /^start cannot be equal or greater than end$/],
      [`apiId=${apiId}&start=${NOW}&end=${NOW - 1}`, /^start cannot be equal or greater than end$/],
      [`apiId=${apiId}&start=${NOW - DAY}&groupBy=tags&groupBy=tag`, /tag and tags/],
      [`apiId=${apiId}&start=${NOW - DAY}&limit=1`, /limit: Number must be greater than 1/],
      [`apiId=${apiId}&start=${NOW - DAY}&groupBy=week`, /groupBy: Invalid enum value/],
      [`apiId=${apiId}&start=${NOW - DAY}&orderBy=latency`, /orderBy: Invalid enum value/],
      [`apiId=${apiId}&start=${NOW - DAY}&order=up`, /order: Invalid enum value/],
      [`apiId=${apiId}`, /start: Expected number/],
      [`start=${NOW - DAY}`, /apiId: Required/],
    ];
    for (const [qs, message] of cases) {
      const answer = await raw(qs);
      assert.equal(answer.status, 400, qs);
      const error = envelope(answer.body);
      assert.equal(error.code, 'BAD_REQUEST');
      assert.match(error.message, message);
      assert.equal(error.docs, 'https://unkey.dev/docs/api-reference/errors/code/BAD_REQUEST');
      assert.match(error.requestId, /^req_/);
    }
  });

  it('rejects bad arguments before sending anything (InvalidRequestError naming the argument)', async () => {
    const bad: [Partial<VerificationQuery>, RegExp][] = [
      [{ apiId: '' }, /apiId/],
      [{ start: NOW, end: NOW }, /start cannot be equal or greater than end/],
      [{ start: 1.5 }, /start/],
      [{ start: -1 }, /start/],
      [{ end: Number.NaN }, /end/],
      [{ limit: 1 }, /limit must be an integer greater than 1/],
      [{ limit: 2.5 }, /limit/],
      [{ groupBy: ['tags', 'tag'] }, /tag and tags/],
      [{ groupBy: ['week' as never] }, /groupBy/],
      [{ orderBy: 'latency' as never }, /orderBy/],
      [{ orderBy: 'time', groupBy: ['key'] }, /orderBy time needs groupBy hour, day or month/],
      [{ order: 'up' as never }, /order/],
      [{ keyIds: [''] }, /keyIds/],
      [{ tags: [1 as never] }, /tags/],
      [{ externalId: '' }, /externalId/],
    ];
    for (const [extra, message] of bad) {
      await assert.rejects(client().getVerifications(query(extra)), (error: unknown) => error instanceof InvalidRequestError && message.test(error.message), JSON.stringify(extra));
    }
    assert.equal(emulator.requests.count({ vendor: 'unkey' }), 0);
  });

  it('a missing or unknown root key is 403 UNAUTHORIZED, read as an AuthenticationError', async () => {
    const missing = await rawGet(emulator, '/v1/analytics.getVerifications', `apiId=${apiId}&start=${NOW - DAY}`);
    assert.equal(missing.status, 403);
    assert.equal(envelope(missing.body).code, 'UNAUTHORIZED');
    const error = await client('unkey_not_a_real_key').getVerifications(query()).catch((caught: unknown) => caught);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'UNAUTHORIZED');
    assert.match(error.message, /^Unkey v1\/analytics\.getVerifications: the root key was rejected/);
  });

  it('a root key without api.*.read_api is 403 FORBIDDEN and the error names the permission', async () => {
    const token = emulator.unkey.mintToken(['api.*.read_key', 'api.*.read_analytics']);
    const answer = await raw(`apiId=${apiId}&start=${NOW - DAY}`, token);
    assert.equal(answer.status, 403);
    assert.equal(envelope(answer.body).code, 'FORBIDDEN');
    const error = await client(token).getVerifications(query()).catch((caught: unknown) => caught);
    assert.ok(error instanceof AuthenticationError);
    assert.equal(error.code, 'FORBIDDEN');
    assert.match(error.message, /lacks the permission api\.\*\.read_api or api\.api_\w+\.read_api/);
  });

  it("a root key with one API's read permission reads that API only", async () => {
    const other = emulator.unkey.apiIds[1] ?? '';
    const token = emulator.unkey.mintToken([`api.${apiId}.read_api`]);
    const slices = await client(token).getVerifications(query());
    assert.ok((slices[0]?.outcomes.total ?? 0) > 0);
    await assert.rejects(client(token).getVerifications(query({ apiId: other })), AuthenticationError);
  });

  it('an unknown API, an API of another workspace and an unknown externalId are NotFoundErrors', async () => {
    for (const [extra, message] of [
      [{ apiId: 'api_doesNotExist' }, /unable to find the API/],
      [{ apiId: 'api_123' }, /unable to find the API/],
      [{ externalId: 'user_nobody' }, /unable to find the identity/],
    ] as const) {
      const error = await client().getVerifications(query(extra)).catch((caught: unknown) => caught);
      assert.ok(error instanceof NotFoundError, JSON.stringify(extra));
      assert.equal(error.status, 404);
      assert.equal(error.code, 'NOT_FOUND');
      assert.match(error.message, message);
    }
  });

  it('an internal error is a VendorError with the vendor code (500 is not retried)', async () => {
    const answer = await raw(`apiId=${apiId}&start=${NOW - DAY}&orderBy=time`);
    assert.equal(answer.status, 500);
    assert.equal(envelope(answer.body).code, 'INTERNAL_SERVER_ERROR');
    emulator.requests.clear();
    emulator.faults.add({ vendor: 'unkey', path: 'analytics', fault: { kind: 'status', status: 500 }, times: 1 });
    const error = await client().getVerifications(query()).catch((caught: unknown) => caught);
    assert.ok(error instanceof VendorError && !(error instanceof AuthenticationError));
    assert.equal(error.status, 500);
    assert.equal(error.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(emulator.requests.count({ vendor: 'unkey' }), 1);
  });

  describe('the root key stays secret', () => {
    let server: Server;
    let origin: string;
    const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
    const token = 'unkey_3ZsecretSecretSecret77';
    before(async () => {
      // Echoes the key back in its error, as a careless server might.
      server = createServer((req, res) => {
        seen.push({ url: req.url ?? '', headers: req.headers });
        const status = seen.length === 1 ? 503 : 403;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'FORBIDDEN', message: `key ${req.headers.authorization ?? ''} lacks api.*.read_api`, docs: '', requestId: 'req_1' } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('goes only in the Authorization header, and is redacted from vendor text and retry events', async () => {
      const events: RetryEvent[] = [];
      const logged = testHttp({ onRetry: (event) => events.push(event) });
      const secretClient = new UnkeyV1Client({ baseUrl: origin, token, http: logged });
      const error = await secretClient.getVerifications(query({ keyIds: ['key_a'], externalId: 'user_1' })).catch((caught: unknown) => caught);
      await logged.close();
      assert.ok(error instanceof AuthenticationError);
      assert.ok(!error.message.includes(token) && !error.vendorMessage.includes(token), error.message);
      assert.match(error.message, /\[redacted\]/);
      assert.ok(!(error.stack ?? '').includes(token));
      assert.equal(seen.length, 2, 'the 503 was retried');
      for (const request of seen) {
        assert.ok(!request.url.includes(token));
        assert.equal(request.headers.authorization, `Bearer ${token}`);
      }
      assert.ok(events.length === 1 && !JSON.stringify(events).includes(token));
    });
  });
});
