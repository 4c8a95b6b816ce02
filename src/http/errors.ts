import * as l10n from '@vscode/l10n';
import type { VendorId } from '../vendor-id';
import { VENDOR_NAMES } from '../vendor-id';
import { plainText } from '../text/untrusted';

/** Where a request went, for messages: "Cryptolens ai/GetKeyDevices". Never holds a token. */
export interface RequestContext {
  vendor: VendorId;
  endpoint: string;
}

// Vendor text in an error (a message, a detail) may be huge or hostile: shown on one line, bounded.
const MAX_DETAIL_CHARS = 300;

function boundedDetail(text: string): string {
  return plainText(text, MAX_DETAIL_CHARS);
}

/** Base of every error Keyscope raises about a vendor call; the message names vendor and endpoint first. */
export class KeyscopeError extends Error {
  readonly vendor: VendorId;
  readonly endpoint: string;
  /** The message without vendor and endpoint, e.g. "Access denied." */
  readonly detail: string;
  constructor(context: RequestContext, rawDetail: string) {
    const detail = boundedDetail(rawDetail);
    super(`${VENDOR_NAMES[context.vendor]} ${context.endpoint}: ${detail}`);
    this.name = new.target.name;
    this.vendor = context.vendor;
    this.endpoint = context.endpoint;
    this.detail = detail;
  }

  /** For a person: "Cryptolens: Access denied." */
  get summary(): string {
    return `${VENDOR_NAMES[this.vendor]}: ${this.detail}`;
  }
}

/** Arguments rejected before anything was sent (bad limit, date, missing product…). */
export class InvalidRequestError extends KeyscopeError {}

/** The vendor answered with an error of its own; `vendorMessage` is the vendor's words. */
export class VendorError extends KeyscopeError {
  readonly vendorMessage: string;
  readonly status: number;
  readonly code: string | undefined;
  constructor(context: RequestContext, vendorMessage: string, status: number, code?: string) {
    super(context, vendorMessage);
    this.vendorMessage = this.detail;
    this.status = status;
    this.code = code;
  }
}

/** The token is wrong, missing or lacks a permission. */
export class AuthenticationError extends VendorError {}

/** The product, key, API or identity asked for does not exist. */
export class NotFoundError extends VendorError {}

/** The vendor kept refusing with 429 after the allowed retries, or asked for too long a wait. */
export class RateLimitedError extends VendorError {
  readonly retryAfterMs: number | undefined;
  constructor(context: RequestContext, vendorMessage: string, retryAfterMs: number | undefined) {
    super(context, vendorMessage, 429, 'RATE_LIMITED');
    this.retryAfterMs = retryAfterMs;
  }
}

/** An HTTP status with no usable vendor error body (HTML error page, 5xx after retries…). */
export class HttpStatusError extends KeyscopeError {
  readonly status: number;
  constructor(context: RequestContext, status: number, detail: string) {
    super(context, detail ? l10n.t('HTTP {0} {1}', status, detail) : l10n.t('HTTP {0}', status));
    this.status = status;
  }
}

export type TimeoutPhase = 'connect' | 'headers' | 'body';

export class TimeoutError extends KeyscopeError {
  readonly phase: TimeoutPhase;
  constructor(context: RequestContext, phase: TimeoutPhase, ms: number) {
    super(context, phase === 'connect' ? l10n.t('no connection within {0} ms', ms) : phase === 'headers' ? l10n.t('no response within {0} ms', ms) : l10n.t('no complete body within {0} ms', ms));
    this.phase = phase;
  }
}

/** The connection failed or broke (refused, reset, DNS…). */
export class NetworkError extends KeyscopeError {
  readonly code: string | undefined;
  constructor(context: RequestContext, code: string | undefined, detail: string) {
    const error = code ? l10n.t('network error {0}', code) : l10n.t('network error');
    super(context, detail ? l10n.t('{0}: {1}', error, detail) : error);
    this.code = code;
  }
}

/** The body is not JSON, or JSON of the wrong shape; `detail` names the field. */
export class ResponseFormatError extends KeyscopeError {}

export class ResponseTooLargeError extends KeyscopeError {
  constructor(context: RequestContext, limitBytes: number) {
    super(context, l10n.t('response larger than {0} bytes', limitBytes));
  }
}

export class RequestCancelledError extends KeyscopeError {
  constructor(context: RequestContext) {
    super(context, l10n.t('cancelled'));
  }
}

/** Where the proxy came from: VS Code's setting, or (when it is empty) the environment undici reads. */
export type ProxySource = 'http.proxy' | 'HTTP_PROXY / HTTPS_PROXY';

/**
 * The proxy Keyscope was told to use is not a URL undici can use. Names where it came from, never the
 * value, and has no cause: a proxy URL may carry a user name and password.
 */
export class InvalidProxySettingError extends Error {
  readonly source: ProxySource;
  constructor(source: ProxySource) {
    super(
      source === 'http.proxy'
        ? l10n.t('The "http.proxy" setting is not a proxy URL Keyscope can use (expected e.g. {0}): no vendor can be reached until it is fixed.', 'http://proxy.example.com:8080')
        : l10n.t('The HTTP_PROXY / HTTPS_PROXY environment variable is not a proxy URL Keyscope can use (expected e.g. {0}): no vendor can be reached until it is fixed.', 'http://proxy.example.com:8080'),
    );
    this.name = 'InvalidProxySettingError';
    this.source = source;
  }
}

/** Replaces every occurrence of a secret in vendor-supplied text, which may echo what we sent. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret.length >= 4 ? out.split(secret).join('[redacted]') : out), text);
}
