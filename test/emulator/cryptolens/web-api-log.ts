// ai/GetWebAPILog as CL:GetWebAPILog describes it: ProductId, Key (needs ProductId), MachineCode (the
// whole code, case-sensitive), FriendlyName ("contains", case-insensitive), States, Limit (default 10,
// at most 1000), StartingAfter / EndingBefore id cursors (ascending, or id descending once EndingBefore
// is given), the deprecated OrderBy, and AnomalyClassification. Where the page is silent the emulation
// decides as README.md says (both cursors, a 0 for an unset number, errors as the sibling methods).
import { json, type EmulatorResponse } from '../vendor';
import { isFailedState } from './activity-codes';
import type { CryptolensActivity } from './activity';
import type { ActivityLog, LogOwner, WebApiLogRow } from './activity-log';
import type { CryptolensData } from './data';
import { ACCESS_DENIED, failure, INCORRECT_INPUT, KEY_NOT_FOUND, PRODUCT_NOT_FOUND } from './errors';
import { bool, int64, orderBy, shortList } from './log-params';
import { int32, text, type ReceivedParams } from './params';
import type { TokenGrant } from './tokens';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
const DAY = 86_400;

interface LogFilter {
  limit: number;
  /** Positions to read, inclusive, and the direction to read them in. */
  from: number;
  to: number;
  descending: boolean;
  owners: Uint8Array;
  states: ReadonlySet<number> | undefined;
  anomalies: boolean;
}

export function answerWebApiLog(params: ReceivedParams, grant: TokenGrant, data: CryptolensData, activity: () => CryptolensActivity): EmulatorResponse {
  // The .NET SDK sends every numeric field, 0 when unset: 0 reads as "not given".
  const given = (value: number | null | undefined): number | null | undefined => (value === 0 ? undefined : value);
  const productId = given(int32(params, 'ProductId'));
  const limit = given(int32(params, 'Limit'));
  const startingAfter = given(int64(params, 'StartingAfter'));
  const endingBefore = given(int64(params, 'EndingBefore'));
  const version = int32(params, 'v');
  const states = shortList(params, 'States');
  const order = orderBy(params, 'OrderBy');
  const anomalies = bool(params, 'AnomalyClassification');
  const keyText = text(params, 'Key');
  const machineCode = text(params, 'MachineCode');
  const friendlyName = text(params, 'FriendlyName')?.toLowerCase();
  if ([productId, limit, startingAfter, endingBefore, version, states, order, anomalies].includes(null)) return failure(INCORRECT_INPUT);
  if (limit != null && (limit < 1 || limit > MAX_LIMIT)) return failure(INCORRECT_INPUT);
  if (keyText !== undefined && productId == null) return failure(INCORRECT_INPUT);
  if (productId != null && !data.products.some((product) => product.id === productId)) return failure(PRODUCT_NOT_FOUND);
  let keyId: number | undefined;
  if (keyText !== undefined) {
    const key = data.keys.find((candidate) => !candidate.deleted && candidate.productId === productId && candidate.key === keyText);
    if (!key) return failure(KEY_NOT_FOUND);
    keyId = key.id;
  }
  if (grant.lockedKeyId !== undefined) {
    const locked = data.keys.find((candidate) => candidate.id === grant.lockedKeyId);
    if ((keyId !== undefined && keyId !== grant.lockedKeyId) || (productId != null && locked && productId !== locked.productId)) {
      return failure(ACCESS_DENIED, 403);
    }
    keyId = grant.lockedKeyId;
  }

  const { log, anomalies: groups } = activity();
  const matchesOwner = (owner: LogOwner): boolean =>
    (productId == null || owner.productId === productId) &&
    (keyId === undefined || owner.keyId === keyId) &&
    (machineCode === undefined || owner.machineCode === machineCode) &&
    (friendlyName === undefined || (owner.friendlyName ?? '').toLowerCase().includes(friendlyName));
  const owners = Uint8Array.from(log.owners, (owner) => (matchesOwner(owner) ? 1 : 0));
  // EndingBefore wins when both cursors are sent, as on the other ai/ methods.
  const from = endingBefore != null ? 0 : startingAfter != null ? log.firstAfter(startingAfter) : 0;
  const to = endingBefore != null ? log.lastBefore(endingBefore) : log.count - 1;
  const filter: LogFilter = {
    limit: limit ?? DEFAULT_LIMIT,
    from,
    to,
    descending: order ? order.descending : endingBefore != null,
    owners,
    states: states && states.length > 0 ? new Set(states) : undefined,
    anomalies: anomalies === true,
  };
  const rows = select(log, filter).map((position) => (filter.anomalies ? withAnomaly(log, position, groups) : log.rowAt(position)));
  return json(200, { logs: rows, result: 0, message: null });
}

function select(log: ActivityLog, filter: LogFilter): number[] {
  const out: number[] = [];
  const step = filter.descending ? -1 : 1;
  for (let position = filter.descending ? filter.to : filter.from; position >= filter.from && position <= filter.to; position += step) {
    if (filter.owners[log.ownerAt(position)] !== 1) continue;
    if (filter.states && !filter.states.has(log.stateAt(position))) continue;
    out.push(position);
    if (out.length >= filter.limit) break;
  }
  return out;
}

function withAnomaly(log: ActivityLog, position: number, groups: CryptolensActivity['anomalies']): WebApiLogRow & Record<string, unknown> {
  const row = log.rowAt(position);
  const owner = log.owners[log.ownerAt(position)] as LogOwner;
  const group = isFailedState(row.state) ? groups.get(`${owner.keyId}:${Math.floor(row.time / DAY)}`) : undefined;
  return { ...row, isAnomaly: group !== undefined, anomalyProperties: group ?? null };
}
