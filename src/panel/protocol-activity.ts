// The activity messages of the panel protocol (issue 14): a Cryptolens product's requests per UTC day,
// a Cryptolens key's recent Web API log events, an Unkey key's recent verifications. Imported by
// protocol.ts (hostMethods) and by the webview; validated on both sides like every other message.
import * as z from 'zod/mini';

const text = (max = 2_000) => z.string().check(z.maxLength(max));
const count = z.int().check(z.minimum(0));
const millis = z.int().check(z.minimum(0), z.maximum(8.64e15));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** A vendor cursor as the host gave it out: the webview only hands it back. */
const cursor = text(600);

export const DAILY_PRESETS = ['last7', 'last30', 'last90', 'custom'] as const;
export type DailyPreset = (typeof DAILY_PRESETS)[number];

/** Last 7, 30 or 90 UTC days (today included), or a custom range of UTC days, both ends included. */
export const dailyParamsSchema = z.strictObject({ preset: z.enum(DAILY_PRESETS), start: z.optional(day), end: z.optional(day) });
export type DailyParams = z.infer<typeof dailyParamsSchema>;

export const dailyPointSchema = z.strictObject({
  date: day,
  successful: count,
  failed: count,
  total: count,
  activeKeys: count,
  activeDevices: count,
  activeCustomers: count,
});
export type DailyPointRow = z.infer<typeof dailyPointSchema>;

export const dailyResultSchema = z.strictObject({
  range: z.strictObject({ start: day, end: day, days: count }),
  /** One per day of the range, oldest first; a day without requests is zeros. */
  points: z.array(dailyPointSchema).check(z.maxLength(3_660)),
});

export const EVENT_OUTCOMES = ['succeeded', 'failed', 'unknown'] as const;

export const licenseEventRowSchema = z.strictObject({
  eventId: z.int().check(z.minimum(0)),
  time: millis,
  /** The raw state code (shown in the cell's tooltip). */
  state: z.int(),
  /** describeEvent's label, e.g. "Activate · failed". */
  event: text(200),
  method: text(100),
  outcome: z.enum(EVENT_OUTCOMES),
  machineCode: z.optional(text(500)),
  friendlyName: z.optional(text(500)),
  anomaly: z.optional(z.boolean()),
});
export type LicenseEventRow = z.infer<typeof licenseEventRowSchema>;

export const eventsParamsSchema = z.strictObject({ machineCode: z.optional(text(500)), before: z.optional(cursor) });
export const eventsResultSchema = z.strictObject({
  events: z.array(licenseEventRowSchema).check(z.maxLength(1_000)),
  /** Pass as `before` for older events; absent on the oldest page. */
  nextCursor: z.optional(cursor),
  /** False when the key has no key string the log can be filtered by (a deleted key). */
  available: z.boolean(),
});

export const verificationRowSchema = z.strictObject({
  requestId: text(300),
  time: millis,
  outcome: text(100),
  region: text(200),
  tags: z.array(text(300)).check(z.maxLength(100)),
});
export type VerificationRow = z.infer<typeof verificationRowSchema>;

export const verificationsParamsSchema = z.strictObject({ before: z.optional(cursor) });
export const verificationsResultSchema = z.strictObject({
  rows: z.array(verificationRowSchema).check(z.maxLength(1_000)),
  nextCursor: z.optional(cursor),
});
