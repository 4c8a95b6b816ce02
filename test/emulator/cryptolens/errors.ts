// The error answers of the emulation. Messages are the seed pages' wording. HTTP statuses are not
// documented; this emulation answers parameter and lookup errors with 200 (the classic Cryptolens
// behaviour), authentication failures with 401 and permission failures with 403, so a client is
// exercised on both kinds.
import { json, type EmulatorResponse } from '../vendor';

export const ACCESS_DENIED = 'Access denied.';
export const UNABLE_TO_AUTHENTICATE = 'Unable to authenticate.';
export const INCORRECT_INPUT = 'The input parameters were incorrect.';
export const PRODUCT_NOT_FOUND = 'Could not find the product.';
export const KEY_NOT_FOUND = 'Could not find the key.';
export const START_FORMAT = "The 'Start' parameter has the wrong format.";
export const END_FORMAT = "The 'End' parameter has the wrong format.";
/** Undocumented; what an injected 429 says. */
export const TOO_MANY_REQUESTS = 'Too many requests. Please slow down.';
/** An ASP.NET fault: the server-fault shape has only a message (vendor-apis.md). */
export const SERVER_FAULT = 'An error has occurred.';

export function failure(message: string, status = 200): EmulatorResponse {
  return json(status, { result: 1, message });
}

/** Answers that come from the web framework rather than the method: `{message}` without `result`. */
export function frameworkFault(status: number, message: string): EmulatorResponse {
  return json(status, { message });
}

export function errorBodyFor(status: number): unknown {
  return status === 429 ? { result: 1, message: TOO_MANY_REQUESTS } : { message: SERVER_FAULT };
}
