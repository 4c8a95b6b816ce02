// ai/GetKeyUsageSummaries and ai/GetKeyDevices as the seed pages describe them: filters, both cursors,
// Limit, and the documented error messages.
import { json, type EmulatorResponse } from '../vendor';
import type { CryptolensData, DeviceRow, SummaryRow } from './data';
import {
  ACCESS_DENIED,
  END_FORMAT,
  failure,
  INCORRECT_INPUT,
  KEY_NOT_FOUND,
  PRODUCT_NOT_FOUND,
  START_FORMAT,
} from './errors';
import { normalizeMachineCode } from './machine-code';
import { day, int32, text, type ReceivedParams } from './params';
import type { TokenGrant } from './tokens';

export type Method = 'summaries' | 'devices';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const DAY = 86_400;

interface Filter {
  limit: number;
  startingAfter: number | undefined;
  endingBefore: number | undefined;
  productId: number | undefined;
  keyId: number | undefined;
  machineCode: string | undefined;
  startSec: number | undefined;
  endSec: number | undefined;
}

export function answer(method: Method, params: ReceivedParams, grant: TokenGrant, data: CryptolensData): EmulatorResponse {
  const filter = readFilter(method, params, grant, data);
  if ('status' in filter) return filter;
  if (method === 'summaries') return json(200, { summaries: select(data.summaries, filter), result: 0, message: null });
  return json(200, { devices: select(data.devices, filter), result: 0, message: null });
}

function readFilter(method: Method, params: ReceivedParams, grant: TokenGrant, data: CryptolensData): Filter | EmulatorResponse {
  const limit = int32(params, 'Limit');
  const startingAfter = int32(params, 'StartingAfter');
  const endingBefore = int32(params, 'EndingBefore');
  const productId = int32(params, 'ProductId');
  const keyId = int32(params, 'KeyId');
  // Only version 1 is documented: any integer v is answered as version 1.
  const version = int32(params, 'v');
  const keyText = text(params, 'Key');
  // Limit outside 1..1000 is refused rather than clamped: the page says "at most 1000", and a
  // silently shortened page would read as the last one to a client paging by short pages.
  if ([limit, startingAfter, endingBefore, productId, keyId, version].includes(null)) return failure(INCORRECT_INPUT);
  if (limit !== undefined && limit !== null && (limit < 1 || limit > MAX_LIMIT)) return failure(INCORRECT_INPUT);
  if (keyText !== undefined && productId === undefined) return failure(INCORRECT_INPUT);
  const startSec = day(params, 'Start');
  if (startSec === null) return failure(START_FORMAT);
  const endSec = day(params, 'End');
  if (endSec === null) return failure(END_FORMAT);

  if (productId != null && !data.products.some((product) => product.id === productId)) return failure(PRODUCT_NOT_FOUND);
  let resolvedKeyId: number | undefined;
  if (keyId != null) {
    // A deleted key's id still finds its analytics; only its string is gone.
    const key = data.keys.find((candidate) => candidate.id === keyId);
    if (!key || (productId != null && key.productId !== productId)) return failure(KEY_NOT_FOUND);
    resolvedKeyId = key.id;
  }
  if (keyText !== undefined) {
    const key = data.keys.find((candidate) => !candidate.deleted && candidate.productId === productId && candidate.key === keyText);
    if (!key || (resolvedKeyId !== undefined && key.id !== resolvedKeyId)) return failure(KEY_NOT_FOUND);
    resolvedKeyId = key.id;
  }
  if (grant.lockedKeyId !== undefined) {
    const locked = data.keys.find((candidate) => candidate.id === grant.lockedKeyId);
    const otherKey = resolvedKeyId !== undefined && resolvedKeyId !== grant.lockedKeyId;
    const otherProduct = productId != null && locked !== undefined && productId !== locked.productId;
    if (otherKey || otherProduct) return failure(ACCESS_DENIED, 403);
    resolvedKeyId = grant.lockedKeyId;
  }
  const rawMachineCode = method === 'devices' ? text(params, 'MachineCode') : undefined;
  const machineCode = rawMachineCode === undefined ? '' : normalizeMachineCode(rawMachineCode);
  return {
    limit: limit ?? DEFAULT_LIMIT,
    startingAfter: startingAfter ?? undefined,
    endingBefore: endingBefore ?? undefined,
    productId: productId ?? undefined,
    keyId: resolvedKeyId,
    // A value that normalizes to nothing filters nothing, as an absent one.
    machineCode: machineCode === '' ? undefined : machineCode,
    startSec: startSec ?? undefined,
    endSec: endSec ?? undefined,
  };
}

function select<Row extends SummaryRow | DeviceRow>(rows: readonly Row[], filter: Filter): Row[] {
  const matches = (row: Row): boolean =>
    (filter.productId === undefined || row.productId === filter.productId) &&
    (filter.keyId === undefined || row.keyId === filter.keyId) &&
    (filter.machineCode === undefined || ('machineCode' in row && row.machineCode === filter.machineCode)) &&
    (filter.startSec === undefined || row.lastSeenUtc >= filter.startSec) &&
    (filter.endSec === undefined || row.firstSeenUtc < filter.endSec + DAY);
  const out: Row[] = [];
  // EndingBefore wins when both cursors are sent, and turns the order to descending.
  if (filter.endingBefore !== undefined) {
    for (let index = rows.length - 1; index >= 0 && out.length < filter.limit; index--) {
      const row = rows[index] as Row;
      if (row.id < filter.endingBefore && matches(row)) out.push(row);
    }
    return out;
  }
  for (const row of rows) {
    if (out.length >= filter.limit) break;
    if ((filter.startingAfter === undefined || row.id > filter.startingAfter) && matches(row)) out.push(row);
  }
  return out;
}
