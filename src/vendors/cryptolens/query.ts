// The parameters of ai/GetKeyUsageSummaries and ai/GetKeyDevices, checked before anything is sent
// and written under the names the seed pages use.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { toApiDate } from './dates';
import { normalizeMachineCode } from './machine-code';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** EndingBefore for "from the newest row": ids are .NET Int32, so nothing lies beyond this. */
export const NEWEST_CURSOR = 2_147_483_647;

export type PageDirection = 'forward' | 'backward';

export interface SummaryQuery {
  /** 1..1000; when omitted nothing is sent and the vendor's default (100) applies. */
  limit?: number;
  /** Forward cursor: rows with a greater id, ascending. */
  startingAfter?: number | string;
  /** Backward cursor: rows with a smaller id, descending. Wins over startingAfter, as at the vendor. */
  endingBefore?: number | string;
  /** Page backward from the newest row when no endingBefore is given. */
  direction?: PageDirection;
  productId?: number;
  keyId?: number;
  /** The license key string; needs productId. */
  key?: string;
  /** Summaries: keys last seen on or after this UTC day. Devices: active on or after it. */
  start?: string | Date;
  /** Rows first seen before the end of this UTC day. */
  end?: string | Date;
  /** Method version; the vendor's default is 1. */
  v?: number;
}

export interface DeviceQuery extends SummaryQuery {
  /** Sent normalized (see machine-code.ts); must match the device's whole normalized code. */
  machineCode?: string;
}

/** What one request asks for: its form fields (no token) and how to read the page that comes back. */
export interface PreparedQuery {
  params: URLSearchParams;
  direction: PageDirection;
  /** The page size the vendor will use, to tell a short (last) page. */
  limit: number;
  /** The cursor sent, or undefined when none (or only the newest-row sentinel) was sent. */
  cursor: number | undefined;
}

/** What a query says about paging: its id cursors and direction, as the vendor takes them. */
interface CursorQuery {
  startingAfter?: number | string;
  endingBefore?: number | string;
  direction?: PageDirection;
}

/**
 * Checks a query's cursors and direction and sets StartingAfter / EndingBefore on `params`; a
 * backward read without a cursor starts from `newest` (the vendor's ids are below it).
 */
export function cursorParams(
  context: RequestContext,
  query: CursorQuery,
  newest: number,
  params: URLSearchParams,
): { startingAfter: number | undefined; endingBefore: number | undefined; direction: PageDirection } {
  const startingAfter = optionalInteger(context, 'startingAfter', query.startingAfter, 0, newest);
  const endingBefore = optionalInteger(context, 'endingBefore', query.endingBefore, 0, newest);
  if (query.direction !== undefined && query.direction !== 'forward' && query.direction !== 'backward') {
    throw new InvalidRequestError(context, `direction must be "forward" or "backward": ${String(query.direction)}`);
  }
  if (query.direction === 'forward' && endingBefore !== undefined) {
    throw new InvalidRequestError(context, 'direction "forward" cannot be combined with endingBefore');
  }
  if (query.direction === 'backward' && endingBefore === undefined && startingAfter !== undefined) {
    throw new InvalidRequestError(context, 'direction "backward" pages with endingBefore, not startingAfter');
  }
  const direction: PageDirection = endingBefore !== undefined ? 'backward' : (query.direction ?? 'forward');
  if (startingAfter !== undefined) params.set('StartingAfter', String(startingAfter));
  if (direction === 'backward') params.set('EndingBefore', String(endingBefore ?? newest));
  return { startingAfter, endingBefore, direction };
}

export function prepareQuery(context: RequestContext, query: DeviceQuery, withMachineCode: boolean): PreparedQuery {
  const params = new URLSearchParams();
  const limit = optionalInteger(context, 'limit', query.limit, 1, MAX_LIMIT);
  if (limit !== undefined) params.set('Limit', String(limit));

  const { startingAfter, endingBefore, direction } = cursorParams(context, query, NEWEST_CURSOR, params);

  const productId = optionalInteger(context, 'productId', query.productId, 1, NEWEST_CURSOR);
  const keyId = optionalInteger(context, 'keyId', query.keyId, 1, NEWEST_CURSOR);
  if (productId !== undefined) params.set('ProductId', String(productId));
  if (keyId !== undefined) params.set('KeyId', String(keyId));
  if (query.key !== undefined) {
    if (typeof query.key !== 'string' || query.key.trim() === '') {
      throw new InvalidRequestError(context, 'key must be a non-empty license key string');
    }
    // Without ProductId the vendor refuses the call; say so before spending a request.
    if (productId === undefined) throw new InvalidRequestError(context, 'key requires productId');
    params.set('Key', query.key.trim());
  }
  if (withMachineCode && query.machineCode !== undefined) {
    const machineCode = typeof query.machineCode === 'string' ? normalizeMachineCode(query.machineCode) : '';
    // An empty filter would be read as "no filter" and widen the answer to every device.
    if (machineCode === '') throw new InvalidRequestError(context, 'machineCode is empty after normalization');
    params.set('MachineCode', machineCode);
  }
  if (query.start !== undefined) params.set('Start', toApiDate(context, 'start', query.start));
  if (query.end !== undefined) params.set('End', toApiDate(context, 'end', query.end));
  const v = optionalInteger(context, 'v', query.v, 1, NEWEST_CURSOR);
  if (v !== undefined) params.set('v', String(v));

  const cursor = direction === 'backward' ? endingBefore : startingAfter;
  return { params, direction, limit: limit ?? DEFAULT_LIMIT, cursor };
}

export function optionalInteger(
  context: RequestContext,
  name: string,
  value: number | string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
    throw new InvalidRequestError(context, `${name} must be an integer from ${min} to ${max}: ${shown}`);
  }
  return number;
}
