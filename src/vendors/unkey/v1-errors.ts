// What an Unkey v1 error answer means for the caller: a typed error with the vendor's words, token-free.
// v1 answers a missing or wrong root key with 403 UNAUTHORIZED, a missing permission with 403
// FORBIDDEN (or INSUFFICIENT_PERMISSIONS), and an unknown API or identity with 404 NOT_FOUND.
import * as l10n from '@vscode/l10n';
import type { HttpResponse } from '../../http/client';
import {
  AuthenticationError,
  HttpStatusError,
  NotFoundError,
  RateLimitedError,
  redact,
  VendorError,
  type RequestContext,
} from '../../http/errors';
import { describeBody } from '../../http/json';
import { tryParseJson } from '../../text/try-parse-json';
import { parseRetryAfter } from '../../http/retry';
import { v1ErrorSchema } from './v1-schemas';

const PERMISSION = /\bapi\.[\w*-]+\.[a-z_]+\b/g;

export function unkeyV1Error(context: RequestContext, response: HttpResponse, token: string): Error {
  const { status } = response;
  const said = vendorWords(response.text, token);
  if (status === 429) {
    return new RateLimitedError(context, said?.message ?? l10n.t('rate limited'), parseRetryAfter(response.headers['retry-after']));
  }
  if (!said) return new HttpStatusError(context, status, describeBody(context, response));
  const { code, message } = said;
  if (code === 'UNAUTHORIZED' || status === 401) {
    return new AuthenticationError(context, l10n.t('the root key was rejected: {0}', message), status, code);
  }
  if (code === 'FORBIDDEN' || code === 'INSUFFICIENT_PERMISSIONS') {
    const named = message.match(PERMISSION);
    const detail = named ? l10n.t('the root key lacks the permission {0}: {1}', [...new Set(named)].join(' or '), message) : message;
    return new AuthenticationError(context, detail, status, code);
  }
  if (code === 'NOT_FOUND' || status === 404) return new NotFoundError(context, message, status, code);
  if (code === 'RATE_LIMITED') return new RateLimitedError(context, message, parseRetryAfter(response.headers['retry-after']));
  return new VendorError(context, message, status, code);
}

function vendorWords(text: string, token: string): { code: string; message: string } | undefined {
  const body = tryParseJson(text);
  const parsed = v1ErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return { code: parsed.data.error.code, message: redact(parsed.data.error.message, [token]) };
}

