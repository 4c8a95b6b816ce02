// A lookup asks the vendor itself, with the narrowest filter it has, so that a key that does not
// exist gets the vendor's own answer ("Cryptolens: Could not find the key.") instead of an empty list.
import * as l10n from '@vscode/l10n';
import type { KeyscopeConfig } from '../config';
import { NotFoundError } from '../http/errors';
import {
  cryptolensKeyFacts,
  deviceFacts,
  runtypeKeyFacts,
  unkeyApiFacts,
  unkeyKeyFacts,
  unusedCryptolensKeyFacts,
  withHealth,
  type KeyFacts,
} from '../usage/key-facts';
import type { HealthOptions } from '../health/options';
import { cryptolensKeyHealth, runtypeKeyHealth, unkeyKeyHealth } from '../usage/key-health';
import { unkeyTotalsOfApis } from '../usage/key-index';
import { lastDays } from '../usage/recent-window';
import { scanLimitText } from '../usage/scan';
import type { UsageService } from '../usage/usage-service';
import type { ApiKey, OutcomeCounts } from '../vendors/model';
import type { LookupTarget } from './recognize';

/** `note` qualifies what was found, e.g. that a limit cut the devices short. */
export type LookupResult = { found: KeyFacts[]; note?: string } | { notFound: string };

/** A Cryptolens key string can only be asked for within a product. */
export type ResolvableTarget = Exclude<LookupTarget, { kind: 'key' }> | { vendor: 'cryptolens'; kind: 'key'; key: string; productId: number };

/** Listing pages read to find an Unkey key's name and state (100 keys each). */
const MAX_LIST_PAGES = 50;

/** `signal` is the lookup's own: closing its QuickPick aborts the vendor calls only it waits for. */
export async function resolveLookup(
  usage: UsageService,
  config: KeyscopeConfig,
  target: ResolvableTarget,
  now: number = Date.now(),
  signal?: AbortSignal,
): Promise<LookupResult> {
  const options: HealthOptions = { now, expiresSoonDays: config.expiresSoonDays };
  try {
    switch (target.vendor) {
      case 'cryptolens':
        return await cryptolens(usage, target, options, signal);
      case 'unkey':
        return target.kind === 'api' ? await unkeyApi(usage, target.apiId, signal) : await unkeyKey(usage, config.unkeyApiIds, target.keyId, options, signal);
      case 'runtype':
        return await runtype(usage, target, options, signal);
    }
  } catch (error) {
    if (error instanceof NotFoundError) return { notFound: error.summary };
    throw error;
  }
}


async function cryptolens(
  usage: UsageService,
  target: Extract<ResolvableTarget, { vendor: 'cryptolens' }>,
  options: HealthOptions,
  signal: AbortSignal | undefined,
): Promise<LookupResult> {
  if (target.kind === 'machine-code') {
    const devices = await usage.devicesByMachineCode(target.machineCode, signal);
    if (devices.items.length === 0) return { notFound: l10n.t('Cryptolens: no device with this machine code has used a license key.') };
    const found = devices.items.map(deviceFacts);
    return devices.truncated ? { found, note: l10n.t('Cryptolens: the {0} with this machine code ({1}).', scanLimitText(devices, 'devices'), 'keyscope.cryptolens.maxScanKeys') } : { found };
  }
  // The vendor answers "Could not find the key." (a NotFoundError) for a key that does not exist.
  const summaries =
    target.kind === 'key' ? await usage.licenseKeyByString(target.productId, target.key, signal) : await usage.licenseKeyById(target.keyId, signal);
  if (summaries.length === 0) {
    return { found: [unusedCryptolensKeyFacts(target.kind === 'key' ? { productId: target.productId, key: target.key } : { keyId: target.keyId })] };
  }
  const found = await Promise.all(
    summaries.map(async (summary) => {
      // A lookup is asked for once, so it may count every device rather than a first page.
      const [devices, health] = await Promise.all([usage.keyDevices(summary.productId, summary.licenseKeyId, signal), cryptolensKeyHealth(usage, summary, options, signal)]);
      return withHealth(cryptolensKeyFacts(summary, { count: devices.items.length, more: devices.truncated }), health);
    }),
  );
  return { found };
}

