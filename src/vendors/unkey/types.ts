// What callers ask Unkey for, whichever API version answers (v1 query string or v2 SQL).
import type { ApiKey, Page, VerificationSlice } from '../model';
import type { KeyVerificationEvent } from '../model-activity';
import type { KeyActivityAnswer, KeyActivityQuery } from './key-activity';
import type { RecentVerificationsQuery } from './recent-verifications-query';

export type UnkeyApiVersion = 'v1' | 'v2';

export const GROUP_BY = ['key', 'identity', 'tags', 'tag', 'month', 'day', 'hour'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const ORDER_BY = [
  'time',
  'valid',
  'notFound',
  'forbidden',
  'usageExceeded',
  'rateLimited',
  'unauthorized',
  'disabled',
  'insufficientPermissions',
  'expired',
  'total',
] as const;
export type OrderBy = (typeof ORDER_BY)[number];

/** The v1 `analytics.getVerifications` parameters, as the seed pages define them. */
export interface VerificationQuery {
  apiId: string;
  /** Unix ms; truncated to the hour by the vendor. */
  start: number;
  /** Unix ms; defaults to now. */
  end?: number;
  externalId?: string;
  keyIds?: string[];
  tags?: string[];
  groupBy?: GroupBy[];
  limit?: number;
  orderBy?: OrderBy;
  order?: 'asc' | 'desc';
}

export interface ListKeysQuery {
  apiId: string;
  /** 1..100 */
  limit?: number;
  cursor?: string;
}

/** One interface over both versions: callers above the client never see which one ran. */
export interface UnkeyClient {
  readonly version: UnkeyApiVersion;
  getVerifications(query: VerificationQuery, signal?: AbortSignal): Promise<VerificationSlice[]>;
  listKeys(query: ListKeysQuery, signal?: AbortSignal): Promise<Page<ApiKey>>;
  /** One key's single verifications, newest first; v2 only (v1 rejects with NeedsUnkeyV2Error). */
  recentVerifications(keyId: string, query?: RecentVerificationsQuery, signal?: AbortSignal): Promise<Page<KeyVerificationEvent>>;
  /** One key by id (keys.getKey): what listKeys says of it, without knowing its API first. */
  getKey(keyId: string, signal?: AbortSignal): Promise<ApiKey>;
  /** Per-key counts of several APIs over two windows, in one query; v2 only (v1 rejects with NeedsUnkeyV2Error). */
  keyActivity(query: KeyActivityQuery, signal?: AbortSignal): Promise<KeyActivityAnswer>;
}
