// key/GetKey (one license key with Metadata=true, for its license status) and product/GetKeys (a
// product's keys, 99 a page). Both are read-only and need their own permission on the token.
import type { HttpResponse } from '../../http/client';
import { ResponseFormatError, type RequestContext } from '../../http/errors';
import type { LicenseKeyDetails } from '../license-key';
import type { Page } from '../model';
import { readLicenseResponse } from './license-errors';
import { toLicenseKeyDetails } from './license-map';
import { keyParam, pageParam, productIdParam } from './license-query';
import { getKeyResponseSchema, getKeysResponseSchema } from './license-schemas';

export const GET_KEY = 'key/GetKey';
export const GET_KEYS = 'product/GetKeys';
/** Keys per product/GetKeys page (CL:GetKeys). */
export const KEYS_PER_PAGE = 99;

/** Sends form fields (the token is added by the client) and returns the answer, whatever its status. */
export type FormPost = (context: RequestContext, params: URLSearchParams, signal: AbortSignal | undefined) => Promise<HttpResponse>;

export interface LicenseKeyPage extends Page<LicenseKeyDetails> {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Keys in the product. */
  total: number;
  /** The next page's number as text, when there is one (what PagedParentNode pages by). */
  nextCursor?: string;
}

export async function getLicenseKey(post: FormPost, secrets: readonly string[], productId: number, key: string, signal?: AbortSignal): Promise<LicenseKeyDetails> {
  const context: RequestContext = { vendor: 'cryptolens', endpoint: GET_KEY };
  const params = new URLSearchParams({ ProductId: productIdParam(context, productId), Key: keyParam(context, key), Metadata: 'true' });
  const data = readLicenseResponse(context, await post(context, params, signal), getKeyResponseSchema, secrets, 'GetKey');
  return toLicenseKeyDetails(data.licenseKey, data.metadata);
}

export async function getLicenseKeys(post: FormPost, secrets: readonly string[], productId: number, page: number, signal?: AbortSignal): Promise<LicenseKeyPage> {
  const context: RequestContext = { vendor: 'cryptolens', endpoint: GET_KEYS };
  const params = new URLSearchParams({ ProductId: productIdParam(context, productId), Page: pageParam(context, page) });
  const data = readLicenseResponse(context, await post(context, params, signal), getKeysResponseSchema, secrets, 'GetKeys');
  if (data.licenseKeys.length > KEYS_PER_PAGE) {
    throw new ResponseFormatError(context, `page ${page} holds ${data.licenseKeys.length} keys, more than ${KEYS_PER_PAGE}`);
  }
  const result: LicenseKeyPage = {
    items: data.licenseKeys.map((json) => toLicenseKeyDetails(json)),
    page,
    pageCount: data.pageCount,
    total: data.total,
  };
  // An empty page ends the listing even if pageCount says more: paging must always end.
  if (page < data.pageCount && result.items.length > 0) result.nextCursor = String(page + 1);
  return result;
}

/** Every page of a product's keys, one request each: ⌈keys / 99⌉ requests. */
export async function* licenseKeyPages(fetchPage: (page: number) => Promise<LicenseKeyPage>): AsyncGenerator<LicenseKeyPage, void, undefined> {
  let last: number | undefined;
  for (let page = 1; ; page++) {
    const result = await fetchPage(page);
    yield result;
    // The first page's count bounds the walk, so a growing pageCount cannot make it endless.
    last ??= result.pageCount;
    if (result.nextCursor === undefined || page >= last) return;
  }
}
