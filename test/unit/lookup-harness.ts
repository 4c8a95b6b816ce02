// What the hover and lookup tests start: the emulator fixture with its real HttpClient, and the extension's own
// UsageService over real vendor clients — only SecretStorage is replaced by a map of tokens.
import type { KeyscopeConfig } from '../../src/config';
import type { TokenStore } from '../../src/secrets';
import type { IdCandidate, IdKind } from '../../src/vendors/key-ids';
import { DEFAULT_MAX_SCAN_KEYS } from '../../src/usage/scan';
import { UsageService } from '../../src/usage/usage-service';
import { VendorClients } from '../../src/usage/vendor-clients';
import type { VendorId } from '../../src/vendor-id';
import type { Emulator } from '../emulator/server';
import { startEmulatorFixture } from './emulator-fixture';

/** After the seed pages' example dates (May 2025), on a whole hour. */
export const TEST_NOW = Date.UTC(2025, 8, 1, 12);

export interface UsageHarness {
  emulator: Emulator;
  usage: UsageService;
  config: KeyscopeConfig;
  /** Tokens "in SecretStorage"; delete one to act as a vendor without a token. */
  tokens: Partial<Record<VendorId, string>>;
  /** Requests the emulator received for a vendor (optionally on paths containing `path`). */
  requests(vendor: VendorId, path?: string): number;
  /** A fresh UsageService (an empty cache) over the same clients. */
  freshUsage(): UsageService;
  /** The vendor clients the services use, for a UsageService with a clock of its own. */
  clients: VendorClients;
  close(): Promise<void>;
}

export async function startUsageHarness(): Promise<UsageHarness> {
  const fixture = await startEmulatorFixture(TEST_NOW, {
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000 },
  });
  const { emulator, http } = fixture;
  const tokens: Partial<Record<VendorId, string>> = {
    cryptolens: emulator.cryptolens.token,
    unkey: emulator.unkey.token,
    runtype: emulator.runtype.token,
  };
  // The only stand-in: SecretStorage exists only inside VS Code. VendorClients reads tokens with get().
  const store = { get: (vendor: VendorId) => Promise.resolve(tokens[vendor]) } as unknown as TokenStore;
  const config: KeyscopeConfig = {
    baseUrls: {
      cryptolens: emulator.config.cryptolens.baseUrl,
      unkey: emulator.config.unkey.v2BaseUrl,
      runtype: emulator.config.runtype.baseUrl,
    },
    unkeyApiVersion: 'v2',
    unkeyApiIds: [...emulator.config.unkey.apiIds],
    rejectedUnkeyApiIds: [],
    hoverEnabled: true,
    statusBarEnabled: true,
    expiresSoonDays: 7,
    diagnosticsEnabled: true,
    cryptolensMaxScanKeys: DEFAULT_MAX_SCAN_KEYS,
  };
  // The emulator is on loopback, so no origin needs the user's consent; anything else is refused.
  const clients = new VendorClients(store, () => config, () => http, { confirm: () => Promise.reject(new Error('no consent in unit tests')) });
  const now = (): number => TEST_NOW;
  // The scan limit follows the harness config, as activate() wires it to the setting.
  const options = { maxScanKeys: () => config.cryptolensMaxScanKeys, unkeyApiIds: () => config.unkeyApiIds };
  return {
    emulator,
    usage: new UsageService(clients, now, options),
    config,
    tokens,
    requests: (vendor, path) => emulator.requests.count(path === undefined ? { vendor } : { vendor, path }),
    freshUsage: () => new UsageService(clients, now, options),
    clients,
    close: () => fixture.close(),
  };
}

/** A recognized id spanning the whole text, as the hover's recognizer would hand it over. */
export function candidate(kind: IdKind, text: string): IdCandidate {
  return { kind, text, start: 0, end: text.length };
}
