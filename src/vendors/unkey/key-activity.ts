// Per-key verification counts of several APIs over two windows that end together: the long one
// (usage: hovers, the tree, lookups) and the recent one (health's rate-limited and rejection shares).
// On v2 it is one SQL query whatever the number of APIs (key-activity-sql.ts): Unkey meters v2
// analytics per query, and a key id does not say which API it belongs to.
import { InvalidRequestError, NotFoundError, type RequestContext } from '../../http/errors';
import type { OutcomeCounts } from '../model';
import { isTimestamp, textList } from './query-checks';

export interface KeyActivityQuery {
  apiIds: readonly string[];
  /** Unix ms; each bound is truncated to the hour, as Unkey truncates v1's. */
  start: number;
  /** Where the recent window starts: start ≤ recentStart ≤ end. */
  recentStart: number;
  end: number;
}

export interface KeyActivityRow {
  apiId: string;
  keyId: string;
  /** Verifications from start to end. */
  total: OutcomeCounts;
  /** Verifications from recentStart to end. */
  recent: OutcomeCounts;
}

export interface KeyActivityAnswer {
  rows: KeyActivityRow[];
  /** APIs Unkey does not know ("API … not found"): left out of the query, so the others still answer. */
  unknownApis: ReadonlyMap<string, NotFoundError>;
}

export interface CheckedKeyActivity {
  apiIds: string[];
  start: number;
  recentStart: number;
  end: number;
}

export function checkKeyActivity(context: RequestContext, query: KeyActivityQuery): CheckedKeyActivity {
  const fail = (detail: string): never => {
    throw new InvalidRequestError(context, detail);
  };
  const apiIds = textList(query.apiIds, 'apiIds', fail);
  if (apiIds.length === 0) fail('apiIds must name at least one API');
  const { start, recentStart, end } = query;
  if (!isTimestamp(start) || !isTimestamp(recentStart) || !isTimestamp(end)) fail('start, recentStart and end must be Unix timestamps in milliseconds');
  if (!(start <= recentStart && recentStart < end)) fail('start ≤ recentStart < end is required');
  return { apiIds, start, recentStart, end };
}

/** The configured API a v2 "API <id> not found" refusal names, if it names one of `apiIds`. */
export function unknownApiOf(error: unknown, apiIds: readonly string[]): string | undefined {
  if (!(error instanceof NotFoundError)) return undefined;
  const named = /\bAPI\s+(\S+?)\s+not found\b/i.exec(error.vendorMessage)?.[1];
  return named !== undefined && apiIds.includes(named) ? named : undefined;
}
