// Shapes of Unkey v2 answers. Rows come from our own SELECT, so their columns are known; which of
// the group columns must be present depends on the query and is checked when rows are mapped.
import { z } from 'zod';

/** ClickHouse counts are Int64: JSON numbers, or digit strings when a server quotes 64-bit integers. */
export const countSchema = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^\d{1,16}$/, 'expected a count')
    .transform((text) => Number(text))
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER, 'count too large')),
]);

/** Unix ms (our SELECT converts the slice start with toUnixTimestamp64Milli). */
const millisSchema = z.union([
  z.number().int().min(-8.64e15).max(8.64e15),
  z
    .string()
    .regex(/^-?\d{1,16}$/, 'expected Unix milliseconds')
    .transform((text) => Number(text))
    .pipe(z.number().min(-8.64e15).max(8.64e15, 'time out of range')),
]);

export const verificationRowSchema = z.object({
  slice_ms: millisSchema.optional(),
  key_id: z.string().optional(),
  identity_id: z.string().optional(),
  external_id: z.string().optional(),
  tag: z.string().optional(),
  tags: z.array(z.string()).optional(),
  valid: countSchema,
  rateLimited: countSchema,
  usageExceeded: countSchema,
  disabled: countSchema,
  expired: countSchema,
  forbidden: countSchema,
  unauthorized: countSchema,
  notFound: countSchema,
  insufficientPermissions: countSchema,
  total: countSchema,
});
export type VerificationRow = z.infer<typeof verificationRowSchema>;

// Unkey's handler has answered both `data: [...]` and `data: {verifications: [...]}`; unwrapping
// first keeps error paths pointing at the row ("data[3].total").
const unwrapVerifications = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && 'verifications' in data ? data.verifications : data;

export const getVerificationsResponseSchema = z.object({
  meta: z.object({ requestId: z.string() }).optional(),
  data: z.preprocess(unwrapVerifications, z.array(verificationRowSchema)),
});

/** v2 error envelope (RFC 7807-like); 400 adds `errors[]`. */
export const v2ErrorSchema = z.object({
  meta: z.object({ requestId: z.string().optional() }).optional(),
  error: z.object({
    title: z.string().optional(),
    detail: z.string().optional(),
    status: z.number().optional(),
    type: z.string().optional(),
    errors: z.array(z.object({ message: z.string().optional(), location: z.string().optional() })).optional(),
  }),
});

/** v1 error envelope: still what an older deployment or gateway in front of v2 may send. */
export const v1ErrorSchema = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});
