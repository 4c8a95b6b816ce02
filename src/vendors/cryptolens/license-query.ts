// The parameters of key/GetKey and product/GetKeys, checked before anything is sent.
import { InvalidRequestError, type RequestContext } from '../../http/errors';

const INT32_MAX = 2_147_483_647;

export function productIdParam(context: RequestContext, productId: unknown): string {
  if (typeof productId !== 'number' || !Number.isInteger(productId) || productId < 1 || productId > INT32_MAX) {
    throw new InvalidRequestError(context, `productId must be an integer from 1 to ${INT32_MAX}: ${shown(productId)}`);
  }
  return String(productId);
}

export function keyParam(context: RequestContext, key: unknown): string {
  if (typeof key !== 'string' || key.trim() === '') throw new InvalidRequestError(context, 'key must be a non-empty license key string');
  // Not echoed: a license key is a secret of its own.
  if (key.trim().length > 1000) throw new InvalidRequestError(context, 'key is longer than any license key (1000 characters)');
  return key.trim();
}

export function pageParam(context: RequestContext, page: unknown): string {
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 1 || page > INT32_MAX) {
    throw new InvalidRequestError(context, `page must be an integer from 1 to ${INT32_MAX}: ${shown(page)}`);
  }
  return String(page);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value === 'number' ? String(value) : typeof value;
}
