// key/GetKey and product/GetKeys (CL:GetKey, CL:GetKeys). Each needs its own permission on the token
// ("Access denied." otherwise, CL:Auth). Where the pages are silent, see README.md.
import { json, type EmulatorResponse } from '../vendor';
import type { CryptolensData } from './data';
import { ACCESS_DENIED, failure, INCORRECT_INPUT, KEY_NOT_FOUND, PRODUCT_NOT_FOUND } from './errors';
import type { LicenseBook } from './licenses';
import { licenseKeyJson, metadataJson } from './license-wire';
import { int32, text, type ReceivedParams } from './params';
import type { TokenGrant } from './tokens';

export type LicenseMethod = 'getKey' | 'getKeys';

export const LICENSE_ROUTES: Readonly<Record<string, LicenseMethod>> = {
  '/api/key/getkey': 'getKey',
  '/api/product/getkeys': 'getKeys',
};

/** Cryptolens's answer to a key-locked token asking for another key (its error table). */
export const KEY_LOCKED = 'Not enough permission and/or key not found.';
/** Not Cryptolens's words: signing is outside this emulation, and it says so rather than pretend. */
export const SIGNING_NOT_EMULATED = 'Signing (Sign=true, SignMethod=1) is not emulated.';
export const SEARCH_NOT_EMULATED = 'SearchQuery is not emulated: only the empty query is.';

const KEYS_PER_PAGE = 99;
const ORDER_FIELDS = ['id', 'key', 'created', 'expires', 'period', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'notes', 'globalid', 'trialactivation', 'maxnoofmachines'];

export interface LicenseContext {
  data: CryptolensData;
  book: LicenseBook;
}

export function answerLicense(method: LicenseMethod, params: ReceivedParams, grant: TokenGrant, context: LicenseContext): EmulatorResponse {
  if (method === 'getKey') return grant.getKey ? getKey(params, grant, context) : failure(ACCESS_DENIED, 403);
  return grant.getKeys ? getKeys(params, grant, context) : failure(ACCESS_DENIED, 403);
}

function getKey(params: ReceivedParams, grant: TokenGrant, { data, book }: LicenseContext): EmulatorResponse {
  const productId = int32(params, 'ProductId');
  const keyText = text(params, 'Key');
  const numbers = ['FieldsToReturn', 'SignMethod', 'FloatingTimeInterval', 'ModelVersion', 'v'].map((name) => int32(params, name));
  const flags = ['Sign', 'Metadata'].map((name) => bool(params, name));
  if (productId === null || numbers.includes(null) || flags.includes(null)) return failure(INCORRECT_INPUT);
  if (productId === undefined || keyText === undefined) return failure(INCORRECT_INPUT);
  const [, signMethod, floating] = numbers;
  const [sign, metadata] = flags;
  if (sign === true || (signMethod ?? 0) !== 0) return failure(SIGNING_NOT_EMULATED);
  if ((floating ?? 0) < 0) return failure(INCORRECT_INPUT);
  if (!data.products.some((product) => product.id === productId)) return failure(PRODUCT_NOT_FOUND);
  const key = data.keys.find((candidate) => !candidate.deleted && candidate.productId === productId && candidate.key === keyText);
  if (!key) return failure(KEY_NOT_FOUND);
  if (grant.lockedKeyId !== undefined && grant.lockedKeyId !== key.id) return failure(KEY_LOCKED);
  const record = book.get(key);
  const answer: Record<string, unknown> = { licenseKey: licenseKeyJson(record) };
  if (metadata === true) answer.metadata = metadataJson(book, record, floating ?? 0);
  return json(200, { ...answer, result: 0, message: null });
}

function getKeys(params: ReceivedParams, grant: TokenGrant, { data, book }: LicenseContext): EmulatorResponse {
  const productId = int32(params, 'ProductId');
  const page = int32(params, 'Page');
  const version = int32(params, 'v');
  if (productId === null || page === null || version === null || productId === undefined) return failure(INCORRECT_INPUT);
  if (page !== undefined && page < 1) return failure(INCORRECT_INPUT);
  if (text(params, 'SearchQuery') !== undefined) return failure(SEARCH_NOT_EMULATED);
  const order = orderBy(text(params, 'OrderBy') ?? 'ID ascending');
  if (!order) return failure(INCORRECT_INPUT);
  if (!data.products.some((product) => product.id === productId)) return failure(PRODUCT_NOT_FOUND);
  // A key-locked token sees its own key only, as the usage methods do.
  const visible = data.keys.filter(
    (key) => !key.deleted && key.productId === productId && (grant.lockedKeyId === undefined || key.id === grant.lockedKeyId),
  );
  const rows = visible.map((key) => licenseKeyJson(book.get(key))).sort(order);
  const from = ((page ?? 1) - 1) * KEYS_PER_PAGE;
  const licenseKeys = rows.slice(from, from + KEYS_PER_PAGE);
  return json(200, {
    licenseKeys,
    returned: licenseKeys.length,
    total: rows.length,
    pageCount: Math.ceil(rows.length / KEYS_PER_PAGE),
    result: 0,
    message: null,
  });
}

/** "Field [ascending|descending]" over the LicenseKey fields; ties by id. Undefined when not understood. */
function orderBy(spec: string): ((a: Record<string, unknown>, b: Record<string, unknown>) => number) | undefined {
  const match = /^\s*(\w+)(?:\s+(ascending|descending))?\s*$/i.exec(spec);
  const field = match?.[1]?.toLowerCase();
  if (!match || field === undefined || !ORDER_FIELDS.includes(field)) return undefined;
  const direction = match[2]?.toLowerCase() === 'descending' ? -1 : 1;
  const name = field === 'globalid' ? 'globalId' : field === 'trialactivation' ? 'trialActivation' : field === 'maxnoofmachines' ? 'maxNoOfMachines' : field;
  return (a, b) => {
    const [x, y] = [a[name], b[name]];
    const compared = x === y ? 0 : x === null ? -1 : y === null ? 1 : (x as number | string | boolean) < (y as number | string | boolean) ? -1 : 1;
    return compared * direction || (a.id as number) - (b.id as number);
  };
}

/** ASP.NET binds "true"/"false" in any case; undefined when absent, null when not a bool. */
function bool(params: ReceivedParams, name: string): boolean | undefined | null {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}
