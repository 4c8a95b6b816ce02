// Credits as Unkey sends them: v2 `credits {remaining, refill}` (KeyCreditsData.yaml), v1 `remaining`
// beside `refill {interval, amount, refillDay, lastRefillAt}`. An interval Unkey may add later must
// not fail a whole listing, so it is read as text and mapped (credits-mapping.ts).
import * as z from 'zod/mini';

const credits = z.int().check(z.nonnegative());

export const refillSchema = z.object({
  interval: z.string(),
  amount: z.int().check(z.minimum(1)),
  refillDay: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(31)))),
});
export type RefillJson = z.infer<typeof refillSchema>;

export const v2CreditsSchema = z.object({
  remaining: z.nullable(credits),
  refill: z.optional(refillSchema),
});
export type V2CreditsJson = z.infer<typeof v2CreditsSchema>;

/** v1 `remaining`: absent means unlimited. */
export const v1RemainingSchema = z.optional(credits);