async function unkeyApi(usage: UsageService, apiId: string, signal: AbortSignal | undefined): Promise<LookupResult> {
  // An API the vendor does not know fails with its own message ("API … not found").
  return { found: [unkeyApiFacts(apiId, await usage.unkeyTotalsByKey(apiId, signal))] };
}

async function unkeyKey(usage: UsageService, apiIds: readonly string[], keyId: string, options: HealthOptions, signal: AbortSignal | undefined): Promise<LookupResult> {
  const { now } = options;
  if (apiIds.length === 0) return { notFound: l10n.t('Unkey: add your API ids in the setting {0} to look up their keys.', 'keyscope.unkey.apiIds') };
  const totals = await unkeyTotalsOfApis(usage, apiIds, signal);
  const withTraffic = totals.filter(([, byKey]) => byKey.has(keyId)).map(([apiId]) => apiId);
  // Unkey's analytics have no row for a quiet key: its API's key list tells whether it exists.
  const searched = withTraffic.length > 0 ? withTraffic : totals.map(([apiId]) => apiId);
  const found: KeyFacts[] = [];
  for (const apiId of searched) {
    const key = await findUnkeyKey(usage, apiId, keyId, signal);
    const outcomes: OutcomeCounts | undefined = totals.find(([id]) => id === apiId)?.[1].get(keyId);
    if (!key && !outcomes) continue;
    const facts = withHealth(unkeyKeyFacts(apiId, keyId, outcomes, key), key ? await unkeyKeyHealth(usage, apiId, keyId, options, signal, key) : undefined);
    const lastSeen = outcomes ? await unkeyLastSeen(usage, apiId, keyId, now, signal) : undefined;
    found.push(lastSeen !== undefined ? { ...facts, lastSeen } : facts);
  }
  if (found.length === 0) return { notFound: l10n.t('Unkey: no key {0} in the configured APIs ({1}).', keyId, apiIds.join(', ')) };
  return { found };
}

async function findUnkeyKey(usage: UsageService, apiId: string, keyId: string, signal: AbortSignal | undefined): Promise<ApiKey | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const result = await usage.unkeyKeysPage(apiId, cursor, signal);
    const key = result.items.find((item) => item.keyId === keyId);
    if (key) return key;
    if (!result.nextCursor || result.items.length === 0) return undefined;
    cursor = result.nextCursor;
  }
  return undefined;
}

/** The start of the last hour with a verification in the last 30 days. */
async function unkeyLastSeen(usage: UsageService, apiId: string, keyId: string, now: number, signal: AbortSignal | undefined): Promise<number | undefined> {
  const slices = await usage.unkeyVerifications({ apiId, keyIds: [keyId], ...lastDays(30, now), groupBy: ['hour'] }, signal);
  let last: number | undefined;
  for (const slice of slices) if (slice.time !== undefined && slice.outcomes.total > 0 && (last === undefined || slice.time > last)) last = slice.time;
  return last;
}

async function runtype(usage: UsageService, target: Extract<ResolvableTarget, { vendor: 'runtype' }>, options: HealthOptions, signal: AbortSignal | undefined): Promise<LookupResult> {
  const keys = await usage.runtypeKeys(signal);
  const matches =
    target.kind === 'key-id'
      ? keys.filter((key) => key.keyId.toLowerCase() === target.keyId.toLowerCase())
      : keys.filter((key) => key.start !== undefined && key.start !== '' && target.prefix.startsWith(key.start));
  // Runtype lists every key of the account in one answer: absent from it means no such key.
  if (matches.length === 0) {
    return { notFound: target.kind === 'key-id' ? l10n.t('Runtype: no API key with this id in the account.') : l10n.t('Runtype: no API key with this prefix in the account.') };
  }
  return { found: matches.map((key) => withHealth(runtypeKeyFacts(key, options.now), runtypeKeyHealth(key, options))) };
}
