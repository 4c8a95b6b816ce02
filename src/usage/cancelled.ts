// A cancelled load is not a failure: it is neither shown to a person nor remembered by the cache.
import { RequestCancelledError } from '../http/errors';

/** What a caller gets when its own signal ended its wait (a closed panel, a moved mouse). */
export class LoadCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'LoadCancelledError';
  }
}

/** True for every way a load ends because someone stopped it: ours, the HTTP layer's, an AbortSignal's. */
export function isCancellation(error: unknown): boolean {
  return error instanceof LoadCancelledError || error instanceof RequestCancelledError || (error instanceof Error && error.name === 'AbortError');
}
