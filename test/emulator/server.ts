// The vendor emulator: one loopback HTTP server answering as Cryptolens, Unkey and Runtype would,
// with faults injectable per request and every request counted (never its body: it holds tokens).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { VendorId } from '../../src/vendor-id';
import { createCryptolensEmulator, type CryptolensEmulator } from './cryptolens/emulator';
import { createRuntypeEmulator, type RuntypeEmulator } from './runtype/emulator';
import { createUnkeyEmulator, type UnkeyEmulator } from './unkey/emulator';
import { FaultInjector, type Fault, type FaultRule } from './faults';
import { RequestLog } from './request-log';
import { DEFAULT_SCALE, type Scale, type SeedOptions } from './scale';
import type { EmulatorResponse, VendorEmulator } from './vendor';

export interface EmulatorOptions {
  port?: number;
  scale?: Scale;
  seed?: number;
  now?: number;
}

/** What `npm run emulator` prints: base URLs as the clients take them, and all-seeing tokens. */
export interface EmulatorConfig {
  cryptolens: {
    baseUrl: string;
    token: string;
    /** Health (issue 13): a token without GetKey/GetKeys, and the license keys by the status word they were seeded for. */
    health: { tokenWithoutKeyPermissions: string; keys: CryptolensEmulator['healthKeysByStatus'] };
  };
  unkey: {
    v1BaseUrl: string;
    v2BaseUrl: string;
    token: string;
    apiIds: string[];
    /** The API holding one key per health state, and its key ids by status word (issue 13). */
    health: { apiId: string; keys: UnkeyEmulator['health']['byStatus'] };
  };
  runtype: {
    baseUrl: string;
    token: string;
    /** Key ids by the health status word they were seeded for (issue 13). */
    health: { keys: RuntypeEmulator['healthKeysByStatus'] };
  };
}

export interface Emulator {
  origin: string;
  config: EmulatorConfig;
  faults: FaultInjector;
  requests: RequestLog;
  cryptolens: CryptolensEmulator;
  unkey: UnkeyEmulator;
  runtype: RuntypeEmulator;
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__emulator/';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seedOptions: SeedOptions = {
    scale: options.scale ?? DEFAULT_SCALE,
    seed: options.seed ?? 1,
    // Whole hours, so hourly series line up the same way on every run.
    now: options.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000,
  };
  const cryptolens = createCryptolensEmulator(seedOptions);
  const unkey = await createUnkeyEmulator(seedOptions);
  const runtype = createRuntypeEmulator(seedOptions);
  const vendors: Record<VendorId, VendorEmulator> = { cryptolens, unkey, runtype };
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, { status: 500, body: { error: String(error) } });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    if (url.pathname.startsWith(CONTROL_PREFIX)) return control(url, req.method ?? 'GET', body, res);
    const [, prefix = '', ...rest] = url.pathname.split('/');
    const vendor = vendorFor(prefix);
    if (!vendor) return writeJson(res, { status: 404, body: { error: `no vendor at /${prefix}` } });
    const path = `/${rest.join('/')}`;
    requests.record(vendor, req.method ?? 'GET', path);
    const emulation = vendors[vendor];
    const injected = faults.take(vendor, path);
    for (const fault of injected) if (fault.kind === 'latency') await delay(fault.ms);
    const before = injected.find((fault) => fault.kind !== 'latency' && !isAfterFault(fault));
    if (before) return applyFault(before, emulation, res);
    const response = await emulation.handle({
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    const after = injected.find(isAfterFault);
    if (after) return mangle(after, response, res);
    writeJson(res, response);
  }

  function control(url: URL, method: string, body: string, res: ServerResponse): void {
    const what = url.pathname.slice(CONTROL_PREFIX.length);
    if (what === 'faults' && method === 'POST') {
      faults.add(JSON.parse(body) as FaultRule);
      return writeJson(res, { status: 204, body: null });
    }
    if (what === 'faults' && method === 'DELETE') {
      faults.clear();
      return writeJson(res, { status: 204, body: null });
    }
    if (what === 'requests' && method === 'GET') return writeJson(res, { status: 200, body: requests.summary() });
    if (what === 'requests' && method === 'DELETE') {
      requests.clear();
      return writeJson(res, { status: 204, body: null });
    }
    if (what === 'config' && method === 'GET') return writeJson(res, { status: 200, body: config });
    writeJson(res, { status: 404, body: { error: `no control ${method} ${what}` } });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: EmulatorConfig = {
    cryptolens: {
      baseUrl: `${origin}/cryptolens/api/`,
      token: cryptolens.token,
      health: { tokenWithoutKeyPermissions: cryptolens.tokenWithoutKeyPermissions, keys: cryptolens.healthKeysByStatus },
    },
    unkey: {
      v1BaseUrl: `${origin}/unkey`,
      v2BaseUrl: `${origin}/unkey`,
      token: unkey.token,
      apiIds: unkey.apiIds,
      health: { apiId: unkey.health.apiId, keys: unkey.health.byStatus },
    },
    runtype: { baseUrl: `${origin}/runtype`, token: runtype.token, health: { keys: runtype.healthKeysByStatus } },
  };

  return {
    origin,
    config,
    faults,
    requests,
    cryptolens,
    unkey,
    runtype,
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(Object.values(vendors).map((vendor) => vendor.close?.()));
    },
  };
}

function vendorFor(prefix: string): VendorId | undefined {
  return prefix === 'cryptolens' || prefix === 'unkey' || prefix === 'runtype' ? prefix : undefined;
}

/** Faults that need the real answer first (they damage it); the rest replace it. */
function isAfterFault(fault: Fault): boolean {
  return fault.kind === 'truncate' || fault.kind === 'wrongShape' || fault.kind === 'resetMidBody';
}

function applyFault(fault: Fault, vendor: VendorEmulator, res: ServerResponse): void {
  switch (fault.kind) {
    case 'status':
      return writeJson(res, {
        status: fault.status,
        body: vendor.errorBody(fault.status),
        ...(fault.retryAfter !== undefined ? { headers: { 'retry-after': fault.retryAfter } } : {}),
      });
    case 'reset':
      res.socket?.destroy();
      return;
    case 'html':
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end(`<!DOCTYPE html><html><body><h1>${fault.status} Bad Gateway</h1><p>nginx</p></body></html>`);
      return;
    case 'hugeBody':
      return writeHuge(res, fault.bytes);
    case 'hang':
      return; // Accept and never answer: the client's timeouts must end it.
    default:
      return;
  }
}

function mangle(fault: Fault, response: EmulatorResponse, res: ServerResponse): void {
  const text = JSON.stringify(response.body);
  if (fault.kind === 'wrongShape') {
    return writeJson(res, { status: 200, body: { unexpected: 'shape', items: 'not a list' } });
  }
  const half = text.slice(0, Math.floor(text.length / 2));
  if (fault.kind === 'truncate') {
    res.writeHead(response.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(half) });
    res.end(half);
    return;
  }
  // resetMidBody: promise the whole body, send half, then drop the connection.
  res.writeHead(response.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.write(half, () => res.socket?.destroy());
}

function writeHuge(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = 'x'.repeat(64 * 1024);
  let sent = 0;
  res.write('{"padding":"');
  const pump = (): void => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end('"}');
  };
  res.on('error', () => undefined);
  pump();
}

function writeJson(res: ServerResponse, response: EmulatorResponse): void {
  if (response.status === 204) {
    res.writeHead(204);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...response.headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
