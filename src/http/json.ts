import type { z } from 'zod';
import { ResponseFormatError, type RequestContext } from './errors';
import type { HttpResponse } from './client';

/** Parses a body as JSON; an HTML page or a truncated body becomes a ResponseFormatError. */
export function parseJsonBody(context: RequestContext, response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    const kind = /^\s*</.test(response.text) ? 'an HTML or XML page' : 'not valid JSON (truncated?)';
    throw new ResponseFormatError(context, `HTTP ${response.status} response is ${kind}`);
  }
}

/**
 * Validates vendor JSON against a schema. Unknown extra fields pass (schemas are not strict);
 * a missing or mistyped field is named with its path, e.g. "summaries[3].totalRequests".
 */
export function validate<S extends z.ZodType>(context: RequestContext, schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
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
