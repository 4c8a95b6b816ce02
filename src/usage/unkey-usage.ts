// Unkey reads: verification analytics, an API's key pages, and the key listings health is read from.
import type { ApiKey, OutcomeCounts, Page, VerificationSlice } from '../vendors/model';
import type { VerificationQuery } from '../vendors/unkey/types';
import type { KeyVerificationEvent } from '../vendors/model-activity';
import { NotFoundError } from '../http/errors';
import { CryptolensUsage, EVENTS_PAGE, TREE_PAGE } from './cryptolens-usage';
import { lastDays } from './recent-window';

/** Unkey keys.getKey calls per API before a hover's health reads the API's key list instead. */
const UNKEY_GET_KEY_CALLS = 2;
/** Listing pages read for an API's health (100 keys each), as a lookup reads. */
const UNKEY_HEALTH_PAGES = 50;

export class UnkeyUsage extends CryptolensUsage {
  /** keys.getKey calls per Unkey account and API, for choosing between one key and the key list. */
  private readonly unkeyGetKeyIds = this.accountMemory<Set<string>>();

  /** One page of an Unkey key's single verifications, newest first (v2; v1 rejects with NeedsUnkeyV2Error). */
  unkeyRecentVerifications(keyId: string, before?: string, signal?: AbortSignal, limit = EVENTS_PAGE): Promise<Page<KeyVerificationEvent>> {
    return this.cached(
      'unkey',
      `recent:${JSON.stringify([keyId, before ?? null, limit])}`,
      ({ client }, loadSignal) => client.recentVerifications(keyId, { limit, ...(before !== undefined ? { before } : {}) }, loadSignal),
      signal,
    );
  }

  /** Verifications of the last 24 hours per key of one API: one query, for Rate limited and Elevated rejections. */
  async unkeyRecentByKey(apiId: string, signal?: AbortSignal): Promise<Map<string, OutcomeCounts>> {
    const rows = await this.unkeyVerifications({ apiId, ...lastDays(1, this.now()), groupBy: ['key'] }, signal);
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  /**
   * One key's listing (enabled, expiry, credits) for its health. The first few ids of an API cost one
   * keys.getKey each; after that the API's key list (the tree's pages, 100 keys each) answers every id.
   * Undefined when the key is not found or the root key may not read keys.
   */
  async unkeyKeyListing(apiId: string, keyId: string, signal?: AbortSignal): Promise<ApiKey | undefined> {
    const connected = await this.connected('unkey');
    const calls = `${connected.account}:${apiId}`;
    const ids = this.unkeyGetKeyIds.get(calls) ?? new Set<string>();
    if (ids.has(keyId) || ids.size < UNKEY_GET_KEY_CALLS) {
      ids.add(keyId);
      this.unkeyGetKeyIds.set(calls, ids);
      try {
        const key = await this.withPermission('unkey', 'read_key', ({ client }, loadSignal) => client.getKey(keyId, loadSignal), `unkey-key:${keyId}`, signal);
        // keys.getKey (v2) does not say the API: a key of another API is not this one's.
        return key && (key.scopeId === undefined || key.scopeId === apiId) ? key : undefined;
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    }
    return (await this.unkeyKeysOfApi(apiId, signal)).get(keyId);
  }

  /** Every key of one API by id, read through the tree's cached listing pages. */
  async unkeyKeysOfApi(apiId: string, signal?: AbortSignal): Promise<ReadonlyMap<string, ApiKey>> {
    const byId = new Map<string, ApiKey>();
    let cursor: string | undefined;
    for (let page = 0; page < UNKEY_HEALTH_PAGES; page++) {
      const result = await this.unkeyKeysPage(apiId, cursor, signal);
      for (const key of result.items) byId.set(key.keyId, key);
      if (!result.nextCursor || result.items.length === 0) break;
      cursor = result.nextCursor;
    }
    return byId;
  }

  unkeyKeysPage(apiId: string, cursor?: string, signal?: AbortSignal): Promise<Page<ApiKey>> {
    return this.cached(
      'unkey',
      `keys:${apiId}:${cursor ?? ''}`,
      ({ client }, loadSignal) => client.listKeys({ apiId, limit: TREE_PAGE, ...(cursor ? { cursor } : {}) }, loadSignal),
      signal,
    );
  }

  /** Verifications of the last 30 days per key of one API: one query, shared by tree and hovers. */
  async unkeyTotalsByKey(apiId: string, signal?: AbortSignal): Promise<Map<string, OutcomeCounts>> {
    const rows = await this.unkeyVerifications({ apiId, ...lastDays(30, this.now()), groupBy: ['key'] }, signal);
    return new Map(rows.flatMap((row) => (row.keyId ? [[row.keyId, row.outcomes] as const] : [])));
  }

  unkeyVerifications(query: VerificationQuery, signal?: AbortSignal): Promise<VerificationSlice[]> {
    return this.cached('unkey', `verifications:${JSON.stringify(query)}`, ({ client }, loadSignal) => client.getVerifications(query, loadSignal), signal);
  }

}
