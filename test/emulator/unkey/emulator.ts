// The Unkey emulation: v1 and v2 endpoints over one seeded workspace (plus the seed page 004
// scenario workspaces of fixtures.ts), answering from an embedded ClickHouse store.
import { createRandom } from '../random';
import type { SeedOptions } from '../scale';
import type { EmulatorRequest, EmulatorResponse, VendorEmulator } from '../vendor';
import { READ_ALL, RootKeys } from './auth';
import { DEFAULT_SETTINGS, type UnkeyContext, type UnkeySettings } from './context';
import { v1Error, v1ErrorBody, v2Error, v2ErrorBody } from './errors';
import { FIXTURE_SCENARIOS, seedFixtures, type FixtureScenario } from './fixtures';
import { requestIdFactory } from './ids';
import { handleV1ListKeys, handleV2ListKeys } from './list-keys';
import { handleV1GetKey, handleV2GetKey } from './get-key';
import { seedHealthApi, type UnkeyHealthApi } from './health-keys';
import type { WorkspaceRecord } from './model';
import { seedWorkspace } from './seed';
import { rollUpAggregates, seedVerifications } from './seed-verifications';
import { UnkeyStore } from './store';
import { handleV1Verifications } from './v1-verifications';
import { AnalyticsQuota, handleV2Verifications } from './v2-verifications';

export interface UnkeyEmulator extends VendorEmulator {
  readonly vendor: 'unkey';
  /** Root key of the seeded workspace with every read permission. */
  readonly token: string;
  /** The seeded APIs (not the fixture ones), the first being the largest. */
  readonly apiIds: string[];
  readonly workspaceId: string;
  readonly workspace: WorkspaceRecord;
  readonly now: number;
  /** Direct access to the analytics tables, for tests computing expected answers. */
  readonly store: UnkeyStore;
  /** Mutable: tests may lower the v2 quota or retention. */
  readonly settings: UnkeySettings;
  /** One workspace per seed page 004 scenario, each holding `api_123` (see fixtures.ts). */
  readonly fixtures: Readonly<Record<FixtureScenario, { token: string; workspace: WorkspaceRecord }>>;
  /** A root key with exactly these permissions, in the seeded workspace unless another is named. */
  mintToken(permissions: readonly string[], workspaceId?: string): string;
  /** Forgets the v2 analytics queries counted against the quota. */
  resetQuota(): void;
  /** The last seeded API (also in `apiIds`): one key per health state (health-keys.ts). */
  readonly health: UnkeyHealthApi;
  close(): Promise<void>;
}

export async function createUnkeyEmulator(options: SeedOptions, settings: Partial<UnkeySettings> = {}): Promise<UnkeyEmulator> {
  const random = createRandom(options.seed * 31 + 5);
  const rootKeys = new RootKeys(random);
  const workspace = seedWorkspace(options);
  const store = await UnkeyStore.open();
  try {
    await seedVerifications(store, workspace, { seed: options.seed, now: options.now, days: options.scale.unkeyDays });
    const health = await seedHealthApi(store, workspace, { seed: options.seed, now: options.now });
    const fixtureWorkspaces = await seedFixtures(store);
    await rollUpAggregates(store);
    const workspaces = new Map<string, WorkspaceRecord>([[workspace.id, workspace]]);
    const fixtures = {} as Record<FixtureScenario, { token: string; workspace: WorkspaceRecord }>;
    for (const scenario of FIXTURE_SCENARIOS) {
      const fixture = fixtureWorkspaces[scenario];
      workspaces.set(fixture.id, fixture);
      fixtures[scenario] = { token: rootKeys.mint(fixture.id, READ_ALL), workspace: fixture };
    }
    const context: UnkeyContext = {
      store,
      rootKeys,
      workspaces,
      now: options.now,
      settings: { ...DEFAULT_SETTINGS, ...settings },
      nextRequestId: requestIdFactory(random),
    };
    const quota = new AnalyticsQuota();
    const token = rootKeys.mint(workspace.id, READ_ALL);

    const handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
      const route = `${request.method} ${request.path}`;
      switch (route) {
        case 'GET /v1/analytics.getVerifications':
          return handleV1Verifications(context, request);
        case 'GET /v1/apis.listKeys':
          return handleV1ListKeys(context, request);
        case 'POST /v2/analytics.getVerifications':
          return handleV2Verifications(context, quota, request);
        case 'POST /v2/apis.listKeys':
          return handleV2ListKeys(context, request);
        case 'GET /v1/keys.getKey':
          return handleV1GetKey(context, request);
        case 'POST /v2/keys.getKey':
          return handleV2GetKey(context, request);
      }
      if (request.path.startsWith('/v2/')) return v2Error(404, `No route for ${request.method} ${request.path}.`, context.nextRequestId());
      return v1Error('NOT_FOUND', `No route for ${request.method} ${request.path}`, context.nextRequestId());
    };

    return {
      vendor: 'unkey',
      token,
      apiIds: workspace.apis.map((api) => api.id),
      workspaceId: workspace.id,
      workspace,
      now: options.now,
      store,
      settings: context.settings,
      fixtures,
      handle,
      errorBody: (status) => injectedErrorBody(status, context.nextRequestId()),
      mintToken: (permissions, workspaceId = workspace.id) => rootKeys.mint(workspaceId, permissions),
      resetQuota: () => quota.reset(),
      health,
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The body of an injected 429/5xx. The emulator frame does not say which API version was called,
 * so the body carries both envelopes: v1's `error.code/message` and v2's `meta` + `error.title/detail`.
 */
function injectedErrorBody(status: number, requestId: string): unknown {
  const code = status === 429 ? 'RATE_LIMITED' : status === 400 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  const message = status === 429 ? 'ratelimited' : 'something unexpected happened';
  const v1 = v1ErrorBody(code, message, requestId) as { error: Record<string, unknown> };
  const v2 = v2ErrorBody(status, message, requestId) as { meta: unknown; error: Record<string, unknown> };
  return { meta: v2.meta, error: { ...v2.error, ...v1.error } };
}
