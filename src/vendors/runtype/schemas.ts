// Runtype's JSON, as much of it as Keyscope reads. Extra fields pass; a missing or mistyped field we use fails.
import { z } from 'zod';

/** ISO-8601 with a zone ("Z" or "+hh:mm"), as Runtype writes every time. */
const isoTime = z.iso.datetime({ offset: true });

/** A time that is `null` (or left out) when there is none: never used, never expires. */
const optionalIsoTime = isoTime.nullable().optional();

export const apiKeySchema = z.object({
  id: z.string().min(1),
  name: z.string().nullable().optional(),
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
  id: z.string().min(1),
  name: z.string().nullable().optional(),
  keyPrefix: z.string(),
  lastUsedAt: optionalIsoTime,
  isActive: z.boolean(),
});
export type RuntypeKeyBreakdown = z.infer<typeof keyBreakdownSchema>;

const count = z.number().int().nonnegative();

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
  error: z.union([z.string(), z.object({ message: z.string() })]).optional(),
  message: z.string().optional(),
});
