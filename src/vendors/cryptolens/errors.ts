// Reads a Cryptolens answer whatever its HTTP status: errors may come as 200 or 4xx/5xx with the
// `{result, message}` envelope, a server fault as `{message}` alone, a proxy as an HTML page.
import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import type { HttpResponse } from '../../http/client';
import {
  AuthenticationError,
  HttpStatusError,
  NotFoundError,
  RateLimitedError,
  redact,
  ResponseFormatError,
  VendorError,
  type RequestContext,
} from '../../http/errors';
import { parseJsonBody, validate } from '../../http/json';
import { tryParseJson } from '../../text/try-parse-json';
import { parseRetryAfter } from '../../http/retry';

const AUTHENTICATION_MESSAGES = new Set(['Access denied.', 'Unable to authenticate.']);
const NOT_FOUND_MESSAGES = new Set(['Could not find the product.', 'Could not find the key.']);

/** The validated payload of a successful answer; any other answer becomes a typed error. */
export function readResponse<S extends z.ZodMiniType>(
  context: RequestContext,
  response: HttpResponse,
  schema: S,
  secrets: readonly string[],
): z.infer<S> {
  const { status } = response;
  const ok = status >= 200 && status < 300;
  const data = tryParseJson(response.text);
  if (data === undefined) {
    if (status === 429) throw rateLimited(context, response, undefined);
    if (!ok) throw new HttpStatusError(context, status, /^\s*</.test(response.text) ? l10n.t('with an HTML page') : l10n.t('with a body that is not JSON'));
    parseJsonBody(context, response); // throws the ResponseFormatError naming the status and the body's kind
    throw new ResponseFormatError(context, `HTTP ${status} response is not JSON`);
  }
  const envelope = isRecord(data) ? data : {};
  // ASP.NET faults spell it "Message".
  const message = vendorText(envelope.message ?? envelope.Message, secrets);
  const result = envelope.result;
  if (typeof result === 'number' && result !== 0) {
    if (status === 429) throw rateLimited(context, response, message);
    throw vendorError(context, message ?? l10n.t('error without a message (result {0})', result), status);
  }
  if (status === 429) throw rateLimited(context, response, message);
  if (!ok) throw new HttpStatusError(context, status, message ?? '');
  if (result === undefined && message !== undefined) throw new VendorError(context, message, status);
  return validate(context, schema, data);
}

/** The documented messages decide the type: the wording is the only error code Cryptolens has. */
export function vendorError(context: RequestContext, message: string, status: number): VendorError {
  if (AUTHENTICATION_MESSAGES.has(message)) return new AuthenticationError(context, message, status);
  if (NOT_FOUND_MESSAGES.has(message)) return new NotFoundError(context, message, status);
  return new VendorError(context, message, status);
}

function rateLimited(context: RequestContext, response: HttpResponse, message: string | undefined): RateLimitedError {
  return new RateLimitedError(context, message ?? l10n.t('too many requests'), parseRetryAfter(response.headers['retry-after']));
}

/** Vendor text may echo the token (KeyscopeError bounds and flattens the rest). */
function vendorText(value: unknown, secrets: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = redact(value, secrets).trim();
  return clean === '' ? undefined : clean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
