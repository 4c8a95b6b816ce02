// The Cryptolens emulation: Web API v3 usage analytics over deterministic seeded data.
import { createRandom } from '../random';
import type { SeedOptions } from '../scale';
import { type EmulatorRequest, type EmulatorResponse, type VendorEmulator } from '../vendor';
import { lazyActivity, type CryptolensActivity } from './activity';
import { ACTIVITY_ROUTES, answerActivity, isActivityMethod } from './activity-routes';
import type { CryptolensData, DeviceRow, SummaryRow } from './data';
import { ACCESS_DENIED, errorBodyFor, failure, frameworkFault, UNABLE_TO_AUTHENTICATE } from './errors';
import { EXAMPLE_KEY_ID } from './examples';
import { answer, type Method } from './handlers';
import { readParams } from './params';
import { randomKey, randomMachineCode, seedCryptolens } from './seed';
import { TokenRegistry, type TokenGrant } from './tokens';
import { answerLicense, LICENSE_ROUTES } from './license-handlers';
import { seedLicenseHealth, type CryptolensHealthCase, type HealthKey } from './license-health';
import { LicenseBook } from './licenses';
import type { CryptolensStatus } from '../../../src/health/status';

/** One request as the emulation saw it, for tests. The token's value is never kept. */
export interface CryptolensCall {
  method: string;
  path: string;
  contentType: string | undefined;
  /** Parameter names as sent, in the form body and in the query string. */
  bodyNames: string[];
  queryNames: string[];
  /** Lower-cased name → value, without the token. */
  params: Record<string, string>;
}

export interface CryptolensEmulator extends VendorEmulator {
  readonly vendor: 'cryptolens';
  /** Usage Analytics, GetKey and GetKeys permissions, not locked: sees everything. */
  readonly token: string;
  /** A valid token without the Usage Analytics permission. */
  readonly tokenWithoutPermission: string;
  /** A token locked to `lockedKeyId`. */
  readonly lockedToken: string;
  readonly lockedKeyId: number;
  /** The live data (ascending ids); tests compute expectations from it. */
  readonly data: Readonly<CryptolensData>;
  readonly now: number;
  readonly calls: readonly CryptolensCall[];
  clearCalls(): void;
  mintToken(grant: TokenGrant): string;
  /** A newly used license key: a new key and its summary, with the highest ids so far. */
  appendSummary(): SummaryRow;
  /** Usage Analytics only: no key/GetKey, no product/GetKeys (so no license status). */
  readonly tokenWithoutKeyPermissions: string;
  /** Dates, seats, features and the real blocked state of each key; product feature definitions. */
  readonly licenses: LicenseBook;
  /** One key per health state (license-health.ts). */
  readonly healthKeys: Readonly<Partial<Record<CryptolensHealthCase, HealthKey>>>;
  /** The same keys by the status word they were seeded for. */
  readonly healthKeysByStatus: Readonly<Partial<Record<CryptolensStatus, HealthKey[]>>>;
  /** A new device on an existing key, with the highest device id so far. */
  appendDevice(): DeviceRow;
  /** The Web API log and daily aggregates behind the seeded rows (built on first use). */
  readonly activity: CryptolensActivity;
}

// Enough for any test; a long-running demo server must not grow without bound.
const MAX_CALLS_KEPT = 1000;

const ROUTES: Record<string, Method> = {
  '/api/ai/getkeyusagesummaries': 'summaries',
  '/api/ai/getkeydevices': 'devices',
};

