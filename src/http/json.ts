import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { ResponseFormatError, type RequestContext } from './errors';
import type { HttpResponse } from './client';
import { VENDOR_NAMES } from '../vendor-id';
import { tryParseJson } from '../text/try-parse-json';

// zod/mini loads no locale, so every issue would read "Invalid input"; the English texts
// (under 3 KB) are passed per parse, so nothing global changes for other zod users.
const { localeError } = en();

/** Why a body with an error status holds no vendor error: "(an HTML page, not a Runtype answer)". */
export function describeBody(context: RequestContext, response: HttpResponse): string {
  const vendor = VENDOR_NAMES[context.vendor];
  if (response.text.trim() === '') return l10n.t('(empty body)');
  if (/^\s*</.test(response.text)) return l10n.t('(an HTML page, not a {0} answer)', vendor);
  return l10n.t('(no {0} error message)', vendor);
}

/** Parses a body as JSON; an HTML page or a truncated body becomes a ResponseFormatError. */
export function parseJsonBody(context: RequestContext, response: HttpResponse): unknown {
  const data = tryParseJson(response.text);
  if (data !== undefined) return data;
  throw new ResponseFormatError(
    context,
    /^\s*</.test(response.text)
      ? l10n.t('HTTP {0} response is an HTML or XML page', response.status)
      : l10n.t('HTTP {0} response is not valid JSON (truncated?)', response.status),
  );
}

/**
 * Validates vendor JSON against a schema. Unknown extra fields pass (schemas are not strict);
 * a missing or mistyped field is named with its path, e.g. "summaries[3].totalRequests".
 */
export function validate<S extends z.ZodMiniType>(context: RequestContext, schema: S, data: unknown): z.infer<S> {
  const result = z.safeParse(schema, data, { error: localeError });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? formatPath(issue.path) : '';
  const what = issue ? issue.message : 'invalid';
  throw new ResponseFormatError(context, `unexpected response: ${where ? `field ${where}: ` : ''}${what}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
