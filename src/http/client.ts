import type { Dispatcher } from 'undici';
import {
  NetworkError,
  RequestCancelledError,
  ResponseTooLargeError,
  TimeoutError,
  type RequestContext,
} from './errors';
import { createDispatcher, NO_PROXY_SETTINGS, type ProxySettings } from './proxy';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableNetworkCode,
  isRetryableStatus,
  parseRetryAfter,
  sleep,
  type RetryPolicy,
} from './retry';

export interface HttpOptions {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBodyBytes: number;
  retry: RetryPolicy;
  proxy: ProxySettings;
  /** Told of each retry; gets no URL, header or body, so no secret can reach a log through it. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  context: RequestContext;
  attempt: number;
  reason: string;
  delayMs: number;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  maxBodyBytes: 16 * 1024 * 1024,
  retry: DEFAULT_RETRY_POLICY,
  proxy: NO_PROXY_SETTINGS,
};

export interface HttpRequest {
  context: RequestContext;
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** A complete response of any status; what a status means is for the vendor client to say. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Retries this call needed before it got this response. */
  retries: number;
}

/**
 * The one way Keyscope talks HTTP: keep-alive per origin, timeouts per phase, bounded jittered
 * retries on 429/502/503/504 and connection resets (Retry-After first), cancellation by AbortSignal.
 */
export class HttpClient {
  readonly options: HttpOptions;
  private readonly dispatcher: Dispatcher;

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...DEFAULT_HTTP_OPTIONS, ...options };
    this.dispatcher = createDispatcher(this.options.proxy, {
      connectTimeoutMs: this.options.connectTimeoutMs,
      keepAliveTimeoutMs: 30_000,
    });
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const { retry } = this.options;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(req);
      const retriesLeft = attempt < retry.maxRetries;
      if ('response' in outcome) {
        const { response } = outcome;
        if (!retriesLeft || !isRetryableStatus(response.status)) return { ...response, retries: attempt };
        const retryAfter = parseRetryAfter(response.headers['retry-after']);
        if (retryAfter !== undefined && retryAfter > retry.maxRetryAfterMs) return { ...response, retries: attempt };
        await this.wait(req, attempt, `HTTP ${response.status}`, retryAfter ?? backoffDelay(attempt, retry));
      } else {
        if (!retriesLeft || !(outcome.error instanceof NetworkError) || !isRetryableNetworkCode(outcome.error.code)) {
          throw outcome.error;
        }
        await this.wait(req, attempt, outcome.error.code ?? 'network error', backoffDelay(attempt, retry));
      }
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private async wait(req: HttpRequest, attempt: number, reason: string, delayMs: number): Promise<void> {
    this.options.onRetry?.({ context: req.context, attempt: attempt + 1, reason, delayMs });
    try {
      await sleep(delayMs, req.signal);
    } catch {
      throw new RequestCancelledError(req.context);
    }
  }

  private async attempt(req: HttpRequest): Promise<{ response: Omit<HttpResponse, 'retries'> } | { error: Error }> {
    if (req.signal?.aborted) return { error: new RequestCancelledError(req.context) };
    try {
      // Split as undici's top-level request() splits a URL (the fragment never goes on the wire).
      const res = await this.dispatcher.request({
        origin: req.url.origin,
        path: `${req.url.pathname}${req.url.search}`,
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        headersTimeout: this.options.headersTimeoutMs,
        bodyTimeout: this.options.bodyTimeoutMs,
      });
      const text = await this.readBody(req.context, res.body);
      return { response: { status: res.statusCode, headers: flattenHeaders(res.headers), text } };
    } catch (error) {
      return { error: this.describe(req, error) };
    }
  }

  private async readBody(context: RequestContext, body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.options.maxBodyBytes) {
        body.destroy();
        throw new ResponseTooLargeError(context, this.options.maxBodyBytes);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private describe(req: HttpRequest, error: unknown): Error {
    if (error instanceof ResponseTooLargeError) return error;
    if (req.signal?.aborted) return new RequestCancelledError(req.context);
    const code = errorCode(error);
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return new TimeoutError(req.context, 'connect', this.options.connectTimeoutMs);
      case 'UND_ERR_HEADERS_TIMEOUT':
        return new TimeoutError(req.context, 'headers', this.options.headersTimeoutMs);
      case 'UND_ERR_BODY_TIMEOUT':
        return new TimeoutError(req.context, 'body', this.options.bodyTimeoutMs);
    }
    // undici reports a reset as UND_ERR_SOCKET "other side closed"; its cause may carry ECONNRESET.
    const cause = errorCode((error as { cause?: unknown }).cause);
    const resolved = cause === 'ECONNRESET' ? cause : code;
    return new NetworkError(req.context, resolved, error instanceof Error ? error.message : String(error));
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
