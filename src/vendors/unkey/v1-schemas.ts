// Shapes of Unkey v1 answers (api.unkey.dev). Extra fields pass; missing or mistyped required ones fail.
import * as z from 'zod/mini';
import { refillSchema } from './credits-schemas';

const count = z.int().check(z.nonnegative());
const optionalCount = z.optional(count);
const optionalString = z.optional(z.string());

/** Unix ms that a Date can hold (±8.64e15); negative times do not occur at Unkey. */
export const unixMsSchema = z.int().check(z.minimum(0), z.maximum(8_640_000_000_000_000));

/** One datapoint of analytics.getVerifications; Unkey's v1 schema marks every outcome optional. */
export const v1VerificationRowSchema = z.object({
  time: z.optional(unixMsSchema),
  valid: optionalCount,
  notFound: optionalCount,
  forbidden: optionalCount,
  usageExceeded: optionalCount,
  rateLimited: optionalCount,
  unauthorized: optionalCount,
  disabled: optionalCount,
  insufficientPermissions: optionalCount,
  expired: optionalCount,
  total: count,
  keyId: optionalString,
  tag: optionalString,
  tags: z.optional(z.array(z.string())),
  identity: z.optional(z.object({ id: z.string(), externalId: optionalString })),
});
export type V1VerificationRow = z.infer<typeof v1VerificationRowSchema>;

/** The answer is a bare array of datapoints. */
export const v1VerificationsSchema = z.array(v1VerificationRowSchema);

export const v1KeySchema = z.object({
  id: z.string().check(z.minLength(1)),
  start: optionalString,
  apiId: optionalString,
  name: optionalString,
  ownerId: optionalString,
  meta: z.optional(z.record(z.string(), z.unknown())),
  createdAt: z.optional(unixMsSchema),
  expires: z.optional(unixMsSchema),
  remaining: z.optional(z.number()),
  refill: z.optional(refillSchema),
  // Older v1 deployments did not send `enabled`; a listed key without it is enabled.
  enabled: z.optional(z.boolean()),
  identity: z.optional(z.object({ id: z.string(), externalId: z.string() })),
});
export type V1Key = z.infer<typeof v1KeySchema>;

export const v1ListKeysSchema = z.object({
  keys: z.array(v1KeySchema),
  cursor: optionalString,
  total: count,
});

/** `{"error":{"code","docs","message","requestId"}}` */
export const v1ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    docs: optionalString,
    requestId: optionalString,
  }),
});