export function createCryptolensEmulator(options: SeedOptions): CryptolensEmulator {
  const data = seedCryptolens(options);
  const tokens = new TokenRegistry((options.seed * 31 + 7) >>> 0);
  const token = tokens.mint({ usageAnalytics: true, webApiLog: true, getKey: true, getKeys: true });
  const tokenWithoutPermission = tokens.mint({ usageAnalytics: false });
  const lockedKeyId = busiestKey(data);
  const lockedToken = tokens.mint({ usageAnalytics: true, lockedKeyId, webApiLog: true, getKey: true, getKeys: true });
  const tokenWithoutKeyPermissions = tokens.mint({ usageAnalytics: true });
  const licenses = new LicenseBook(data, options.seed, options.now);
  const healthKeys = seedLicenseHealth(data, licenses, lockedKeyId);
  const healthKeysByStatus: Partial<Record<CryptolensStatus, HealthKey[]>> = {};
  for (const key of Object.values(healthKeys)) (healthKeysByStatus[key.status] ??= []).push(key);
  const random = createRandom((options.seed * 131 + 17) >>> 0);
  const nowSec = Math.floor(options.now / 1000);
  let calls: CryptolensCall[] = [];
  const activity = lazyActivity(data, options.seed);

  function handle(request: EmulatorRequest): EmulatorResponse {
    const method = request.method.toUpperCase();
    // ASP.NET routes ignore case and a trailing slash.
    const path = request.path.toLowerCase().replace(/\/+$/, '');
    const route = ROUTES[path] ?? ACTIVITY_ROUTES[path];
    const licenseMethod = LICENSE_ROUTES[path];
    if (route === undefined && licenseMethod === undefined) return frameworkFault(404, 'No HTTP resource was found that matches the request URI.');
    if (method !== 'GET' && method !== 'POST') {
      return frameworkFault(405, `The requested resource does not support http method '${method.slice(0, 20)}'.`);
    }
    const params = readParams(request);
    const kept: Record<string, string> = {};
    for (const [name, value] of params.values) if (name !== 'token') kept[name] = value;
    calls.push({
      method,
      path: request.path,
      contentType: request.headers['content-type'],
      bodyNames: params.bodyNames,
      queryNames: params.queryNames,
      params: kept,
    });
    if (calls.length > MAX_CALLS_KEPT) calls = calls.slice(-MAX_CALLS_KEPT);
    const presented = params.values.get('token') ?? '';
    if (presented === '') return failure(UNABLE_TO_AUTHENTICATE, 401);
    const grant = tokens.lookup(presented);
    if (!grant) return failure(ACCESS_DENIED, 401);
    if (licenseMethod !== undefined) return answerLicense(licenseMethod, params, grant, { data, book: licenses });
    if (route !== undefined && isActivityMethod(route)) return answerActivity(route, params, grant, data, activity);
    if (!grant.usageAnalytics || route === undefined) return failure(ACCESS_DENIED, 403);
    return answer(route, params, grant, data);
  }

  return {
    vendor: 'cryptolens',
    token,
    tokenWithoutPermission,
    lockedToken,
    lockedKeyId,
    tokenWithoutKeyPermissions,
    licenses,
    healthKeys,
    healthKeysByStatus,
    data,
    now: options.now,
    get calls(): readonly CryptolensCall[] {
      return calls;
    },
    clearCalls: () => {
      calls = [];
    },
    mintToken: (grant) => tokens.mint(grant),
    handle,
    errorBody: errorBodyFor,
    appendSummary(): SummaryRow {
      const lastKey = data.keys[data.keys.length - 1];
      const product = data.products[0];
      if (!lastKey || !product) throw new Error('no seeded keys');
      const key = { id: lastKey.id + 1, productId: product.id, key: randomKey(random), deleted: false };
      data.keys.push(key);
      const row: SummaryRow = {
        id: (data.summaries[data.summaries.length - 1]?.id ?? 0) + 1,
        productId: key.productId,
        keyId: key.id,
        key: key.key,
        totalRequests: 3,
        totalSuccessful: 3,
        totalFailed: 0,
        firstSeenUtc: nowSec - 120,
        lastSeenUtc: nowSec - 60,
      };
      data.summaries.push(row);
      return row;
    },
    appendDevice(): DeviceRow {
      const summary = data.summaries.find((row) => row.keyId === lockedKeyId) ?? data.summaries[0];
      if (!summary) throw new Error('no seeded summaries');
      const row: DeviceRow = {
        id: (data.devices[data.devices.length - 1]?.id ?? 0) + 1,
        productId: summary.productId,
        keyId: summary.keyId,
        key: summary.key,
        machineCode: randomMachineCode(random, 0),
        firstSeenUtc: nowSec - 120,
        lastSeenUtc: nowSec - 60,
        totalRequests: 1,
      };
      data.devices.push(row);
      return row;
    },
    get activity(): CryptolensActivity {
      return activity();
    },
  };
}

/** The live key (not the example) with the most devices, so a locked token has something to see. */
function busiestKey(data: CryptolensData): number {
  const live = new Set(data.keys.filter((key) => !key.deleted && key.id !== EXAMPLE_KEY_ID).map((key) => key.id));
  const counts = new Map<number, number>();
  for (const device of data.devices) if (live.has(device.keyId)) counts.set(device.keyId, (counts.get(device.keyId) ?? 0) + 1);
  let best = EXAMPLE_KEY_ID;
  let most = 0;
  for (const [keyId, count] of counts) if (count > most || (count === most && keyId < best)) [best, most] = [keyId, count];
  return best;
}
