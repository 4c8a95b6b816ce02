// Unkey v2: verification analytics as SQL over Unkey's public tables, answered like v1 answered.
import type { HttpClient, HttpResponse } from '../../http/client';
import type { RequestContext } from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import type { ApiKey, Page, VerificationSlice } from '../model';
import { listKeysV2 } from './list-keys-v2';
import { getKeyV2 } from './get-key-v2';
import type { ListKeysQuery, UnkeyClient, VerificationQuery } from './types';
import { bearerHeader, unkeyEndpointUrl } from './unkey-url';
import { unkeyV2Error } from './v2-errors';
import { checkVerificationQuery } from './v2-query';
import { toSlices } from './v2-rows';
import { getVerificationsResponseSchema } from './v2-schemas';
import { buildVerificationSql } from './v2-sql';
import type { KeyVerificationEvent } from '../model-activity';
import { toRecentVerificationsPage } from './recent-verifications-page';
import { checkRecentQuery, type RecentVerificationsQuery } from './recent-verifications-query';
import { buildRecentVerificationsSql } from './recent-verifications-sql';
import { checkKeyActivity, unknownApiOf, type KeyActivityAnswer, type KeyActivityQuery } from './key-activity';
import { buildKeyActivitySql, keyActivityResponseSchema, toKeyActivityRows } from './key-activity-sql';
import type { NotFoundError } from '../../http/errors';

export interface UnkeyV2ClientOptions {
  baseUrl: string;
  token: string;
  http: HttpClient;
  /** The clock `end` defaults to; injectable so a test can pin "now". */
  now?: () => number;
}

const GET_VERIFICATIONS: RequestContext = { vendor: 'unkey', endpoint: 'v2/analytics.getVerifications' };

export class UnkeyV2Client implements UnkeyClient {
  readonly version = 'v2' as const;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly http: HttpClient;
  private readonly now: () => number;

  constructor(options: UnkeyV2ClientOptions) {
    this.baseUrl = options.baseUrl;
    this.token = options.token;
    this.http = options.http;
    this.now = options.now ?? Date.now;
  }

  /** One SQL query per call, whatever the grouping: Unkey meters v2 analytics per query. */
  async getVerifications(query: VerificationQuery, signal?: AbortSignal): Promise<VerificationSlice[]> {
    const checked = checkVerificationQuery(GET_VERIFICATIONS, query, this.now());
    const sql = buildVerificationSql(checked);
    const response = await this.post(GET_VERIFICATIONS, 'v2/analytics.getVerifications', { query: sql }, signal);
    const body = validate(GET_VERIFICATIONS, getVerificationsResponseSchema, parseJsonBody(GET_VERIFICATIONS, response));
    return toSlices(GET_VERIFICATIONS, body.data, checked);
  }

  listKeys(query: ListKeysQuery, signal?: AbortSignal): Promise<Page<ApiKey>> {
    return listKeysV2(this.http, this.baseUrl, this.token, query, signal);
  }

  private async post(context: RequestContext, path: string, body: unknown, signal?: AbortSignal): Promise<HttpResponse> {
    const response = await this.http.send({
      context,
      method: 'POST',
      url: unkeyEndpointUrl(context, this.baseUrl, path),
      headers: {
        authorization: bearerHeader(context, this.token),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      signal,
    });
    if (response.status < 200 || response.status >= 300) throw unkeyV2Error(context, response, this.token);
    return response;
  }

  /** One key's raw verification rows, newest first; `before` (a page's nextCursor) pages to older rows. */
  async recentVerifications(keyId: string, query: RecentVerificationsQuery = {}, signal?: AbortSignal): Promise<Page<KeyVerificationEvent>> {
    const checked = checkRecentQuery(GET_VERIFICATIONS, keyId, query);
    const response = await this.post(GET_VERIFICATIONS, 'v2/analytics.getVerifications', { query: buildRecentVerificationsSql(checked) }, signal);
    return toRecentVerificationsPage(GET_VERIFICATIONS, parseJsonBody(GET_VERIFICATIONS, response), checked);
  }

  /**
   * One query for every API. An API Unkey does not know fails the whole query ("API … not found"):
   * it is left out and the query asked again without it, so one typo in the settings hides no other API.
   */
  async keyActivity(query: KeyActivityQuery, signal?: AbortSignal): Promise<KeyActivityAnswer> {
    const checked = checkKeyActivity(GET_VERIFICATIONS, query);
    const unknownApis = new Map<string, NotFoundError>();
    while (checked.apiIds.length > 0) {
      try {
        const response = await this.post(GET_VERIFICATIONS, 'v2/analytics.getVerifications', { query: buildKeyActivitySql(checked) }, signal);
        const body = validate(GET_VERIFICATIONS, keyActivityResponseSchema, parseJsonBody(GET_VERIFICATIONS, response));
        return { rows: toKeyActivityRows(GET_VERIFICATIONS, body.data, checked), unknownApis };
      } catch (error) {
        const unknown = unknownApiOf(error, checked.apiIds);
        if (unknown === undefined) throw error;
        unknownApis.set(unknown, error as NotFoundError);
        checked.apiIds = checked.apiIds.filter((apiId) => apiId !== unknown);
      }
    }
    return { rows: [], unknownApis };
  }

  getKey(keyId: string, signal?: AbortSignal): Promise<ApiKey> {
    return getKeyV2(this.http, this.baseUrl, this.token, keyId, signal);
  }
}
