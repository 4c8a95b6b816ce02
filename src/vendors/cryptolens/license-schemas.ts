// The JSON of key/GetKey and product/GetKeys (CL:GetKey, CL:GetKeys, CL:model/LicenseKey,
// CL:model/Metadata): lowerCamelCase, dates as .NET DateTime text. Extra fields pass; a missing or
// mistyped field Keyscope reads fails with its path. Fields a token's feature lock may mask are optional.
import * as z from 'zod/mini';
import { parseDotNetDate } from './dotnet-date';

const id = z.int().check(z.nonnegative());
const count = z.int().check(z.nonnegative());

/** A DateTime: Unix ms, or undefined for DateTime.MinValue. */
const dotNetDate = z.pipe(
  z.string(),
  z.transform((text: string, context) => {
    const ms = parseDotNetDate(text);
    if (ms !== undefined && !Number.isFinite(ms)) {
      context.issues.push({ code: 'custom', message: 'expected a date like 2015-08-27T00:00:00', input: text });
      return z.NEVER;
    }
    return ms;
  }),
);
const optionalDate = z.optional(z.nullable(dotNetDate));
const optionalFlag = z.optional(z.nullable(z.boolean()));

export const activationSchema = z.object({
  mid: z.string(),
  ip: z.optional(z.nullable(z.string())),
  time: optionalDate,
});

export const licenseKeyJsonSchema = z.object({
  productId: id,
  id,
  key: z.string(),
  created: optionalDate,
  expires: optionalDate,
  period: z.optional(z.nullable(z.int())),
  f1: optionalFlag,
  f2: optionalFlag,
  f3: optionalFlag,
  f4: optionalFlag,
  f5: optionalFlag,
  f6: optionalFlag,
  f7: optionalFlag,
  f8: optionalFlag,
  block: optionalFlag,
  activatedMachines: z.optional(z.nullable(z.array(activationSchema))),
  trialActivation: optionalFlag,
  // The seat rule needs it: "0 = no limit" must not be guessed from a missing field.
  maxNoOfMachines: count,
});
export type LicenseKeyJson = z.infer<typeof licenseKeyJsonSchema>;

export const metadataSchema = z.object({
  activatedMachines: z.optional(z.nullable(count)),
  licenseStatus: z.optional(
    z.nullable(
      z.object({
        isValid: z.boolean(),
        reasonForInvalidity: z.int(),
        trial: z.boolean(),
        timeLimited: z.boolean(),
        timeLeft: z.int(),
      }),
    ),
  ),
  usedFloatingMachines: z.optional(z.nullable(count)),
});
export type MetadataJson = z.infer<typeof metadataSchema>;

const success = { result: z.literal(0), message: z.nullish(z.string()) };

export const getKeyResponseSchema = z.object({
  ...success,
  licenseKey: licenseKeyJsonSchema,
  // May be null under a token's feature lock or FieldsToReturn (CD KeyInfoResult remarks).
  metadata: z.optional(z.nullable(metadataSchema)),
});

// Revisions of the GetKeys page name the list `LicenseKeys` and `LicenseKey`; the SDKs read
// `licenseKeys`. Moving a list found under `licenseKey` keeps error paths pointing at the row.
const listUnderEitherName = (data: unknown): unknown => {
  if (typeof data !== 'object' || data === null || 'licenseKeys' in data || !('licenseKey' in data)) return data;
  const { licenseKey, ...rest } = data as Record<string, unknown>;
  return Array.isArray(licenseKey) ? { ...rest, licenseKeys: licenseKey } : data;
};

export const getKeysResponseSchema = z.pipe(
  z.transform(listUnderEitherName),
  z.object({
    ...success,
    licenseKeys: z.array(licenseKeyJsonSchema),
    returned: count,
    total: count,
    pageCount: count,
  }),
);
