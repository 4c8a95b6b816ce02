// Shapes of POST /v2/apis.listKeys (as @unkey/api 2.x declares V2ApisListKeysResponseBody).
import { z } from 'zod';
import { unixMsSchema } from './v1-schemas';

export const v2KeySchema = z.object({
  keyId: z.string().min(1),
  start: z.string().optional(),
  enabled: z.boolean(),
  name: z.string().optional(),
  createdAt: unixMsSchema,
  updatedAt: unixMsSchema.optional(),
  lastUsedAt: unixMsSchema.optional(),
  expires: unixMsSchema.optional(),
  identity: z.object({ id: z.string(), externalId: z.string() }).optional(),
});
export type V2Key = z.infer<typeof v2KeySchema>;

export const v2ListKeysSchema = z.object({
  meta: z.object({ requestId: z.string() }).optional(),
  data: z.array(v2KeySchema),
  pagination: z.object({ cursor: z.string().optional(), hasMore: z.boolean() }).optional(),
});
