// The vendor emulator's config line (`npm run emulator` prints it first): base URLs and tokens.
// Pure, so both the host side and the suite inside the extension host can use it.

export interface EmulatorConfig {
  cryptolens: { baseUrl: string; token: string };
  unkey: { v1BaseUrl: string; v2BaseUrl: string; token: string; apiIds: string[] };
  runtype: { baseUrl: string; token: string };
}

/** The config line's health part (test/emulator/server.ts): keys seeded in each status word (issue 13). */
export interface HealthConfig {
  cryptolens: { health: { tokenWithoutKeyPermissions: string; keys: Record<string, Array<{ productId: number; keyId: number; key: string }>> } };
  unkey: { health: { apiId: string; keys: Record<string, string[]> } };
  runtype: { health: { keys: Record<string, string[]> } };
}

/** The seeded health keys, which the config line carries beside what EmulatorConfig declares. */
export function healthOf(config: EmulatorConfig): HealthConfig {
  const value = config as unknown as Partial<Record<keyof HealthConfig, { health?: unknown }>>;
  if (!value.cryptolens?.health || !value.unkey?.health || !value.runtype?.health) throw new Error('the emulator config has no health keys');
  return config as unknown as HealthConfig;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasStrings(value: unknown, keys: string[]): boolean {
  return isRecord(value) && keys.every((key) => typeof value[key] === 'string');
}

export function parseEmulatorConfig(json: string): EmulatorConfig {
  const value: unknown = JSON.parse(json);
  if (
    isRecord(value) &&
    hasStrings(value.cryptolens, ['baseUrl', 'token']) &&
    hasStrings(value.unkey, ['v1BaseUrl', 'v2BaseUrl', 'token']) &&
    isRecord(value.unkey) &&
    Array.isArray(value.unkey.apiIds) &&
    hasStrings(value.runtype, ['baseUrl', 'token'])
  ) {
    return value as unknown as EmulatorConfig;
  }
  throw new Error(`not the emulator's config: ${json.slice(0, 200)}`);
}

/** Keyscope's user settings that point every vendor at the emulator (never the tokens: those are secrets). */
export function emulatorSettings(config: EmulatorConfig): Record<string, unknown> {
  return {
    'keyscope.cryptolens.baseUrl': config.cryptolens.baseUrl,
    'keyscope.unkey.apiVersion': 'v2',
    'keyscope.unkey.baseUrl': config.unkey.v2BaseUrl,
    'keyscope.unkey.apiIds': config.unkey.apiIds,
    'keyscope.runtype.baseUrl': config.runtype.baseUrl,
  };
}

export function emulatorTokens(config: EmulatorConfig): string[] {
  return [config.cryptolens.token, config.unkey.token, config.runtype.token];
}
