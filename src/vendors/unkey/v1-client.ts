// Unkey v1 (api.unkey.dev): analytics.getVerifications as seed pages 002/004 define it, and apis.listKeys.
import type * as z from 'zod/mini';
import type { HttpClient } from '../../http/client';
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import type { ApiKey, Page, VerificationSlice } from '../model';
import { checkListKeys } from './query-checks';
import type { ListKeysQuery, UnkeyClient, VerificationQuery } from './types';
import { bearerHeader, unkeyEndpointUrl } from './unkey-url';
import { getKeyV1 } from './get-key-v1';
import { decodeV1Cursor, encodeV1Cursor } from './v1-cursor';
import { unkeyV1Error } from './v1-errors';
import { toApiKey, toVerificationSlice } from './v1-mapping';
import { v1VerificationParams } from './v1-request';
import { v1ListKeysSchema, v1VerificationsSchema } from './v1-schemas';
import type { KeyVerificationEvent } from '../model-activity';
import { NeedsUnkeyV2Error } from './needs-v2-error';
import type { KeyActivityAnswer, KeyActivityQuery } from './key-activity';
import type { RecentVerificationsQuery } from './recent-verifications-query';

export interface UnkeyV1ClientOptions {
  baseUrl: string;
  token: string;
  http: HttpClient;
}

const GET_VERIFICATIONS: RequestContext = { vendor: 'unkey', endpoint: 'v1/analytics.getVerifications' };
const LIST_KEYS: RequestContext = { vendor: 'unkey', endpoint: 'v1/apis.listKeys' };

export class UnkeyV1Client implements UnkeyClient {
  readonly version = 'v1' as const;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly http: HttpClient;

  constructor(options: UnkeyV1ClientOptions) {
    this.baseUrl = options.baseUrl;
    this.token = options.token;
    this.http = options.http;
  }

  async getVerifications(query: VerificationQuery, signal?: AbortSignal): Promise<VerificationSlice[]> {
    const params = v1VerificationParams(GET_VERIFICATIONS, query);
    const rows = await this.get(GET_VERIFICATIONS, 'v1/analytics.getVerifications', params, v1VerificationsSchema, signal);
    return rows.map(toVerificationSlice);
  }

  async listKeys(query: ListKeysQuery, signal?: AbortSignal): Promise<Page<ApiKey>> {
    const { apiId, limit, cursor: asked } = checkListKeys(LIST_KEYS, query);
    const cursor = asked === undefined ? undefined : decodeV1Cursor(asked);
    const params = new URLSearchParams({ apiId, limit: String(limit) });
    if (cursor) params.set('cursor', cursor.vendor);
    const body = await this.get(LIST_KEYS, 'v1/apis.listKeys', params, v1ListKeysSchema, signal);
    const items = body.keys.map((key) => toApiKey(key, apiId));
    const seen = cursor === undefined ? items.length : cursor.seen === undefined ? undefined : cursor.seen + items.length;
    const next = body.cursor;
    if (next === undefined || items.length < limit || (seen !== undefined && seen >= body.total)) return { items };
    if (next === cursor?.vendor) throw new ResponseFormatError(LIST_KEYS, 'the cursor did not move: paging would never end');
    return { items, nextCursor: encodeV1Cursor({ vendor: next, seen }) };
  }

  private async get<S extends z.ZodMiniType>(
    context: RequestContext,
    path: string,
    params: URLSearchParams,
    schema: S,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<S>> {
    const url = unkeyEndpointUrl(context, this.baseUrl, path);
    url.search = params.toString();
    const response = await this.http.send({
      context,
      method: 'GET',
      url,
      headers: { authorization: bearerHeader(context, this.token), accept: 'application/json' },
      signal,
    });
    if (response.status < 200 || response.status > 299) throw unkeyV1Error(context, response, this.token);
    return validate(context, schema, parseJsonBody(context, response));
  }

  /** v1 answers only with counts: single verifications need v2. Nothing is sent. */
  async recentVerifications(_keyId: string, _query?: RecentVerificationsQuery, _signal?: AbortSignal): Promise<Page<KeyVerificationEvent>> {
    throw new NeedsUnkeyV2Error({ vendor: 'unkey', endpoint: 'v1' }, 'Recent verifications');
  }

  // v1 answers one API per request: the usage service asks it per API instead.
  async keyActivity(_query: KeyActivityQuery, _signal?: AbortSignal): Promise<KeyActivityAnswer> {
    throw new NeedsUnkeyV2Error({ vendor: 'unkey', endpoint: 'v1' }, 'One query over several APIs');
  }

  getKey(keyId: string, signal?: AbortSignal): Promise<ApiKey> {
    return getKeyV1(this.http, this.baseUrl, this.token, keyId, signal);
  }
}
