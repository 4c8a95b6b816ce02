// Unkey reads: verification analytics, an API's key pages, and the key listings health is read from.
// On v2 one query answers every configured API's keys (30-day totals and last-24-hour outcomes, see
// vendors/unkey/key-activity.ts): a hover, the tree and a lookup share it, whichever API a key is of.
import type { ApiKey, OutcomeCounts, Page, VerificationSlice } from '../vendors/model';
import type { VerificationQuery } from '../vendors/unkey/types';
import type { KeyVerificationEvent } from '../vendors/model-activity';
import type { KeyActivityAnswer } from '../vendors/unkey/key-activity';
import { NotFoundError } from '../http/errors';
import { CryptolensUsage, EVENTS_PAGE, TREE_PAGE } from './cryptolens-usage';
import { lastDays } from './recent-window';
import type { UsageOptions } from './usage-core';
import type { VendorClients } from './vendor-clients';

/** Listing pages read for an API's health (100 keys each), as a lookup reads. */
const UNKEY_HEALTH_PAGES = 50;
const DAY_MS = 86_400_000;

/** One API's keys with traffic: verifications of the last 30 days and of the last 24 hours. */
export interface ApiKeyActivity {
  totals: ReadonlyMap<string, OutcomeCounts>;
  recent: ReadonlyMap<string, OutcomeCounts>;
}

interface Activity {
  byApi: ReadonlyMap<string, ApiKeyActivity>;
  unknownApis: KeyActivityAnswer['unknownApis'];
}

/** Which ids of an API health has asked for: the first is read alone (keys.getKey), a second reads the list. */
interface ListingDemand {
  first: string;
  more: boolean;
}

export class UnkeyUsage extends CryptolensUsage {
  private readonly listingDemand = this.accountMemory<ListingDemand>();
  private readonly unkeyApiIds: () => readonly string[];

  constructor(clients: VendorClients, now: () => number = Date.now, options: UsageOptions = {}) {
    super(clients, now, options);
    this.unkeyApiIds = options.unkeyApiIds ?? (() => []);
  }

  /** One page of an Unkey key's single verifications, newest first (v2; v1 rejects with NeedsUnkeyV2Error). */
  unkeyRecentVerifications(keyId: string, before?: string, signal?: AbortSignal, limit = EVENTS_PAGE): Promise<Page<KeyVerificationEvent>> {
    return this.cached(
      'unkey',
      `recent:${JSON.stringify([keyId, before ?? null, limit])}`,
      ({ client }, loadSignal) => client.recentVerifications(keyId, { limit, ...(before !== undefined ? { before } : {}) }, loadSignal),
      signal,
    );
  }

