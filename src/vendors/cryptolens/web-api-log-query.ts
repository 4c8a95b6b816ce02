// The parameters of ai/GetWebAPILog (CL:GetWebAPILog), checked before anything is sent. They differ
// from the summaries' in ways that matter: log ids are 64-bit (the SDKs type them `long`), Limit
// defaults to 10, MachineCode must match exactly and case-sensitively (so it is sent as given, not
// normalized), FriendlyName matches "contains", and States goes as a JSON list, as the .NET SDK sends it.
import { InvalidRequestError, type RequestContext } from '../../http/errors';
import { cursorParams, MAX_LIMIT, NEWEST_CURSOR as NEWEST_INT32, optionalInteger, type PageDirection, type PreparedQuery } from './query';

/** The vendor's page size when Limit is not sent. */
export const LOG_DEFAULT_LIMIT = 10;
/** EndingBefore for "from the newest entry": no 64-bit id JSON can carry exactly lies beyond it. */
export const NEWEST_LOG_CURSOR = Number.MAX_SAFE_INTEGER;

export interface WebApiLogQuery {
  /** 1..1000; when omitted nothing is sent and the vendor's default (10) applies. */
  limit?: number;
  /** Forward cursor: entries with a greater id, ascending. */
  startingAfter?: number | string;
  /** Backward cursor: entries with a smaller id, newest first. Wins over startingAfter. */
  endingBefore?: number | string;
  /** Page backward from the newest entry when no endingBefore is given. */
  direction?: PageDirection;
  productId?: number;
  /** The license key string; needs productId. */
  key?: string;
  /** The whole machine code, exactly as the log holds it (case-sensitive). */
  machineCode?: string;
  /** Part of the device's friendly name (case-insensitive). */
  friendlyName?: string;
  /** Only these state codes, e.g. [2020, 2021]. */
  states?: readonly number[];
  /** Ask the vendor to say which entries it classifies as anomalous. */
  anomalyClassification?: boolean;
  v?: number;
}

export interface PreparedLogQuery extends PreparedQuery {
  productId: number | undefined;
  states: ReadonlySet<number> | undefined;
}

export function prepareWebApiLogQuery(context: RequestContext, query: WebApiLogQuery): PreparedLogQuery {
  const params = new URLSearchParams();
  const limit = optionalInteger(context, 'limit', query.limit, 1, MAX_LIMIT);
  if (limit !== undefined) params.set('Limit', String(limit));

  const { startingAfter, endingBefore, direction } = cursorParams(context, query, NEWEST_LOG_CURSOR, params);

  const productId = optionalInteger(context, 'productId', query.productId, 1, NEWEST_INT32);
  if (productId !== undefined) params.set('ProductId', String(productId));
  if (query.key !== undefined) {
    if (typeof query.key !== 'string' || query.key.trim() === '') throw new InvalidRequestError(context, 'key must be a non-empty license key string');
    if (productId === undefined) throw new InvalidRequestError(context, 'key requires productId');
    params.set('Key', query.key.trim());
  }
  // An empty filter would be read as "no filter" and widen the answer to every entry.
  if (query.machineCode !== undefined) {
    if (typeof query.machineCode !== 'string' || query.machineCode === '') throw new InvalidRequestError(context, 'machineCode must be a non-empty string');
    params.set('MachineCode', query.machineCode);
  }
  if (query.friendlyName !== undefined) {
    if (typeof query.friendlyName !== 'string' || query.friendlyName.trim() === '') {
      throw new InvalidRequestError(context, 'friendlyName must be a non-empty string');
    }
    params.set('FriendlyName', query.friendlyName);
  }
  const states = stateList(context, query.states);
  if (states !== undefined) params.set('States', JSON.stringify(states));
  if (query.anomalyClassification !== undefined) {
    if (typeof query.anomalyClassification !== 'boolean') throw new InvalidRequestError(context, 'anomalyClassification must be true or false');
    if (query.anomalyClassification) params.set('AnomalyClassification', 'true');
  }
  const v = optionalInteger(context, 'v', query.v, 1, NEWEST_INT32);
  if (v !== undefined) params.set('v', String(v));

  const cursor = direction === 'backward' ? endingBefore : startingAfter;
  return {
    params,
    direction,
    limit: limit ?? LOG_DEFAULT_LIMIT,
    cursor,
    productId,
    states: states === undefined ? undefined : new Set(states),
  };
}

/** State codes as the vendor stores them (.NET short); an empty list would filter nothing. */
function stateList(context: RequestContext, states: readonly number[] | undefined): number[] | undefined {
  if (states === undefined) return undefined;
  if (!Array.isArray(states) || states.length === 0) throw new InvalidRequestError(context, 'states must be a non-empty list of state codes');
  for (const state of states) {
    if (!Number.isInteger(state) || state < 0 || state > 32_767) {
      throw new InvalidRequestError(context, `states must hold state codes such as 2020: ${String(state).slice(0, 20)}`);
    }
  }
  return [...new Set(states)];
}
