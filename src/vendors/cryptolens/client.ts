// Cryptolens Web API v3, usage analytics: ai/GetKeyUsageSummaries and ai/GetKeyDevices.
// POST with a form body holding the token, as the official SDKs do: a token in a URL ends up in logs.
import * as l10n from '@vscode/l10n';
import type { HttpClient } from '../../http/client';
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import type { DeviceUsage, LicenseKeySummary } from '../model';
import type { LicenseKeyDetails } from '../license-key';
import { getLicenseKey, getLicenseKeys, licenseKeyPages, type LicenseKeyPage } from './license-methods';
import { readResponse } from './errors';
import { toDeviceUsage, toLicenseKeySummary } from './map';
import { followCursor, toCursorPage, type CursorPage } from './paging';
import { prepareQuery, type DeviceQuery, type SummaryQuery } from './query';
import { devicesResponseSchema, summariesResponseSchema } from './schemas';
import type { DailyUsage, LicenseEvent } from '../model-activity';
import { dailyAggregatesResponseSchema, webApiLogResponseSchema } from './activity-schemas';
import { toDailyAggregatePage } from './daily-aggregates-page';
import { prepareDailyAggregateQuery, type DailyAggregateQuery } from './daily-aggregates-query';
import { toWebApiLogPage } from './web-api-log-page';
import { prepareWebApiLogQuery, type WebApiLogQuery } from './web-api-log-query';

const SUMMARIES = 'ai/GetKeyUsageSummaries';
const DEVICES = 'ai/GetKeyDevices';

export interface CryptolensClientOptions {
  /** e.g. https://api.cryptolens.io/api/ — a method's URL is this plus "ai/<Method>". */
  baseUrl: string;
  /** An access token with the "Usage Analytics" permission. */
  token: string;
  http: HttpClient;
}

export class CryptolensClient {
  private readonly baseUrl: URL;
  private readonly http: HttpClient;
  // A private field: the token stays out of inspection, JSON and spread copies of the client.
  readonly #token: string;

  constructor(options: CryptolensClientOptions) {
    const context: RequestContext = { vendor: 'cryptolens', endpoint: 'configuration' };
    this.baseUrl = parseBaseUrl(context, options.baseUrl);
    if (typeof options.token !== 'string' || options.token.trim() === '') {
      throw new InvalidRequestError(context, l10n.t('the access token is empty'));
    }
    this.#token = options.token.trim();
    this.http = options.http;
  }