  /**
   * Verifications of the last 24 hours per key of one API, for Rate limited and Elevated rejections:
   * on v2 from the same query as the 30-day totals (no request of its own), on v1 one query per API.
   */
  async unkeyRecentByKey(apiId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, OutcomeCounts>> {
    if ((await this.connected('unkey')).client.version === 'v1') return this.v1ByKey(apiId, 1, signal);
    return (await this.apiActivity(apiId, signal)).recent;
  }

  /**
   * One key's listing (enabled, expiry, credits) for its health. The first id of an API costs one
   * keys.getKey; from the second on, the API's key list (the tree's pages, ⌈K/100⌉ requests once per
   * cache lifetime) answers every id — unless the list is too long to read (then keys.getKey each).
   * Undefined when the key is not found or the root key may not read keys.
   */
  async unkeyKeyListing(apiId: string, keyId: string, signal?: AbortSignal): Promise<ApiKey | undefined> {
    const connected = await this.connected('unkey');
    const scope = `${connected.account}:${apiId}`;
    const demand = this.listingDemand.get(scope) ?? { first: keyId, more: false };
    if (demand.first !== keyId) demand.more = true;
    this.listingDemand.set(scope, demand);
    if (demand.more && (await this.keyListPages(apiId, signal)) <= UNKEY_HEALTH_PAGES) {
      const list = await this.unkeyKeysOfApi(apiId, signal);
      const listed = list.keys.get(keyId);
      if (listed || list.complete) return listed;
    }
    return this.keyOfApi(apiId, keyId, signal);
  }

  /**
   * The listings of a few keys of one API (a panel's top keys): the API's key list when it costs no
   * more requests than the keys (⌈K/100⌉ pages ≤ their number), else keys.getKey for each, in
   * parallel — not twenty pages in a row for ten keys of a 2,000-key API. Keys not found are missing.
   */
  async unkeyKeysById(apiId: string, keyIds: readonly string[], signal?: AbortSignal): Promise<ReadonlyMap<string, ApiKey>> {
    const keys =
      (await this.keyListPages(apiId, signal)) <= Math.min(keyIds.length, UNKEY_HEALTH_PAGES)
        ? await this.unkeyKeysOfApi(apiId, signal).then((list) => keyIds.map((keyId) => list.keys.get(keyId)))
        : await Promise.all(keyIds.map((keyId) => this.keyOfApi(apiId, keyId, signal)));
    return new Map(keys.flatMap((key, index) => (key ? [[keyIds[index] ?? key.keyId, key] as const] : [])));
  }

  /** keys.getKey for a key of this API; undefined when not found, of another API, or not readable. */
  private async keyOfApi(apiId: string, keyId: string, signal: AbortSignal | undefined): Promise<ApiKey | undefined> {
    try {
      const key = await this.withPermission('unkey', 'read_key', ({ client }, loadSignal) => client.getKey(keyId, loadSignal), `unkey-key:${keyId}`, signal);
      // keys.getKey (v2) does not say the API: a key of another API is not this one's.
      return key && (key.scopeId === undefined || key.scopeId === apiId) ? key : undefined;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** Pages of the API's key list, at least: its keys with traffic are a lower bound of its size (unknown: infinite). */
  private async keyListPages(apiId: string, signal: AbortSignal | undefined): Promise<number> {
    const withTraffic = await this.unkeyTotalsByKey(apiId, signal).catch(() => undefined);
    return withTraffic === undefined ? Number.POSITIVE_INFINITY : Math.ceil(withTraffic.size / TREE_PAGE);
  }

  /** Every key of one API by id (up to UNKEY_HEALTH_PAGES pages), read through the tree's cached listing pages. */
  async unkeyKeysOfApi(apiId: string, signal?: AbortSignal): Promise<{ keys: ReadonlyMap<string, ApiKey>; complete: boolean }> {
    const keys = new Map<string, ApiKey>();
    let cursor: string | undefined;
    for (let page = 0; page < UNKEY_HEALTH_PAGES; page++) {
      const result = await this.unkeyKeysPage(apiId, cursor, signal);
      for (const key of result.items) keys.set(key.keyId, key);
      if (!result.nextCursor || result.items.length === 0) return { keys, complete: true };
      cursor = result.nextCursor;
    }
    return { keys, complete: false };
  }

  unkeyKeysPage(apiId: string, cursor?: string, signal?: AbortSignal): Promise<Page<ApiKey>> {
    return this.cached(
      'unkey',
      `keys:${apiId}:${cursor ?? ''}`,
      ({ client }, loadSignal) => client.listKeys({ apiId, limit: TREE_PAGE, ...(cursor ? { cursor } : {}) }, loadSignal),
      signal,
    );
  }

  /**
   * Verifications of the last 30 days per key of one API. On v2 one query answers every configured
   * API (keyscope.unkey.apiIds) at once, shared by the tree, hovers and lookups; an API Unkey does not
   * know rejects with its own NotFoundError and hides no other. On v1, one query per API.
   */
  async unkeyTotalsByKey(apiId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, OutcomeCounts>> {
    if ((await this.connected('unkey')).client.version === 'v1') return this.v1ByKey(apiId, 30, signal);
    return (await this.apiActivity(apiId, signal)).totals;
  }

  private async apiActivity(apiId: string, signal: AbortSignal | undefined): Promise<ApiKeyActivity> {
    const configured = this.unkeyApiIds();
    // An API that is not configured (a lookup's) is asked alone: the shared answer is the configured set's.
    const activity = await this.unkeyActivity(configured.includes(apiId) ? configured : [apiId], signal);
    const unknown = activity.unknownApis.get(apiId);
    if (unknown) throw unknown;
    return activity.byApi.get(apiId) ?? { totals: new Map(), recent: new Map() };
  }

  private unkeyActivity(apiIds: readonly string[], signal: AbortSignal | undefined): Promise<Activity> {
    const { start, end } = lastDays(30, this.now());
    const ids = [...new Set(apiIds)].sort();
    return this.cached(
      'unkey',
      `activity:${JSON.stringify([ids, start, end])}`,
      async ({ client }, loadSignal) => {
        const answer = await client.keyActivity({ apiIds: ids, start, recentStart: end - DAY_MS, end }, loadSignal);
        const byApi = new Map(ids.map((id) => [id, { totals: new Map<string, OutcomeCounts>(), recent: new Map<string, OutcomeCounts>() }]));
        for (const row of answer.rows) {
          const api = byApi.get(row.apiId);
          api?.totals.set(row.keyId, row.total);
          if (row.recent.total > 0) api?.recent.set(row.keyId, row.recent);
        }
        for (const unknown of answer.unknownApis.keys()) byApi.delete(unknown);
        return { byApi, unknownApis: answer.unknownApis };
      },
      signal,
    );
  }

  /** v1: one API's verifications per key over the last `days` days, one query. */
  private async v1ByKey(apiId: string, days: number, signal: AbortSignal | undefined): Promise<ReadonlyMap<string, OutcomeCounts>> {
    const rows = await this.unkeyVerifications({ apiId, ...lastDays(days, this.now()), groupBy: ['key'] }, signal);
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  unkeyVerifications(query: VerificationQuery, signal?: AbortSignal): Promise<VerificationSlice[]> {
    return this.cached('unkey', `verifications:${JSON.stringify(query)}`, ({ client }, loadSignal) => client.getVerifications(query, loadSignal), signal);
  }
}
