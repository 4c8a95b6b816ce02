// Resolves an id found in source code to what its vendor knows about it, for hovers. Usage comes from
// account-wide calls that answer all ids of a kind at once (the batch), cached and shared in flight by
// UsageService; health and device counts read a key alone only for an API's or product's first few
// ids, then its whole list: hovering 200 ids costs about what its lists cost, not a request per id.
import type { KeyscopeConfig } from '../config';
import type { IdCandidate } from '../vendors/key-ids';
import type { ApiKey, LicenseKeySummary, OutcomeCounts } from '../vendors/model';
import { cryptolensKeyFacts, runtypeKeyFacts, unkeyApiFacts, unkeyKeyFacts, unscannedCryptolensKeyFacts, withHealth, type KeyFacts } from './key-facts';
import type { HealthOptions } from '../health/options';
import { cryptolensHoverHealth, runtypeKeyHealth, unkeyKeyHealth } from './key-health';
import { NoTokenError } from './no-token-error';
import type { UsageService } from './usage-service';

/** A string seen in several products (each product has its own keys) shows at most this many. */
const MAX_MATCHES = 3;

export class KeyIndex {
  // Built once per answer object: the cached promise resolves to the same array until it expires.
  private readonly byKeyString = new WeakMap<readonly LicenseKeySummary[], Map<string, LicenseKeySummary[]>>();

  constructor(
    private readonly usage: UsageService,
    private readonly config: () => KeyscopeConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * What the vendors know about `candidate`; empty when none does (or its vendor has no token).
   * Rejects only when a vendor call failed, or when `signal` (the hover's) ended the wait.
   */
  async resolve(candidate: IdCandidate, signal?: AbortSignal): Promise<KeyFacts[]> {
    try {
      switch (candidate.kind) {
        case 'cryptolens-key':
          return await this.cryptolensKey(candidate.text, signal);
        case 'unkey-key':
          return await this.unkeyKey(candidate.text, signal);
        case 'unkey-api':
          return await this.unkeyApi(candidate.text, signal);
        case 'runtype-id':
          return await this.runtype((key) => key.keyId.toLowerCase() === candidate.text.toLowerCase(), signal);
        case 'runtype-prefix':
          return await this.runtype((key) => key.start !== undefined && key.start !== '' && candidate.text.startsWith(key.start), signal);
      }
    } catch (error) {
      if (error instanceof NoTokenError) return [];
      throw error;
    }
  }

  private async cryptolensKey(text: string, signal: AbortSignal | undefined): Promise<KeyFacts[]> {
    const scan = await this.usage.allLicenseKeys(signal);
    const matches = (this.keyStrings(scan.items).get(text) ?? []).slice(0, MAX_MATCHES);
    // Not found among the keys a limit let Keyscope read is not "unknown": say so.
    if (matches.length === 0 && scan.truncated) return [unscannedCryptolensKeyFacts(text, scan)];
    // Device counts and health: one request per key while few keys of a product are hovered, then
    // the product's device pages and key list, each once per cache lifetime (usage.hoverDeviceCount,
    // usage.hoverLicense); no request per key for a file of many keys.
    return Promise.all(
      matches.map(async (summary) => {
        const [devices, health] = await Promise.all([
          this.usage.hoverDeviceCount(summary, signal).catch(() => undefined),
          cryptolensHoverHealth(this.usage, summary, this.healthOptions(), signal),
        ]);
        return withHealth(cryptolensKeyFacts(summary, devices), health);
      }),
    );
  }

  private keyStrings(summaries: readonly LicenseKeySummary[]): Map<string, LicenseKeySummary[]> {
    let index = this.byKeyString.get(summaries);
    if (!index) {
      index = new Map();
      for (const summary of summaries) {
        if (!summary.key) continue;
        const list = index.get(summary.key);
        if (list) list.push(summary);
        else index.set(summary.key, [summary]);
      }
      this.byKeyString.set(summaries, index);
    }
    return index;
  }

  /** One analytics query (v2; v1: one per API) answers every key of every configured API (the tree asks the same). */
  private async unkeyKey(keyId: string, signal: AbortSignal | undefined): Promise<KeyFacts[]> {
    const totals = await unkeyTotalsOfApis(this.usage, this.config().unkeyApiIds, signal);
    const options = this.healthOptions();
    const found = totals.flatMap(([apiId, byKey]) => {
      const outcomes = byKey.get(keyId);
      return outcomes ? [{ apiId, outcomes }] : [];
    });
    // Health: the key's listing (keys.getKey for an API's first id, then its key list) and its last
    // 24 hours, which the same query carries on v2; all cached and shared with the tree.
    return Promise.all(
      found.map(async ({ apiId, outcomes }) => withHealth(unkeyKeyFacts(apiId, keyId, outcomes), await unkeyKeyHealth(this.usage, apiId, keyId, options, signal))),
    );
  }

  private async unkeyApi(apiId: string, signal: AbortSignal | undefined): Promise<KeyFacts[]> {
    // Only the APIs the user named: an arbitrary api_… string in code costs no query.
    if (!this.config().unkeyApiIds.includes(apiId)) return [];
    return [unkeyApiFacts(apiId, await this.usage.unkeyTotalsByKey(apiId, signal))];
  }

  private async runtype(matches: (key: ApiKey) => boolean, signal: AbortSignal | undefined): Promise<KeyFacts[]> {
    const keys = await this.usage.runtypeKeys(signal);
    const now = this.now();
    const options = this.healthOptions();
    return keys.filter(matches).slice(0, MAX_MATCHES).map((key) => withHealth(runtypeKeyFacts(key, now), runtypeKeyHealth(key, options)));
  }

  private healthOptions(): HealthOptions {
    return { now: this.now(), expiresSoonDays: this.config().expiresSoonDays };
  }
}

/**
 * Each API's 30-day totals per key (on v2 one query for all configured APIs, on v1 one each; shared
 * with the tree). One API failing (a typo in the settings) must not hide the others; all of them
 * failing is an error.
 */
export async function unkeyTotalsOfApis(
  usage: UsageService,
  apiIds: readonly string[],
  signal?: AbortSignal,
): Promise<Array<[string, ReadonlyMap<string, OutcomeCounts>]>> {
  const settled = await Promise.allSettled(apiIds.map((apiId) => usage.unkeyTotalsByKey(apiId, signal)));
  const answered: Array<[string, ReadonlyMap<string, OutcomeCounts>]> = [];
  settled.forEach((result, index) => {
    if (result.status === 'fulfilled') answered.push([apiIds[index] as string, result.value]);
  });
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (answered.length === 0 && failure) throw failure.reason;
  return answered;
}
