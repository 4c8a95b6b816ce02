// Unkey credits (v1 or v2) → the model's ApiKeyCredits. Unlimited keys get no credits at all.
import type { ApiKeyCredits, CreditRefill } from '../credits';
import type { RefillJson, V2CreditsJson } from './credits-schemas';

export function v2Credits(credits: V2CreditsJson | undefined): ApiKeyCredits | undefined {
  // The spec says remaining:null is unlimited; the handler omits credits instead. Both are unlimited.
  if (!credits || credits.remaining === null) return undefined;
  return withRefill(credits.remaining, credits.refill);
}

export function v1Credits(remaining: number | undefined, refill: RefillJson | undefined): ApiKeyCredits | undefined {
  return remaining === undefined ? undefined : withRefill(remaining, refill);
}

function withRefill(remaining: number, refill: RefillJson | undefined): ApiKeyCredits {
  if (!refill) return { remaining };
  const mapped: CreditRefill = { amount: refill.amount };
  if (refill.interval === 'daily' || refill.interval === 'monthly') mapped.interval = refill.interval;
  if (typeof refill.refillDay === 'number') mapped.refillDay = refill.refillDay;
  return { remaining, refill: mapped };
}
