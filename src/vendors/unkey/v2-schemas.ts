// Shapes of Unkey v2 answers. Rows come from our own SELECT, so their columns are known; which of
// the group columns must be present depends on the query and is checked when rows are mapped.
import * as z from 'zod/mini';

const toNumber = z.transform((text: string) => Number(text));

/** ClickHouse counts are Int64: JSON numbers, or digit strings when a server quotes 64-bit integers. */
export const countSchema = z.union([
  z.int().check(z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER)),
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,16}$/, 'expected a count')), toNumber),
    z.number().check(z.maximum(Number.MAX_SAFE_INTEGER, 'count too large')),
  ),
]);

/** Unix ms (our SELECT converts the slice start with toUnixTimestamp64Milli). */
const millisSchema = z.union([
  z.int().check(z.minimum(-8.64e15), z.maximum(8.64e15)),
  z.pipe(
    z.pipe(z.string().check(z.regex(/^-?\d{1,16}$/, 'expected Unix milliseconds')), toNumber),
    z.number().check(z.minimum(-8.64e15), z.maximum(8.64e15, 'time out of range')),
  ),
]);

const optionalString = z.optional(z.string());

export const verificationRowSchema = z.object({
  slice_ms: z.optional(millisSchema),
  key_id: optionalString,
  identity_id: optionalString,
  external_id: optionalString,
  tag: optionalString,
  tags: z.optional(z.array(z.string())),
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
export const unwrapVerifications = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && 'verifications' in data ? data.verifications : data;

export const getVerificationsResponseSchema = z.object({
  meta: z.optional(z.object({ requestId: z.string() })),
  data: z.pipe(z.transform(unwrapVerifications), z.array(verificationRowSchema)),
});

/** v2 error envelope (RFC 7807-like); 400 adds `errors[]`. */
export const v2ErrorSchema = z.object({
  meta: z.optional(z.object({ requestId: optionalString })),
  error: z.object({
    title: optionalString,
    detail: optionalString,
    status: z.optional(z.number()),
    type: optionalString,
    errors: z.optional(z.array(z.object({ message: optionalString, location: optionalString }))),
  }),
});

/** v1 error envelope: still what an older deployment or gateway in front of v2 may send. */
export const v1ErrorSchema = z.object({
  error: z.object({ code: optionalString, message: optionalString }),
});
