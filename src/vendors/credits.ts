// Usage credits of an API key (Unkey): how many verifications it has left, and how they refill.

export type RefillInterval = 'daily' | 'monthly';

export interface CreditRefill {
  /** Undefined when the vendor named an interval Keyscope does not know. */
  interval?: RefillInterval;
  /** Credits added at each refill (≥ 1). */
  amount: number;
  /** Day of the month of a monthly refill (1–31). */
  refillDay?: number;
}

export interface ApiKeyCredits {
  /** Credits left; null means unlimited (Unkey v2 says so), as does a key without `credits`. */
  remaining: number | null;
  refill?: CreditRefill;
}
