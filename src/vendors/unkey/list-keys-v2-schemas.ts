// Shapes of POST /v2/apis.listKeys (as @unkey/api 2.x declares V2ApisListKeysResponseBody).
import * as z from 'zod/mini';
import { unixMsSchema } from './v1-schemas';
import { v2CreditsSchema } from './credits-schemas';

const optionalUnixMs = z.optional(unixMsSchema);

export const v2KeySchema = z.object({
  keyId: z.string().check(z.minLength(1)),
  start: z.optional(z.string()),
  enabled: z.boolean(),
  name: z.optional(z.string()),
  createdAt: unixMsSchema,
  updatedAt: optionalUnixMs,
  lastUsedAt: optionalUnixMs,
  expires: optionalUnixMs,
  identity: z.optional(z.object({ id: z.string(), externalId: z.string() })),
  credits: z.optional(v2CreditsSchema),
});
export type V2Key = z.infer<typeof v2KeySchema>;

export const v2ListKeysSchema = z.object({
  meta: z.optional(z.object({ requestId: z.string() })),
  data: z.array(v2KeySchema),
  pagination: z.optional(z.object({ cursor: z.optional(z.string()), hasMore: z.boolean() })),
});
