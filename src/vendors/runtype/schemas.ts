// Runtype's JSON, as much of it as Keyscope reads. Extra fields pass; a missing or mistyped field we use fails.
import * as z from 'zod/mini';

/** ISO-8601 with a zone ("Z" or "+hh:mm"), as Runtype writes every time. */
const isoTime = z.iso.datetime({ offset: true });

/** A time that is `null` (or left out) when there is none: never used, never expires. */
const optionalIsoTime = z.optional(z.nullable(isoTime));

const optionalName = z.optional(z.nullable(z.string()));

export const apiKeySchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: optionalName,
  keyPrefix: z.string(),
  isActive: z.boolean(),
  expiresAt: optionalIsoTime,
  lastUsedAt: optionalIsoTime,
  createdAt: isoTime,
});
export type RuntypeApiKey = z.infer<typeof apiKeySchema>;

export const listKeysSchema = z.object({
  apiKeys: z.array(apiKeySchema),
});

export const keyBreakdownSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: optionalName,
  keyPrefix: z.string(),
  lastUsedAt: optionalIsoTime,
  isActive: z.boolean(),
});
export type RuntypeKeyBreakdown = z.infer<typeof keyBreakdownSchema>;

const count = z.int().check(z.nonnegative());

export const analyticsSchema = z.object({
  analytics: z.object({
    totalKeys: count,
    activeKeys: count,
    expiredKeys: count,
    keyBreakdown: z.array(keyBreakdownSchema),
  }),
  timestamp: isoTime,
});
export type RuntypeAnalytics = z.infer<typeof analyticsSchema>;

export const keyAnalyticsSchema = z.object({
  analytics: z.object({
    lastUsedAt: optionalIsoTime,
  }),
  timestamp: isoTime,
});
export type RuntypeKeyAnalytics = z.infer<typeof keyAnalyticsSchema>;

/** Runtype's error bodies: `{"error": "..."}` or `{"message": "..."}`; both are read. */
export const errorBodySchema = z.object({
  error: z.optional(z.union([z.string(), z.object({ message: z.string() })])),
  message: z.optional(z.string()),
});
