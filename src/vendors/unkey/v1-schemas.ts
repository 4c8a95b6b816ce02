// Shapes of Unkey v1 answers (api.unkey.dev). Extra fields pass; missing or mistyped required ones fail.
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Unix ms that a Date can hold (±8.64e15); negative times do not occur at Unkey. */
export const unixMsSchema = z.number().int().min(0).max(8_640_000_000_000_000);

/** One datapoint of analytics.getVerifications; Unkey's v1 schema marks every outcome optional. */
export const v1VerificationRowSchema = z.object({
  time: unixMsSchema.optional(),
  valid: count.optional(),
  notFound: count.optional(),
  forbidden: count.optional(),
  usageExceeded: count.optional(),
  rateLimited: count.optional(),
  unauthorized: count.optional(),
  disabled: count.optional(),
  insufficientPermissions: count.optional(),
  expired: count.optional(),
  total: count,
  keyId: z.string().optional(),
  tag: z.string().optional(),
  tags: z.array(z.string()).optional(),
  identity: z.object({ id: z.string(), externalId: z.string().optional() }).optional(),
});
export type V1VerificationRow = z.infer<typeof v1VerificationRowSchema>;

/** The answer is a bare array of datapoints. */
export const v1VerificationsSchema = z.array(v1VerificationRowSchema);

export const v1KeySchema = z.object({
  id: z.string().min(1),
  start: z.string().optional(),
  apiId: z.string().optional(),
  name: z.string().optional(),
  ownerId: z.string().optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  createdAt: unixMsSchema.optional(),
  expires: unixMsSchema.optional(),
  remaining: z.number().optional(),
  // Older v1 deployments did not send `enabled`; a listed key without it is enabled.
  enabled: z.boolean().optional(),
  identity: z.object({ id: z.string(), externalId: z.string() }).optional(),
});
export type V1Key = z.infer<typeof v1KeySchema>;

export const v1ListKeysSchema = z.object({
  keys: z.array(v1KeySchema),
  cursor: z.string().optional(),
  total: z.number().int().nonnegative(),
});

/** `{"error":{"code","docs","message","requestId"}}` */
export const v1ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    docs: z.string().optional(),
    requestId: z.string().optional(),
  }),
});
