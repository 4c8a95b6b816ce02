// Runtype's API-key endpoints: the key list, aggregate analytics, and one key's last use.
import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import type { HttpClient } from '../../http/client';
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import type { ApiKey, KeyActivitySummary } from '../model';
import { runtypeError } from './errors';
import { mapAnalytics, mapApiKey, mapKeyAnalytics, type KeyLastUse } from './map';
import { analyticsSchema, keyAnalyticsSchema, listKeysSchema } from './schemas';
import { RUNTYPE_DEFAULT_BASE_URL } from '../default-urls';

export interface RuntypeClientOptions {
  /** Empty means the vendor's own URL. */
  baseUrl: string;
  token: string;
  http: HttpClient;
}

// Runtype key ids are UUIDs; anything outside unreserved URL characters could steer the path.
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export class RuntypeClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly http: HttpClient;

  constructor(options: RuntypeClientOptions) {
    this.baseUrl = options.baseUrl.trim() || RUNTYPE_DEFAULT_BASE_URL;
    this.token = options.token;
    this.http = options.http;
  }

  async listKeys(signal?: AbortSignal): Promise<ApiKey[]> {
    const body = await this.get(context('GET /v1/api-keys'), [], listKeysSchema, signal);
    return body.apiKeys.map(mapApiKey);
  }

  async getAnalytics(signal?: AbortSignal): Promise<KeyActivitySummary> {
    const body = await this.get(context('GET /v1/api-keys/analytics'), ['analytics'], analyticsSchema, signal);
    return mapAnalytics(body);
  }

  async getKeyAnalytics(id: string, signal?: AbortSignal): Promise<KeyLastUse> {
    const ctx = context('GET /v1/api-keys/{id}/analytics');
    if (typeof id !== 'string' || !KEY_ID.test(id)) {
      throw new InvalidRequestError(ctx, 'id must be a Runtype key id (letters, digits, "-", "_", ".", "~"; 1-128 characters)');
    }
    const body = await this.get(ctx, [id, 'analytics'], keyAnalyticsSchema, signal);
    return mapKeyAnalytics(body);
  }

  private async get<S extends z.ZodMiniType>(
    ctx: RequestContext,
    segments: readonly string[],
    schema: S,
    signal: AbortSignal | undefined,
  ): Promise<z.infer<S>> {
    const url = this.url(ctx, segments);
    if (this.token === '') throw new InvalidRequestError(ctx, l10n.t('no access token is set'));
    if (!HEADER_SAFE.test(this.token)) throw new InvalidRequestError(ctx, l10n.t('the access token contains spaces or control characters'));
    const response = await this.http.send({
      context: ctx,
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
      signal,
    });
    if (response.status < 200 || response.status > 299) throw runtypeError(ctx, response, this.token);
    return validate(ctx, schema, parseJsonBody(ctx, response));
  }

  /** `<base>/v1/api-keys/<segments>`; a base that already ends in /v1 (as Runtype's docs write it) is accepted. */
  private url(ctx: RequestContext, segments: readonly string[]): URL {
    let base: URL;
    try {
      base = new URL(this.baseUrl);
    } catch {
      throw new InvalidRequestError(ctx, 'baseUrl is not a URL');
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new InvalidRequestError(ctx, 'baseUrl must be http(s)');
    if (base.search !== '' || base.hash !== '') throw new InvalidRequestError(ctx, 'baseUrl must not have a query or fragment');
    if (base.username !== '' || base.password !== '') throw new InvalidRequestError(ctx, 'baseUrl must not hold credentials');
    const prefix = base.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
    const path = [`${prefix}/v1/api-keys`, ...segments.map(encodeURIComponent)].join('/');
    const url = new URL(path, base.origin);
    // Belt and braces: the id checks above should make this impossible.
    if (url.pathname !== path) throw new InvalidRequestError(ctx, 'id would change the request path');
    return url;
  }
}

function context(endpoint: string): RequestContext {
  return { vendor: 'runtype', endpoint };
}
