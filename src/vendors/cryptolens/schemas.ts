// The JSON Cryptolens returns for the usage-analytics methods. Extra fields pass; a missing or
// mistyped documented field fails with its path.
import { z } from 'zod';

/** Optional KeyUsageSummary counters (vendor-apis.md): kept only when the vendor sends them. */
export const SUMMARY_COUNTERS = [
  'activationSuccess',
  'activationFailed',
  'deactivationSuccess',
  'deactivationFloating',
  'activationNewMachine',
  'activationTrial',
  'activationFloating',
  'activationDeviceLimit',
  'trialKeyGenerated',
  'trialKeyReused',
  'trialKeyCreateError',
  'dataObjectOps',
  'dataObjectIncrementInt',
  'dataObjectDecrementInt',
  'dataObjectSetInt',
  'dataObjectSetString',
] as const;
export type SummaryCounter = (typeof SUMMARY_COUNTERS)[number];

const id = z.number().int();
const count = z.number().int().nonnegative();
// Bounded so that the time in ms fits a Date (±8.64e15 ms): a later toISOString must not throw.
const unixSeconds = z.number().int().nonnegative().max(8.64e12, 'a time beyond the year 275760');
/** Empty (or null) when the license key no longer exists. */
const keyString = z.string().nullable();

const counterShape = Object.fromEntries(SUMMARY_COUNTERS.map((name) => [name, count.nullish()])) as Record<
  SummaryCounter,
  z.ZodOptional<z.ZodNullable<typeof count>>
>;

export const keyUsageSummarySchema = z.object({
  id,
  productId: id,
  keyId: id,
  key: keyString,
  totalRequests: count,
  totalSuccessful: count,
  totalFailed: count,
  firstSeenUtc: unixSeconds.nullable(),
  lastSeenUtc: unixSeconds.nullable(),
  ...counterShape,
});
export type KeyUsageSummaryJson = z.infer<typeof keyUsageSummarySchema>;

export const keyDeviceSchema = z.object({
  id,
  productId: id,
  keyId: id,
  key: keyString,
  machineCode: z.string(),
  firstSeenUtc: unixSeconds,
  lastSeenUtc: unixSeconds,
  totalRequests: count,
});
export type KeyDeviceJson = z.infer<typeof keyDeviceSchema>;

const success = { result: z.literal(0), message: z.string().nullish() };

export const summariesResponseSchema = z.object({ ...success, summaries: z.array(keyUsageSummarySchema) });
export const devicesResponseSchema = z.object({ ...success, devices: z.array(keyDeviceSchema) });
