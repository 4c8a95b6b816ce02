// A lookup's "Last event" row (issue 14): the newest Web API log entry of a Cryptolens key or device,
// or the newest verification of an Unkey key. One request each (a page of one, cached by the usage
// service); a key the vendor cannot filter by (a deleted Cryptolens key) has none.
import type { KeyFacts } from '../usage/key-facts';
import type { UsageService } from '../usage/usage-service';

export interface LastEvent {
  /** "Activate · failed", or the Unkey outcome as stored ("RATE_LIMITED"). Untrusted text from the log, still to be made plain. */
  event: string;
  time: number;
  /** The raw Cryptolens state code, when the event is one. */
  state?: number;
}

export async function lastEvent(usage: Pick<UsageService, 'keyEventsPage' | 'unkeyRecentVerifications'>, facts: KeyFacts, signal?: AbortSignal): Promise<LastEvent | undefined> {
  const { reference } = facts;
  if (facts.vendor === 'cryptolens') {
    const productId = reference.scopeId !== undefined && /^\d{1,10}$/.test(reference.scopeId) ? Number(reference.scopeId) : undefined;
    if (productId === undefined || !reference.key || (facts.kind !== 'license key' && facts.kind !== 'device')) return undefined;
    const page = await usage.keyEventsPage(
      { productId, key: reference.key, limit: 1, ...(facts.kind === 'device' ? { machineCode: facts.title } : {}) },
      signal,
    );
    const newest = page.items[0];
    return newest ? { event: newest.event.label, time: newest.time, state: newest.state } : undefined;
  }
  if (facts.vendor === 'unkey' && reference.keyId !== undefined && facts.kind === 'key') {
    const newest = (await usage.unkeyRecentVerifications(reference.keyId, undefined, signal, 1)).items[0];
    return newest ? { event: newest.outcomeCode, time: newest.time } : undefined;
  }
  return undefined;
}
