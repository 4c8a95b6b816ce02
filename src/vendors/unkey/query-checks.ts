// Argument checks that v1 and v2 share, so both versions refuse the same input with the same words
// before anything is sent.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import type { ListKeysQuery } from './types';

export type Fail = (detail: string) => never;

/** The largest page apis.listKeys answers, in both versions. */
export const MAX_KEYS_PAGE = 100;

export interface CheckedListKeys {
  apiId: string;
  limit: number;
  cursor: string | undefined;
}

export function checkListKeys(context: RequestContext, query: ListKeysQuery): CheckedListKeys {
  if (typeof query?.apiId !== 'string' || query.apiId.trim() === '') throw new InvalidRequestError(context, 'apiId is required');
  const limit = query.limit ?? MAX_KEYS_PAGE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_KEYS_PAGE) {
    throw new InvalidRequestError(context, 'limit must be an integer from 1 to 100');
  }
  if (query.cursor !== undefined && (typeof query.cursor !== 'string' || query.cursor === '')) {
    throw new InvalidRequestError(context, 'cursor must be a non-empty string');
  }
  return { apiId: query.apiId, limit, cursor: query.cursor };
}

export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** keyIds, tags: absent is none; duplicates are asked once. */
export function textList(values: unknown, name: string, fail: Fail): string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) fail(`${name} must be a list of strings`);
  const list = values as unknown[];
  for (const value of list) if (typeof value !== 'string' || value === '') fail(`${name} must hold non-empty strings`);
  return [...new Set(list as string[])];
}
