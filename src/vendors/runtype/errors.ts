// What a Runtype error response means for the caller: a typed error with the vendor's words, token-free.
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
import { errorBodySchema } from './schemas';

export function runtypeError(context: RequestContext, response: HttpResponse, token: string): Error {
  const { status } = response;
  const said = vendorMessage(response.text);
  const message = said === undefined ? undefined : redact(said, [token]);
  // A 401 is about the token whatever the body says (or whether it says anything).
  if (status === 401) return new AuthenticationError(context, message ?? 'HTTP 401 Unauthorized', status);
  if (message === undefined) return new HttpStatusError(context, status, describeBody(context, response));
  if (status === 403) return new AuthenticationError(context, message, status);
  if (status === 404) return new NotFoundError(context, message, status);
  if (status === 429) return new RateLimitedError(context, message, parseRetryAfter(response.headers['retry-after']));
  return new VendorError(context, message, status);
}

/** `{"error": "..."}`, `{"error": {"message": "..."}}` or `{"message": "..."}`; both when both differ. */
function vendorMessage(text: string): string | undefined {
  const data = tryParseJson(text);
  const parsed = errorBodySchema.safeParse(data);
  if (!parsed.success) return undefined;
  const error = typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error?.message;
  const { message } = parsed.data;
  const parts = [error, message].filter((part): part is string => part !== undefined && part.trim() !== '');
  if (parts.length === 0) return undefined;
  return parts.length === 2 && parts[0] !== parts[1] ? parts.join(': ') : parts[0];
}

