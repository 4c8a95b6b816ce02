// What an Unkey v2 error answer means for the caller, as a typed error with the vendor's own words.
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
import { v1ErrorSchema, v2ErrorSchema } from './v2-schemas';

/** The permission v2 analytics needs (or api.<apiId>.read_analytics for each API queried). */
export const READ_ANALYTICS_PERMISSION = 'api.*.read_analytics';

const NOT_FOUND_DETAIL = /\b(?:API|identity|external ?ids?)\b[\s\S]*\b(?:not found|do(?:es)? not exist)\b/i;

interface VendorWords {
  message: string;
  code: string | undefined;
}

export function unkeyV2Error(context: RequestContext, response: HttpResponse, token: string): Error {
  const words = readVendorWords(response.text, token);
  const status = response.status;
  if (status === 429) {
    return new RateLimitedError(
      context,
      words?.message ?? l10n.t('query quota exceeded'),
      parseRetryAfter(response.headers['retry-after']),
    );
  }
  if (!words) return new HttpStatusError(context, status, describeBody(context, response));
  switch (status) {
    case 401:
      return new AuthenticationError(context, l10n.t('the root key was rejected: {0}', words.message), status, words.code);
    case 403:
      return new AuthenticationError(context, permissionMessage(words.message), status, words.code);
    case 404:
      return new NotFoundError(context, words.message, status, words.code);
    default:
      // Unkey's query parser reports an unknown apiId or externalId as a 400 "Invalid SQL query";
      // v1 said 404, and callers should see the same NotFoundError whichever version ran.
      if (status === 400 && NOT_FOUND_DETAIL.test(words.message)) {
        return new NotFoundError(context, words.message, status, words.code);
      }
      return new VendorError(context, words.message, status, words.code);
  }
}

function readVendorWords(text: string, token: string): VendorWords | undefined {
  const body = tryParseJson(text);
  const v2 = v2ErrorSchema.safeParse(body);
  if (v2.success && (v2.data.error.detail || v2.data.error.title)) {
    const { detail, title, type, errors } = v2.data.error;
    const details = (errors ?? []).map((item) => item.message).filter((message): message is string => !!message);
    const message = [detail || title, ...details].join('; ');
    return { message: redact(message, [token]), code: type };
  }
  const v1 = v1ErrorSchema.safeParse(body);
  if (v1.success && v1.data.error.message) {
    return { message: redact(v1.data.error.message, [token]), code: v1.data.error.code };
  }
  return undefined;
}

// A 403 should tell the user which permission to add to the root key.
function permissionMessage(detail: string): string {
  const named = detail.match(/\bapi\.[\w*]+\.read_analytics\b/g);
  const permission = named ? [...new Set(named)].join(' or ') : READ_ANALYTICS_PERMISSION;
  return l10n.t('the root key lacks the permission {0}: {1}', permission, detail);
}