  /** One page of lifetime usage summaries per license key. */
  async getKeyUsageSummaries(query: SummaryQuery = {}, signal?: AbortSignal): Promise<CursorPage<LicenseKeySummary>> {
    const context: RequestContext = { vendor: 'cryptolens', endpoint: SUMMARIES };
    const prepared = prepareQuery(context, query, false);
    const data = readResponse(context, await this.post(context, prepared.params, signal), summariesResponseSchema, [this.#token]);
    return toCursorPage(context, data.summaries.map(toLicenseKeySummary), (row) => row.summaryId, prepared);
  }

  /** One page of per-device (machine code) usage. */
  async getKeyDevices(query: DeviceQuery = {}, signal?: AbortSignal): Promise<CursorPage<DeviceUsage>> {
    const context: RequestContext = { vendor: 'cryptolens', endpoint: DEVICES };
    const prepared = prepareQuery(context, query, true);
    const data = readResponse(context, await this.post(context, prepared.params, signal), devicesResponseSchema, [this.#token]);
    return toCursorPage(context, data.devices.map(toDeviceUsage), (row) => row.deviceId, prepared);
  }

  /** Every page of summaries from `query` on: forward by default, backward with endingBefore or direction. */
  summaryPages(query: SummaryQuery = {}, signal?: AbortSignal): AsyncGenerator<CursorPage<LicenseKeySummary>, void, undefined> {
    return followCursor(query, (next) => this.getKeyUsageSummaries(next, signal));
  }

  devicePages(query: DeviceQuery = {}, signal?: AbortSignal): AsyncGenerator<CursorPage<DeviceUsage>, void, undefined> {
    return followCursor(query, (next) => this.getKeyDevices(next, signal));
  }

  private post(context: RequestContext, params: URLSearchParams, signal: AbortSignal | undefined): ReturnType<HttpClient['send']> {
    const body = new URLSearchParams(params);
    body.set('token', this.#token);
    return this.http.send({
      context,
      method: 'POST',
      url: new URL(context.endpoint, this.baseUrl),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
      signal,
    });
  }

  /** One page of per-product, per-UTC-day usage (ai/GetDailyAggregates); days without requests have no row. */
  async getDailyAggregates(query: DailyAggregateQuery = {}, signal?: AbortSignal): Promise<CursorPage<DailyUsage>> {
    const context: RequestContext = { vendor: 'cryptolens', endpoint: DAILY_AGGREGATES };
    const prepared = prepareDailyAggregateQuery(context, query);
    const data = readResponse(context, await this.post(context, prepared.params, signal), dailyAggregatesResponseSchema, [this.#token]);
    return toDailyAggregatePage(context, data.aggregates, prepared);
  }

  dailyAggregatePages(query: DailyAggregateQuery = {}, signal?: AbortSignal): AsyncGenerator<CursorPage<DailyUsage>, void, undefined> {
    return followCursor(query, (next) => this.getDailyAggregates(next, signal));
  }

  /** One page of the Web API log (ai/GetWebAPILog): oldest first, or newest first going backward. */
  async getWebApiLog(query: WebApiLogQuery = {}, signal?: AbortSignal): Promise<CursorPage<LicenseEvent>> {
    const context: RequestContext = { vendor: 'cryptolens', endpoint: WEB_API_LOG };
    const prepared = prepareWebApiLogQuery(context, query);
    const data = readResponse(context, await this.post(context, prepared.params, signal), webApiLogResponseSchema, [this.#token]);
    return toWebApiLogPage(context, data.logs, prepared);
  }

  /** Every page from `query` on; `direction: 'backward'` walks from the newest entry to older ones. */
  webApiLogPages(query: WebApiLogQuery = {}, signal?: AbortSignal): AsyncGenerator<CursorPage<LicenseEvent>, void, undefined> {
    return followCursor(query, (next) => this.getWebApiLog(next, signal));
  }

  /** One license key with its license status (key/GetKey, Metadata=true); the token needs GetKey. */
  getLicenseKey(productId: number, key: string, signal?: AbortSignal): Promise<LicenseKeyDetails> {
    return getLicenseKey((context, params, s) => this.post(context, params, s), [this.#token], productId, key, signal);
  }

  /** One page (1-based, 99 keys) of a product's license keys (product/GetKeys); the token needs GetKeys. */
  getLicenseKeys(productId: number, page = 1, signal?: AbortSignal): Promise<LicenseKeyPage> {
    return getLicenseKeys((context, params, s) => this.post(context, params, s), [this.#token], productId, page, signal);
  }

  /** Every page of a product's license keys: ⌈keys / 99⌉ requests. */
  licenseKeyPages(productId: number, signal?: AbortSignal): AsyncGenerator<LicenseKeyPage, void, undefined> {
    return licenseKeyPages((page) => this.getLicenseKeys(productId, page, signal));
  }
}

const DAILY_AGGREGATES = 'ai/GetDailyAggregates';
const WEB_API_LOG = 'ai/GetWebAPILog';

function parseBaseUrl(context: RequestContext, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not echoed: a mistyped value might hold something secret.
    throw new InvalidRequestError(context, 'baseUrl is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidRequestError(context, `baseUrl must be http or https: ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InvalidRequestError(context, 'baseUrl must not carry credentials, a query or a fragment');
  }
  // Without the trailing slash, "ai/…" would replace the last path segment instead of extending it.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
