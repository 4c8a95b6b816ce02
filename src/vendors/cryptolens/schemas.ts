// The JSON Cryptolens returns for the usage-analytics methods. Extra fields pass; a missing or
// mistyped documented field fails with its path.
import * as z from 'zod/mini';

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

const id = z.int();
const count = z.int().check(z.nonnegative());
// Bounded so that the time in ms fits a Date (±8.64e15 ms): a later toISOString must not throw.
const unixSeconds = z.int().check(z.nonnegative(), z.maximum(8.64e12, 'a time beyond the year 275760'));
/** Empty (or null) when the license key no longer exists. */
const keyString = z.nullable(z.string());

const counterShape = Object.fromEntries(SUMMARY_COUNTERS.map((name) => [name, z.nullish(count)])) as Record<
  SummaryCounter,
  z.ZodMiniOptional<z.ZodMiniNullable<typeof count>>
>;

export const keyUsageSummarySchema = z.object({
  id,
  productId: id,
  keyId: id,
  key: keyString,
  totalRequests: count,
  totalSuccessful: count,
  totalFailed: count,
  firstSeenUtc: z.nullable(unixSeconds),
  lastSeenUtc: z.nullable(unixSeconds),
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

const success = { result: z.literal(0), message: z.nullish(z.string()) };

export const summariesResponseSchema = z.object({ ...success, summaries: z.array(keyUsageSummarySchema) });
export const devicesResponseSchema = z.object({ ...success, devices: z.array(keyDeviceSchema) });
