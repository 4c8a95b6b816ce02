// Query-string checks of v1 analytics.getVerifications, in the order Unkey's route runs them, with
// messages shaped like its zod-error output ("<code>: <path>: <message>, See …").
import { GROUP_BY, ORDER_BY, type GroupBy, type OrderBy } from '../../../src/vendors/unkey/types';

export interface V1VerificationParams {
  apiId: string;
  externalId: string | undefined;
  keyIds: string[];
  tags: string[];
  start: number;
  end: number;
  groupBy: GroupBy[];
  limit: number | undefined;
  orderBy: OrderBy | undefined;
  order: 'asc' | 'desc';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SUFFIX = ', See "https://unkey.dev/docs/api-reference" for more details';

export function zodStyle(code: string, path: string, message: string): string {
  return `${code}: ${path}: ${message}${SUFFIX}`;
}

export function parseV1VerificationParams(query: URLSearchParams, now: number): Parsed<V1VerificationParams> {
  const apiId = query.get('apiId');
  if (apiId === null) return fail('invalid_type', 'apiId', 'Required');
  const start = integer(query.get('start'), 'start');
  if (typeof start === 'string') return { ok: false, message: start };
  const endText = query.get('end');
  const end = endText === null ? now : integer(endText, 'end');
  if (typeof end === 'string') return { ok: false, message: end };
  const groupBy: GroupBy[] = [];
  for (const value of query.getAll('groupBy')) {
    if (!(GROUP_BY as readonly string[]).includes(value)) return enumFail('groupBy', GROUP_BY, value);
    groupBy.push(value as GroupBy);
  }
  let limit: number | undefined;
  const limitText = query.get('limit');
  if (limitText !== null) {
    const parsed = integer(limitText, 'limit');
    if (typeof parsed === 'string') return { ok: false, message: parsed };
    // The reference page: "Required range: x > 1".
    if (parsed <= 1) return fail('too_small', 'limit', 'Number must be greater than 1');
    limit = parsed;
  }
  const orderBy = query.get('orderBy') ?? undefined;
  if (orderBy !== undefined && !(ORDER_BY as readonly string[]).includes(orderBy)) return enumFail('orderBy', ORDER_BY, orderBy);
  const order = query.get('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') return enumFail('order', ['asc', 'desc'], order);
  return {
    ok: true,
    value: {
      apiId,
      externalId: query.get('externalId') ?? undefined,
      keyIds: query.getAll('keyId'),
      tags: query.getAll('tag'),
      start,
      end,
      groupBy,
      limit,
      orderBy: orderBy as OrderBy | undefined,
      order,
    },
  };
}

function fail(code: string, path: string, message: string): { ok: false; message: string } {
  return { ok: false, message: zodStyle(code, path, message) };
}

function enumFail(path: string, options: readonly string[], received: string): { ok: false; message: string } {
  const expected = options.map((option) => `'${option}'`).join(' | ');
  return fail('invalid_enum_value', path, `Invalid enum value. Expected ${expected}, received '${received}'`);
}

/** z.coerce.number().int(): a number, or the error message. */
function integer(text: string | null, path: string): number | string {
  const value = text === null || text.trim() === '' ? Number.NaN : Number(text);
  if (Number.isNaN(value)) return zodStyle('invalid_type', path, 'Expected number, received nan');
  if (!Number.isInteger(value)) return zodStyle('invalid_type', path, 'Expected integer, received float');
  return value;
}
