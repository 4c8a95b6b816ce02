// Runtype's API-key endpoints (`GET /v1/api-keys`, `/v1/api-keys/analytics`, `/v1/api-keys/{id}/analytics`),
// Bearer-authenticated, over a seeded account and the account behind the docs example.
import type { SeedOptions } from '../scale';
import { json, type EmulatorRequest, type EmulatorResponse, type VendorEmulator } from '../vendor';
import { DOCS_KEYS } from './docs-account';
import { seedRuntypeKeys, type RuntypeKeyRecord } from './seed';
import { analyticsJson, keyAnalyticsJson, listJson } from './wire';
import { applyRuntypeHealth, RUNTYPE_HEALTH_CASES, type RuntypeHealthCase } from './health-keys';
import type { RuntypeStatus } from '../../../src/health/status';

export interface RuntypeEmulator extends VendorEmulator {
  readonly vendor: 'runtype';
  /** Sees the seeded account (`keys`). */
  readonly token: string;
  /** Sees the five keys of the seed page's example (`docsKeys`). */
  readonly docsToken: string;
  readonly now: number;
  readonly keys: readonly RuntypeKeyRecord[];
  readonly docsKeys: readonly RuntypeKeyRecord[];
  /** Key ids of the seeded account, one per health state (health-keys.ts). */
  readonly healthKeys: Readonly<Partial<Record<RuntypeHealthCase, string>>>;
  readonly healthKeysByStatus: Readonly<Partial<Record<RuntypeStatus, string[]>>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createRuntypeEmulator(options: SeedOptions): RuntypeEmulator {
  const token = `rt_live_keyscope_emulator_${options.seed}`;
  const docsToken = 'rt_live_keyscope_docs_example';
  const keys = seedRuntypeKeys(options);
  const healthKeys = applyRuntypeHealth(keys, options.now);
  const healthKeysByStatus: Partial<Record<RuntypeStatus, string[]>> = {};
  for (const healthCase of RUNTYPE_HEALTH_CASES) {
    const id = healthKeys[healthCase.name];
    if (id !== undefined) (healthKeysByStatus[healthCase.status] ??= []).push(id);
  }
  const accounts = new Map<string, readonly RuntypeKeyRecord[]>([
    [token, keys],
    [docsToken, DOCS_KEYS],
  ]);
  const { now } = options;

  function handle(request: EmulatorRequest): EmulatorResponse {
    const segments = request.path.split('/').filter((segment) => segment !== '');
    if (segments[0] !== 'v1') return json(404, { error: 'Not found' });
    const account = accounts.get(bearer(request.headers.authorization) ?? '');
    if (!account) return json(401, { error: 'Unauthorized' });
    if (segments[1] !== 'api-keys') return json(404, { error: 'Not found' });
    const rest = segments.slice(2);
    const route = routeOf(rest);
    if (route === undefined) return json(404, { error: 'Not found' });
    if (request.method !== 'GET') return json(405, { error: 'Method not allowed' }, { allow: 'GET' });
    if (route === 'list') return json(200, listJson(account, now));
    if (route === 'analytics') return json(200, analyticsJson(account, now));
    const id = decodeSegment(rest[0] ?? '');
    if (id === undefined || !UUID.test(id)) return json(400, { error: 'Invalid API key ID' });
    const key = account.find((candidate) => candidate.id === id.toLowerCase());
    if (!key) return json(404, { error: 'API key not found' });
    return json(200, keyAnalyticsJson(key, now));
  }

  return {
    vendor: 'runtype',
    token,
    docsToken,
    now,
    keys,
    docsKeys: DOCS_KEYS,
    healthKeys,
    healthKeysByStatus,
    handle,
    errorBody,
  };
}

/**
 * Runtype's handlers answer `{"error": "..."}`; its platform's failure pages (5xx) carry `{"message": "..."}`.
 * The vendor notes say both shapes occur without saying which when; this split exercises both.
 */
function errorBody(status: number): unknown {
  if (status >= 500) return { message: status === 500 ? 'Internal Server Error' : 'Service temporarily unavailable' };
  if (status === 429) return { error: 'Too many requests' };
  if (status === 401) return { error: 'Unauthorized' };
  if (status === 404) return { error: 'Not found' };
  return { error: 'Bad request' };
}

function routeOf(rest: readonly string[]): 'list' | 'analytics' | 'key' | undefined {
  if (rest.length === 0) return 'list';
  if (rest.length === 1 && rest[0] === 'analytics') return 'analytics';
  if (rest.length === 2 && rest[1] === 'analytics') return 'key';
  return undefined;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
