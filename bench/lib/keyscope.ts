// Keyscope's own data layer wired as activate() wires it (HttpClient, TokenStore, VendorClients,
// UsageService), pointed at the emulator, in this process. Import bench/vscode/register first.
import { MemorySecrets } from '../vscode/memory-secrets';
import type { KeyscopeConfig } from '../../src/config';
import { HttpClient, type HttpOptions } from '../../src/http/client';
import { TokenStore } from '../../src/secrets';
import type { CacheLimits } from '../../src/usage/cache';
import { DEFAULT_MAX_SCAN_KEYS } from '../../src/usage/scan';
import { UsageService } from '../../src/usage/usage-service';
import { VendorClients } from '../../src/usage/vendor-clients';
import type { UnkeyApiVersion } from '../../src/vendors/unkey/types';

export interface EmulatorEndpoints {
  cryptolens: { baseUrl: string; token: string };
  unkey: { v1BaseUrl: string; v2BaseUrl: string; token: string; apiIds: string[] };
  runtype: { baseUrl: string; token: string };
}

export interface Keyscope {
  http: HttpClient;
  tokens: TokenStore;
  clients: VendorClients;
  usage: UsageService;
  config: KeyscopeConfig;
  close(): Promise<void>;
}

export function settingsFor(emulator: EmulatorEndpoints, unkeyApiVersion: UnkeyApiVersion = 'v2'): KeyscopeConfig {
  return {
    baseUrls: {
      cryptolens: emulator.cryptolens.baseUrl,
      unkey: unkeyApiVersion === 'v1' ? emulator.unkey.v1BaseUrl : emulator.unkey.v2BaseUrl,
      runtype: emulator.runtype.baseUrl,
    },
    unkeyApiVersion,
    unkeyApiIds: emulator.unkey.apiIds,
    rejectedUnkeyApiIds: [],
    hoverEnabled: true,
    statusBarEnabled: true,
    cryptolensMaxScanKeys: DEFAULT_MAX_SCAN_KEYS,
    expiresSoonDays: 7,
    diagnosticsEnabled: true,
  };
}

export async function createKeyscope(
  emulator: EmulatorEndpoints,
  options: { unkeyApiVersion?: UnkeyApiVersion; http?: Partial<HttpOptions>; maxScanKeys?: number; cache?: Partial<CacheLimits> } = {},
): Promise<Keyscope> {
  const tokens = new TokenStore(new MemorySecrets());
  await tokens.set('cryptolens', emulator.cryptolens.token);
  await tokens.set('unkey', emulator.unkey.token);
  await tokens.set('runtype', emulator.runtype.token);
  const config = { ...settingsFor(emulator, options.unkeyApiVersion), ...(options.maxScanKeys !== undefined ? { cryptolensMaxScanKeys: options.maxScanKeys } : {}) };
  const http = new HttpClient(options.http);
  // The emulator is on loopback, so no origin needs the user's consent; anything else is refused.
  const clients = new VendorClients(tokens, () => config, () => http, { confirm: () => Promise.reject(new Error('no consent in benchmarks')) });
  const usage = new UsageService(clients, Date.now, { maxScanKeys: () => config.cryptolensMaxScanKeys, unkeyApiIds: () => config.unkeyApiIds, ...(options.cache ? { cache: options.cache } : {}) });
  return {
    http,
    tokens,
    clients,
    usage,
    config,
    async close(): Promise<void> {
      usage.dispose();
      tokens.dispose();
      await http.close();
    },
  };
}
